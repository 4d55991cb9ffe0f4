package vn.danvan.orgunit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restating figures to the units of a day (contracts §6): which units' figures can flow into a
 * unit's subtree, and where each unit's figures go on that day through the successions effective by
 * then (whole successions carry everything, splits carry their allocation shares, an abolished
 * district is carried by its communes' carriers). Reporting uses it to count a value kept against a
 * unit of 2024 in today's units.
 */
@Component
@Transactional(readOnly = true)
public class Restatements {

    private final JdbcClient jdbc;
    private final OrgUnits units;

    Restatements(JdbcClient jdbc, OrgUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /**
     * Every unit whose figures may count in the subtree of {@code unitId} restated to {@code on}: the
     * units ever under it and everything under the units that passed into any of them (directly or
     * through earlier successions), e.g. for today's Thái Nguyên the communes of the old Thái Nguyên
     * and of the old Bắc Kạn.
     */
    public List<Long> unitsFlowingInto(long unitId, LocalDate on) {
        var paths = jdbc.sql("""
                with recursive subtree as (
                    select u.id from org_unit u
                    where u.path like (select p.path from org_unit p where p.id = :id) || '%'
                ),
                origin(id) as (
                    select id from subtree
                    union
                    select s.predecessor_id
                    from org_unit_succession s
                    join origin o on s.successor_id = o.id
                    where s.effective_on <= :on
                )
                select u.path from org_unit u where u.id in (select id from origin)
                """).param("id", unitId).param("on", on).query(String.class).list().stream().sorted().toList();
        // Keep the outermost paths only (sorted, a path after its prefix): one index range scan each.
        var outermost = new ArrayList<String>();
        for (var path : paths) {
            if (outermost.isEmpty() || !path.startsWith(outermost.get(outermost.size() - 1))) {
                outermost.add(path);
            }
        }
        return units.idsWithin(outermost);
    }

    private record Node(long id, String path, LocalDate validFrom, LocalDate validTo) {

        boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }

    private record Edge(long predecessorId, long successorId, boolean whole, BigDecimal share) {
    }

    /**
     * Where each unit's figures go on {@code on}: a unit valid that day carries its own (share 1); a
     * unit not yet established carries nothing (an empty list).
     */
    public Map<Long, List<Allocation>> allocate(Collection<Long> unitIds, LocalDate on) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        var ids = unitIds.stream().distinct().toList();
        var out = new HashMap<Long, List<Edge>>();
        var nodes = new HashMap<Long, Node>();
        var frontier = new LinkedHashSet<>(ids);
        var seenDeadEnds = new HashSet<Long>();
        while (!frontier.isEmpty()) {
            var reached = new LinkedHashSet<>(frontier);
            for (var e : edgesFrom(frontier, on)) {
                if (!out.containsKey(e.predecessorId()) || out.get(e.predecessorId()).stream()
                        .noneMatch(x -> x.successorId() == e.successorId())) {
                    out.computeIfAbsent(e.predecessorId(), k -> new ArrayList<>()).add(e);
                }
                reached.add(e.successorId());
            }
            readNodes(reached, nodes);
            // A unit that ended with no succession of its own (an abolished district) passes to its
            // children (contracts §3): each carries an unknown part unless it is the only one.
            frontier = new LinkedHashSet<>();
            for (var n : List.copyOf(nodes.values())) {
                if (n.validTo() != null && n.validTo().isBefore(on) && !out.containsKey(n.id()) && seenDeadEnds.add(n.id())) {
                    var children = jdbc.sql("""
                            select id from org_unit
                            where parent_id = :id and category = 'AREA' and validity @> cast(:day as date)
                            """).param("id", n.id()).param("day", n.validTo()).query(Long.class).list();
                    for (var c : children) {
                        out.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(new Edge(n.id(), c, children.size() == 1, null));
                        frontier.add(c);
                    }
                }
            }
            readNodes(frontier, nodes);
        }
        var result = new LinkedHashMap<Long, List<Allocation>>();
        for (var id : ids) {
            result.put(id, List.copyOf(distribute(id, on, out, nodes, new HashSet<>()).values()));
        }
        return result;
    }

    /** Every succession edge reachable from the units, effective by that day. */
    private List<Edge> edgesFrom(Collection<Long> from, LocalDate on) {
        return jdbc.sql("""
                with recursive reach(id) as (
                    select unnest(cast(:ids as bigint[]))
                    union
                    select s.successor_id
                    from org_unit_succession s
                    join reach r on s.predecessor_id = r.id
                    where s.effective_on <= :on
                )
                select s.predecessor_id, s.successor_id, s.whole, s.share
                from org_unit_succession s
                where s.predecessor_id in (select id from reach)
                  and s.effective_on <= :on
                """).param("ids", from.toArray(Long[]::new)).param("on", on).query(Edge.class).list();
    }

    private void readNodes(Set<Long> ids, Map<Long, Node> nodes) {
        var missing = ids.stream().filter(i -> !nodes.containsKey(i)).toArray(Long[]::new);
        if (missing.length == 0) {
            return;
        }
        jdbc.sql("select id, path, valid_from, valid_to from org_unit where id = any(cast(:ids as bigint[]))")
                .param("ids", missing).query(Node.class).list().forEach(n -> nodes.put(n.id(), n));
    }

    private LinkedHashMap<Long, Allocation> distribute(long id, LocalDate on, Map<Long, List<Edge>> out,
                                                       Map<Long, Node> nodes, Set<Long> visiting) {
        var result = new LinkedHashMap<Long, Allocation>();
        var node = nodes.get(id);
        if (node == null || !visiting.add(id)) {
            return result;
        }
        if (node.validOn(on)) {
            result.put(id, new Allocation(id, node.path(), BigDecimal.ONE));
        } else if (node.validFrom() == null || !on.isBefore(node.validFrom())) {
            for (var edge : out.getOrDefault(id, List.of())) {
                var part = edge.whole() ? BigDecimal.ONE : edge.share();
                var next = distribute(edge.successorId(), on, out, nodes, visiting);
                for (var a : next.values()) {
                    var share = part == null || a.share() == null ? null : part.multiply(a.share());
                    result.merge(a.carrierId(), new Allocation(a.carrierId(), a.path(), share),
                            (x, y) -> new Allocation(x.carrierId(), x.path(),
                                    x.share() == null || y.share() == null ? null : x.share().add(y.share())));
                }
            }
        }
        visiting.remove(id);
        return result;
    }
}
