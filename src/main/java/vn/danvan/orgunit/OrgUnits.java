package vn.danvan.orgunit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;
import vn.danvan.shared.VietnameseText;

/**
 * The unit tree and its history, read as of a day. Units are public reference data: this API does
 * not check who asks; callers that show records held by a unit check scope themselves.
 */
@Component
@Transactional(readOnly = true)
public class OrgUnits {

    /** Columns of a unit with the version valid on :on, or nearest to it for a unit not valid then. */
    static final String UNIT_AS_OF = """
            select u.id, u.code, u.category, u.level, v.kind, v.name, v.name_en, u.parent_id, u.path, u.depth,
                   u.valid_from, u.valid_to, v.sort_name
            from org_unit u
            join lateral (
                select x.kind, x.name, x.name_en, x.sort_name
                from org_unit_version x
                where x.unit_id = u.id
                order by x.validity @> cast(:on as date) desc,
                         (x.valid_from is null or x.valid_from <= cast(:on as date)) desc,
                         x.valid_from desc nulls last
                limit 1
            ) v on true
            """;

    /** A day after every unit's start: asking "as of" it gives each unit's latest name. */
    static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

    /** How long scope paths are kept: successions added on another instance reach this one within it. */
    static final long SCOPE_CACHE_MILLIS = 60_000;

    private record CachedPaths(Set<String> paths, long readAt) {
    }

    private final JdbcClient jdbc;
    /** A unit's path never changes (a reorganised tree is new units and successions): read once per unit. */
    private final Map<Long, String> pathById = new ConcurrentHashMap<>();
    /** Scope paths by unit, read at most a minute ago; every signed-in request and scope check needs them. */
    private final Map<Long, CachedPaths> scopePathsById = new ConcurrentHashMap<>();

    OrgUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrgUnit> find(long id, LocalDate on) {
        return jdbc.sql(UNIT_AS_OF + " where u.id = :id").param("on", on).param("id", id)
                .query(OrgUnit.class).optional();
    }

