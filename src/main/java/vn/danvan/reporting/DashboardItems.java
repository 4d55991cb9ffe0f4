package vn.danvan.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The items of a unit's dashboard (bảng điều khiển): pivots and charts saved with the question they
 * ask, answered live when the dashboard opens. Everyone who may read the unit's records sees its
 * dashboard; officers who may write for the unit add, reorder and remove items (others: 404). Every
 * change is audited in its transaction; a stale {@code version} answers 409.
 */
@Service
@Transactional
public class DashboardItems {

    /** Kinds of item: a table or a chart. */
    public enum Kind {
        PIVOT, CHART
    }

    /** An item as kept. {@code query}: the pivot question as query parameters. */
    public record DashboardItem(long id, String unit, Kind kind, String title, String query, int position, int version,
                                String createdBy) {

        public PivotQuestion question() {
            return PivotQuestion.fromQuery(query);
        }
    }

    private static final String SELECT = """
            select id, :code as unit, kind, title, query, position, version, created_by
            from reporting_dashboard_item
            """;

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final OrgScope scope;
    private final Pivots pivots;
    private final AuditTrail audit;
    private final Clock clock;

    DashboardItems(JdbcClient jdbc, OrgUnits units, OrgScope scope, Pivots pivots, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.scope = scope;
        this.pivots = pivots;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The items of a unit's dashboard, in order.
     *
     * @throws NotFoundException for an unknown unit or one the user may not read
     */
    @Transactional(readOnly = true)
    public List<DashboardItem> of(String unitCode, CurrentUser user) {
        var unit = unit(unitCode);
        scope.requireRead(user, unit.id(), "unit", unitCode);
        return jdbc.sql(SELECT + " where unit_id = :unit order by position, id")
                .param("code", unit.code()).param("unit", unit.id()).query(DashboardItem.class).list();
    }

    /**
     * Adds an item at the end of a unit's dashboard, once its question is checked by answering it.
     *
     * @throws InvalidInputException naming {@code title}, {@code kind} or the question's field
     * @throws NotFoundException     when the user may not write for the unit (or read the pivot's unit)
     */
    public DashboardItem add(String unitCode, String kind, String title, PivotQuestion question, CurrentUser user) {
        var unit = unit(unitCode);
        scope.requireWrite(user, unit.id(), "unit", unitCode);
        var cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            throw new InvalidInputException("title", "validation.required");
        }
        if (cleanTitle.length() > 200) {
            throw new InvalidInputException("title", "validation.too-long", 200);
        }
        Kind itemKind;
        try {
            itemKind = Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "validation.bad-value", String.valueOf(kind));
        }
        var answered = pivots.pivot(question, user).question();
        var query = answered.toQuery();
        var id = jdbc.sql("""
                insert into reporting_dashboard_item (unit_id, kind, title, query, position, created_by)
                values (:unit, :kind, :title, :query,
                        coalesce((select max(position) from reporting_dashboard_item where unit_id = :unit), 0) + 1, :by)
                returning id
                """).param("unit", unit.id()).param("kind", itemKind.name()).param("title", cleanTitle).param("query", query)
                .param("by", user.username()).query(Long.class).single();
        audit.record("reporting.dashboard-item-added", "reporting_dashboard_item", id, unit.id(), null,
                AuditTrail.fields("unit", unit.code(), "kind", itemKind.name(), "title", cleanTitle, "query", query));
        return get(id, unit);
    }

    /**
     * Moves an item one place up ({@code up}) or down its dashboard, swapping with its neighbour.
     *
     * @throws ConflictException when {@code version} is not the item's current one
     */
    public DashboardItem move(long id, boolean up, int version, CurrentUser user) {
        var item = writable(id, user);
        var unitId = unitIdOf(id);
        checkVersion(item, version);
        var neighbour = jdbc.sql("""
                select id, position from reporting_dashboard_item
                where unit_id = :unit and (case when :up then position < :position else position > :position end)
                order by case when :up then -position else position end
                limit 1
                """).param("unit", unitId).param("up", up).param("position", item.position())
                .query((rs, n) -> new long[] {rs.getLong("id"), rs.getInt("position")}).optional();
        if (neighbour.isEmpty()) {
            return item;
        }
        jdbc.sql("update reporting_dashboard_item set position = :p, version = version + 1 where id = :id")
                .param("p", neighbour.get()[1]).param("id", id).update();
        jdbc.sql("update reporting_dashboard_item set position = :p, version = version + 1 where id = :id")
                .param("p", item.position()).param("id", neighbour.get()[0]).update();
        audit.record("reporting.dashboard-item-moved", "reporting_dashboard_item", id, unitId,
                AuditTrail.fields("position", item.position()), AuditTrail.fields("position", (int) neighbour.get()[1]));
        return get(id, units.get(unitId, LocalDate.now(clock)));
    }

    /** Removes an item. @throws ConflictException when {@code version} is not the item's current one */
    public void remove(long id, int version, CurrentUser user) {
        var item = writable(id, user);
        var unitId = unitIdOf(id);
        checkVersion(item, version);
        jdbc.sql("delete from reporting_dashboard_item where id = :id and version = :v").param("id", id).param("v", version).update();
        audit.record("reporting.dashboard-item-removed", "reporting_dashboard_item", id, unitId,
                AuditTrail.fields("title", item.title(), "kind", item.kind().name(), "query", item.query()), null);
    }

    private DashboardItem writable(long id, CurrentUser user) {
        var unitId = jdbc.sql("select unit_id from reporting_dashboard_item where id = :id").param("id", id)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("dashboard-item", id));
        if (!scope.canWrite(user, unitId)) {
            throw new NotFoundException("dashboard-item", id);
        }
        return get(id, units.get(unitId, LocalDate.now(clock)));
    }

    private long unitIdOf(long id) {
        return jdbc.sql("select unit_id from reporting_dashboard_item where id = :id").param("id", id).query(Long.class).single();
    }

    private static void checkVersion(DashboardItem item, int version) {
        if (item.version() != version) {
            throw new ConflictException("dashboard-item", item.title());
        }
    }

    private DashboardItem get(long id, OrgUnit unit) {
        return jdbc.sql(SELECT + " where id = :id for update").param("code", unit.code()).param("id", id)
                .query(DashboardItem.class).single();
    }

    private OrgUnit unit(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("unit", "validation.required");
        }
        return units.findByCode(code.strip(), LocalDate.now(clock)).orElseThrow(() -> new NotFoundException("unit", code.strip()));
    }
}
