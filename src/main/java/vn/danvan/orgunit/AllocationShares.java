package vn.danvan.orgunit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * Allocation shares of split units (contracts §6): the part of a split unit's figures each of its
 * successors carries when figures are restated to today's units. The caller — a controller in
 * {@code web} — checks that the user is a system administrator; every change is audited here.
 */
@Service
@Transactional
public class AllocationShares {

    /** How far the shares of one split may be from summing to 1 (rounding of six decimals). */
    static final BigDecimal TOLERANCE = new BigDecimal("0.0001");

    /** One part of a split: the successor as it was on the day of the split, and its share (null: not set). */
    public record Part(OrgUnit successor, LocalDate effectiveOn, BigDecimal share) {
    }

    /** A split unit, as it was the day before the split, and its parts. */
    public record Split(OrgUnit unit, List<Part> parts) {

        public boolean complete() {
            return parts.stream().allMatch(p -> p.share() != null);
        }
    }

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final AuditTrail audit;

    AllocationShares(JdbcClient jdbc, OrgUnits units, AuditTrail audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
    }

    /**
     * The split units (successions in part) whose code or name contains {@code text} (any when blank),
     * those with shares still to set first.
     */
    @Transactional(readOnly = true)
    public PageResult<Split> splits(String text, int page, int size) {
        var q = text == null ? "" : text.strip();
        var ids = jdbc.sql("""
                select s.predecessor_id
                from org_unit_succession s
                join org_unit u on u.id = s.predecessor_id
                where not s.whole
                  and (:q = '' or u.code = :q or exists (
                        select 1 from org_unit_version v
                        where v.unit_id = u.id and search_key(v.name) like '%' || search_key(:q) || '%'))
                group by s.predecessor_id, u.code
                order by bool_and(s.share is not null), u.code
                """).param("q", q).query(Long.class).list();
        var content = ids.stream().skip((long) page * size).limit(size).map(this::split).toList();
        return new PageResult<>(content, ids.size(), page, size);
    }

    /**
     * One split unit and its parts.
     *
     * @throws NotFoundException when the unit was not split
     */
    @Transactional(readOnly = true)
    public Split split(long unitId) {
        record Row(long successorId, LocalDate effectiveOn, BigDecimal share) {
        }
        var rows = jdbc.sql("""
                select successor_id, effective_on, share
                from org_unit_succession
                where predecessor_id = :id and not whole
                order by successor_id
                """).param("id", unitId).query(Row.class).list();
        if (rows.isEmpty()) {
            throw new NotFoundException("unit", unitId);
        }
        var day = rows.get(0).effectiveOn();
        var unit = units.get(unitId, day.minusDays(1));
        var parts = rows.stream().map(r -> new Part(units.get(r.successorId(), r.effectiveOn()), r.effectiveOn(), r.share()))
                .toList();
        return new Split(unit, parts);
    }

    /**
     * Sets the shares of every part of a split at once; they must each lie in (0, 1] and sum to 1.
     *
     * @param shares by successor id; every part of the split must be given
     * @throws InvalidInputException naming {@code share.<successor id>} or {@code shares}
     */
    public Split setShares(long unitId, Map<Long, BigDecimal> shares) {
        var before = split(unitId);
        var problems = new ArrayList<Problem>();
        var sum = BigDecimal.ZERO;
        for (var part : before.parts()) {
            var field = "share." + part.successor().id();
            var share = shares.get(part.successor().id());
            if (share == null) {
                problems.add(new Problem(field, "validation.required"));
            } else if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
                problems.add(new Problem(field, "unit.share.range", part.successor().name()));
            } else if (share.scale() > 6 && share.stripTrailingZeros().scale() > 6) {
                problems.add(new Problem(field, "unit.share.precision", part.successor().name()));
            } else {
                sum = sum.add(share);
            }
        }
        for (var id : shares.keySet()) {
            if (before.parts().stream().noneMatch(p -> p.successor().id() == id)) {
                problems.add(new Problem("shares", "unit.share.not-a-part", id));
            }
        }
        if (problems.isEmpty() && sum.subtract(BigDecimal.ONE).abs().compareTo(TOLERANCE) > 0) {
            problems.add(new Problem("shares", "unit.share.sum", sum.stripTrailingZeros().toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var old = new LinkedHashMap<String, Object>();
        var now = new LinkedHashMap<String, Object>();
        for (var part : before.parts()) {
            var share = shares.get(part.successor().id());
            jdbc.sql("update org_unit_succession set share = :share where predecessor_id = :p and successor_id = :s")
                    .param("share", share).param("p", unitId).param("s", part.successor().id()).update();
            old.put(part.successor().code(), part.share() == null ? null : part.share().toPlainString());
            now.put(part.successor().code(), share.toPlainString());
        }
        audit.record("orgunit.shares-set", "org_unit", unitId, unitId, old, now);
        return split(unitId);
    }
}