    /** Units by id, each as of a day (its version valid then, or the nearest one), in one query. */
    public java.util.Map<Long, OrgUnit> findAll(Collection<Long> ids, LocalDate on) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql(UNIT_AS_OF + " where u.id = any(:ids)").param("on", on).param("ids", ids.toArray(Long[]::new))
                .query(OrgUnit.class).stream()
                .collect(java.util.stream.Collectors.toMap(OrgUnit::id, u -> u));
    }

    /**
     * Units by id, each as of each day asked, as {@link #findAll(Collection, LocalDate)} gives them day by day, from one
     * read of their versions: a pivot of a province's ~400 units over eight period ends read them eight times (~4 ms
     * each). A unit's version on a day is the one {@link #UNIT_AS_OF} orders first: the one valid that day, else the
     * latest one begun by then.
     */
    public java.util.Map<LocalDate, java.util.Map<Long, OrgUnit>> findAll(Collection<Long> ids, Collection<LocalDate> days) {
        var result = new java.util.HashMap<LocalDate, java.util.Map<Long, OrgUnit>>();
        days.forEach(day -> result.put(day, new java.util.HashMap<>()));
        if (ids.isEmpty() || days.isEmpty()) {
            return result;
        }
        var versions = new java.util.HashMap<Long, List<NamedVersion>>();
        jdbc.sql("""
                select u.id, u.code, u.category, u.level, u.parent_id, u.path, u.depth, u.valid_from, u.valid_to,
                       x.kind, x.name, x.name_en, x.valid_from as version_from, x.valid_to as version_to
                from org_unit u join org_unit_version x on x.unit_id = u.id
                where u.id = any(:ids)
                """).param("ids", ids.toArray(Long[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    var unit = new OrgUnit(rs.getLong("id"), rs.getString("code"), UnitCategory.valueOf(rs.getString("category")),
                            UnitLevel.valueOf(rs.getString("level")), UnitKind.valueOf(rs.getString("kind")), rs.getString("name"),
                            rs.getString("name_en"), rs.getObject("parent_id", Long.class), rs.getString("path"), rs.getInt("depth"),
                            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
                    versions.computeIfAbsent(unit.id(), id -> new java.util.ArrayList<>()).add(new NamedVersion(unit,
                            rs.getObject("version_from", LocalDate.class), rs.getObject("version_to", LocalDate.class)));
                });
        for (var day : days) {
            var named = result.get(day);
            versions.forEach((id, list) -> named.put(id, list.stream().min(NamedVersion.asOf(day)).orElseThrow().unit()));
        }
        return result;
    }

    /** A unit named by one of its versions, valid from {@code from} to {@code to} (null: unbounded). */
    record NamedVersion(OrgUnit unit, LocalDate from, LocalDate to) {

        /** First the version as {@link #UNIT_AS_OF} orders them for {@code day}. */
        static java.util.Comparator<NamedVersion> asOf(LocalDate day) {
            java.util.Comparator<NamedVersion> valid = java.util.Comparator.comparing(
                    v -> !((v.from == null || !day.isBefore(v.from)) && (v.to == null || !day.isAfter(v.to))));
            java.util.Comparator<NamedVersion> begun = java.util.Comparator.comparing(v -> !(v.from == null || !day.isBefore(v.from)));
            java.util.Comparator<NamedVersion> latest = java.util.Comparator.comparing(NamedVersion::from,
                    java.util.Comparator.nullsLast(java.util.Comparator.<LocalDate>reverseOrder()));
            return valid.thenComparing(begun).thenComparing(latest);
        }
    }

    /**
     * Units by id as a report names them: as of {@code day}, else as of {@code today}, else as their last version
     * (an old commune that ended before both days keeps its last name).
     */
    public java.util.Map<Long, OrgUnit> lastKnown(Collection<Long> ids, LocalDate day, LocalDate today) {
        var named = new java.util.HashMap<>(findAll(ids, day));
        named.putAll(findAll(ids.stream().filter(id -> !named.containsKey(id)).toList(), today));
        ids.stream().filter(id -> !named.containsKey(id)).toList().forEach(id -> versions(id).stream()
                .reduce((a, b) -> b).flatMap(v -> find(id, v.validFrom())).ifPresent(u -> named.put(id, u)));
        return named;
    }

    /** @throws NotFoundException when no unit has this id */
    public OrgUnit get(long id, LocalDate on) {
        return find(id, on).orElseThrow(() -> new NotFoundException("unit", id));
    }

    /** The unit holding {@code code} on {@code on}, if any. */
    public Optional<OrgUnit> findByCode(String code, LocalDate on) {
        return jdbc.sql(UNIT_AS_OF + " where u.code = :code and u.validity @> cast(:on as date)")
                .param("on", on).param("code", code.trim())
                .query(OrgUnit.class).optional();
    }

    /**
     * The units holding the codes on a day, by code, in one query (an import names thousands of units at
     * once); a code no unit holds that day is absent.
     */
    public java.util.Map<String, OrgUnit> findAllByCode(Collection<String> codes, LocalDate on) {
        if (codes.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql(UNIT_AS_OF + " where u.code = any(:codes) and u.validity @> cast(:on as date)")
                .param("on", on).param("codes", codes.stream().map(String::trim).distinct().toArray(String[]::new))
                .query(OrgUnit.class).stream()
                .collect(java.util.stream.Collectors.toMap(OrgUnit::code, u -> u, (a, b) -> a));
    }

    /**
     * Every unit that held one of the codes on some day from {@code from} to {@code to}, in one query (an
     * import names its units for several periods at once: one probe of the code index per code, not per
     * code and period end); each named as on {@code to}, or on its last day if it ended before. The unit
     * holding a code on a day is the one {@link OrgUnit#validOn} that day.
     */
    public List<OrgUnit> holdersBetween(Collection<String> codes, LocalDate from, LocalDate to) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(UNIT_AS_OF + " where u.code = any(:codes) and u.validity && daterange(cast(:from as date), cast(:on as date), '[]')")
                .param("on", to).param("from", from).param("codes", codes.stream().map(String::trim).distinct().toArray(String[]::new))
                .query(OrgUnit.class).list();
    }

    /**
     * SQL: the row of the country's forms a unit counts in — the second id of its path (a province, before or after
     * the 2025 reform), or the unit itself for the country. {@code alias} names the org_unit row in the statement.
     */
    public static String countryRowOf(String alias) {
        return "coalesce(nullif(split_part(" + alias + ".path, '/', 3), '')::bigint, " + alias + ".id)";
    }

    /** Every unit that ever held {@code code}, earliest first, named as on their last valid day. */
    public List<OrgUnit> holdersOf(String code) {
        return jdbc.sql(UNIT_AS_OF + " where u.code = :code order by u.valid_from nulls first")
                .param("on", END_OF_TIME).param("code", code.trim())
                .query(OrgUnit.class).list();
    }

    /** Direct children valid on {@code on}: bodies first, then areas, each in Vietnamese order. */
    public List<OrgUnit> children(long id, LocalDate on) {
        return jdbc.sql(UNIT_AS_OF + """
                where u.parent_id = :id and u.validity @> cast(:on as date)
                order by u.category desc, v.sort_name, u.code
                """)
                .param("on", on).param("id", id)
                .query(OrgUnit.class).list();
    }

    /** The ancestors of a unit, root first, named as on {@code on}. */
    public List<OrgUnit> ancestors(long id, LocalDate on) {
        var unit = get(id, on);
        var ids = pathIds(unit.path());
        ids.remove(ids.size() - 1);
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(UNIT_AS_OF + " where u.id in (:ids) order by u.depth")
                .param("on", on).param("ids", ids)
                .query(OrgUnit.class).list();
    }

    /** The subtree of {@code id} as it stood on {@code on}, in tree order. */
    public List<OrgUnit> subtree(long id, LocalDate on) {
        return jdbc.sql(UNIT_AS_OF + """
                where u.path ~>=~ (select path from org_unit where id = :id)
                  and u.path ~<~ (select left(path, -1) || '0' from org_unit where id = :id)
                  and u.validity @> cast(:on as date)
                order by u.depth, u.category desc, v.sort_name
                """)
                .param("on", on).param("id", id)
                .query(OrgUnit.class).list();
    }

    public PageResult<OrgUnit> list(UnitQuery query, int page, int size) {
        var where = """
                where u.validity @> cast(:on as date)
                  and (cast(:level as text) is null or u.level = :level)
                  and (cast(:category as text) is null or u.category = :category)
                  and (cast(:kind as text) is null or v.kind = :kind)
                  and (cast(:parentId as bigint) is null or u.parent_id = :parentId)
                  and (cast(:text as text) is null
                       or search_key(v.name) like '%' || :text || '%'
                       or u.code like :code || '%')
                """;
        var text = query.text() == null || query.text().isBlank() ? null : VietnameseText.searchKey(query.text().trim());
        var total = bind(jdbc.sql("select count(*) from (" + UNIT_AS_OF + where + ") c"), query, text)
                .query(Long.class).single();
        var rows = bind(jdbc.sql("select * from (" + UNIT_AS_OF
                        + where + ") c order by c.sort_name, c.code limit :limit offset :offset"), query, text)
                .param("limit", size).param("offset", (long) page * size)
                .query(OrgUnit.class).list();
        return new PageResult<>(rows, total, page, size);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UnitQuery q, String text) {
        return spec.param("on", q.validOn())
                .param("level", q.level() == null ? null : q.level().name())
                .param("category", q.category() == null ? null : q.category().name())
                .param("kind", q.kind() == null ? null : q.kind().name())
                .param("parentId", q.parentId())
                .param("text", text)
                .param("code", q.text() == null ? null : q.text().trim());
    }

    /**
     * Units whose name contains the words of {@code text} (accents, đ/d and tone placement ignored)
     * or whose code starts with it, valid on {@code on}; best matches first.
     */
    public List<OrgUnit> search(String text, LocalDate on, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return jdbc.sql("select * from (" + UNIT_AS_OF + """
                    where u.validity @> cast(:on as date)
                      and (search_key(v.name) like '%' || :key || '%' or u.code like :code || '%')
                ) s
                order by (s.code = :code) desc, s.category, similarity(search_key(s.name), :key) desc, s.sort_name
                limit :limit
                """)
                .param("on", on).param("key", VietnameseText.searchKey(text.trim())).param("code", text.trim())
                .param("limit", limit)
                .query(OrgUnit.class).list();
    }

    /** The units this one came from, with the day and how. */
    public List<SuccessionLink> predecessors(long id) {
        return links("successor_id", "predecessor_id", id);
    }

    /** The units this one passed into, with the day and how. */
    public List<SuccessionLink> successors(long id) {
        return links("predecessor_id", "successor_id", id);
    }

    private List<SuccessionLink> links(String from, String to, long id) {
        record Edge(long otherId, LocalDate effectiveOn, boolean whole, SuccessionKind kind) {
        }
        // from/to are column names chosen by this class, never input
        var edges = jdbc.sql("select " + to + " as other_id, effective_on, whole, kind from org_unit_succession where "
                        + from + " = :id order by effective_on")
                .param("id", id).query(Edge.class).list();
        var result = new ArrayList<SuccessionLink>();
        for (var e : edges) {
            var other = get(e.otherId(), e.effectiveOn().minusDays(from.equals("successor_id") ? 1 : 0));
            result.add(new SuccessionLink(other, e.effectiveOn(), e.whole(), e.kind()));
        }
        result.sort((a, b) -> VietnameseText.withNewTonePlacement(a.other().name())
                .compareTo(VietnameseText.withNewTonePlacement(b.other().name())));
        return result;
    }

    /**
     * Which units carry {@code code} on {@code on} (contracts §3). With {@code held}, the unit is the
     * one that held the code on that day; without it, among the units that ever held the code, the
     * one whose validity began latest strictly before {@code on} (the open start counts as begun),
     * else the one valid on {@code on}.
     *
     * @throws NotFoundException when no unit fits
     */
    public Successors successorsOf(String code, LocalDate on, LocalDate held) {
        OrgUnit unit;
        if (held != null) {
            unit = findByCode(code, held).orElseThrow(() -> new NotFoundException("unit", code));
        } else {
            var holders = holdersOf(code);
            unit = holders.stream()
                    .filter(h -> h.validFrom() == null || h.validFrom().isBefore(on))
                    .reduce((a, b) -> b)
                    .or(() -> holders.stream().filter(h -> h.validOn(on)).findFirst())
                    .orElseThrow(() -> new NotFoundException("unit", code));
        }
        var carriers = carriersOn(unit.id(), on);
        return new Successors(find(unit.id(), on).orElseThrow(), on, carriers);
    }

    /**
     * The units that carry {@code id} on {@code on}: itself while valid; else, through every
     * succession effective on or before that day, its successors' carriers; a unit that ended with
     * no succession of its own (an abolished district) is carried by its children's carriers.
     */
    public List<OrgUnit> carriersOn(long id, LocalDate on) {
        var found = new LinkedHashMap<Long, OrgUnit>();
        collectCarriers(id, on, new LinkedHashSet<>(), found);
        return found.values().stream()
                .sorted((a, b) -> VietnameseText.withNewTonePlacement(a.name())
                        .compareTo(VietnameseText.withNewTonePlacement(b.name())))
                .toList();
    }

    private void collectCarriers(long id, LocalDate on, Set<Long> visited, LinkedHashMap<Long, OrgUnit> found) {
        if (!visited.add(id)) {
            return;
        }
        var unit = get(id, on);
        if (unit.validOn(on)) {
            found.put(unit.id(), unit);
            return;
        }
        if (unit.validFrom() != null && on.isBefore(unit.validFrom())) {
            return; // not yet established on that day
        }
        var next = jdbc.sql("""
                select successor_id from org_unit_succession
                where predecessor_id = :id and effective_on <= :on
                """).param("id", id).param("on", on).query(Long.class).list();
        if (next.isEmpty() && unit.validTo() != null) {
            next = jdbc.sql("""
                    select id from org_unit
                    where parent_id = :id and validity @> cast(:day as date) and category = 'AREA'
                    """).param("id", id).param("day", unit.validTo()).query(Long.class).list();
        }
        for (var n : next) {
            collectCarriers(n, on, visited, found);
        }
    }

    /** Every dated version of a unit's name and kind, oldest first. */
    public List<UnitVersion> versions(long id) {
        return jdbc.sql("""
                select valid_from, valid_to, kind, name, name_en, change
                from org_unit_version
                where unit_id = :id
                order by valid_from nulls first
                """).param("id", id).query(UnitVersion.class).list();
    }

    /**
     * The paths a role granted at {@code id} covers: the unit's own and those of every unit that
     * passed into it, whole or in part, directly or through earlier successions — so that a role
     * at the merged Thái Nguyên also covers the records of the old Bắc Kạn.
     */
    public Set<String> scopePaths(long id) {
        var cached = scopePathsById.get(id);
        var now = System.currentTimeMillis();
        if (cached != null && now - cached.readAt() <= SCOPE_CACHE_MILLIS) {
            return cached.paths();
        }
        var paths = Collections.unmodifiableSet(readScopePaths(id));
        scopePathsById.put(id, new CachedPaths(paths, now));
        return paths;
    }

    /** Forgets the scope paths read, after successions were added on this instance. */
    void forgetScopePaths() {
        scopePathsById.clear();
    }

    private LinkedHashSet<String> readScopePaths(long id) {
        // "= any(array(…))": the planner misjudges the recursive part (a few rows estimated at hundreds)
        // and joined it to a full scan of org_unit, ~8 ms on every signed-in request.
        return new LinkedHashSet<>(jdbc.sql("""
                with recursive origin(id) as (
                    select cast(:id as bigint)
                    union
                    select s.predecessor_id from org_unit_succession s join origin o on s.successor_id = o.id
                )
                select u.path from org_unit u where u.id = any(array(select id from origin))
                """).param("id", id).query(String.class).list());
    }

    /** Is the unit inside one of the given scope paths? */
    public boolean isWithin(long unitId, Collection<String> scopePaths) {
        if (scopePaths.isEmpty()) {
            return false;
        }
        var path = pathOf(unitId);
        return path.isPresent() && scopePaths.stream().anyMatch(path.get()::startsWith);
    }

    /** The unit's path ("/1/42/"), read once per unit and instance. */
    Optional<String> pathOf(long unitId) {
        var known = pathById.get(unitId);
        if (known != null) {
            return Optional.of(known);
        }
        var path = jdbc.sql("select path from org_unit where id = :id").param("id", unitId).query(String.class).optional();
        path.ifPresent(p -> pathById.put(unitId, p));
        return path;
    }

    /** Ids of every unit ever inside the given scope paths. */
    public List<Long> idsWithin(Collection<String> scopePaths) {
        if (scopePaths.isEmpty()) {
            return List.of();
        }
        var ids = new LinkedHashSet<Long>();
        for (var path : scopePaths) {
            ids.addAll(jdbc.sql("select id from org_unit where path ~>=~ :from and path ~<~ :to")
                    .param("from", path).param("to", pathRangeEnd(path)).query(Long.class).list());
        }
        return List.copyOf(ids);
    }

    public long countValidOn(UnitLevel level, UnitCategory category, LocalDate on) {
        return jdbc.sql("select count(*) from org_unit where level = :level and category = :category and validity @> cast(:on as date)")
                .param("level", level.name()).param("category", category.name()).param("on", on)
                .query(Long.class).single();
    }

    /**
     * The first path after every path that starts with {@code path}: "/1/42/" → "/1/420". A subtree is
     * then the index range [path, end) under the text_pattern_ops index ('0' follows '/' in byte
     * order); {@code like path || '%'} with a joined or bound prefix cannot use the index.
     */
    static String pathRangeEnd(String path) {
        return path.substring(0, path.length() - 1) + "0";
    }

    static List<Long> pathIds(String path) {
        var ids = new ArrayList<Long>();
        for (var part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }
}
