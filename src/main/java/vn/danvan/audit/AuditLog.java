package vn.danvan.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.shared.PageResult;

/** Reads the audit log for administrators: filter by actor, action, entity, unit set and dates. */
@Component
@Transactional(readOnly = true)
public class AuditLog {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param unitIds the units whose changes the reader may see; null means every unit (system
     *                administrators), and changes not tied to a unit are then shown too
     */
    public record Filter(String actor, String action, String entityType, String entityId,
                         LocalDate from, LocalDate to, List<Long> unitIds) {
    }

    public PageResult<AuditEntry> search(Filter filter, int page, int size) {
        var where = """
                where (cast(:actor as text) is null or actor = :actor)
                  and (cast(:action as text) is null or action like :action || '%')
                  and (cast(:entityType as text) is null or entity_type = :entityType)
                  and (cast(:entityId as text) is null or entity_id = :entityId)
                  and (cast(:fromTs as timestamptz) is null or occurred_at >= :fromTs)
                  and (cast(:toTs as timestamptz) is null or occurred_at < :toTs)
                  and (:allUnits or unit_id = any(:unitIds))
                """;
        var total = bind(jdbc.sql("select count(*) from audit_log " + where), filter)
                .query(Long.class).single();
        var rows = bind(jdbc.sql("""
                select id, occurred_at, actor, action, entity_type, entity_id, unit_id,
                       before_state::text as before_state, after_state::text as after_state
                from audit_log
                """ + where + """
                order by occurred_at desc, id desc
                limit :limit offset :offset
                """), filter)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(AuditEntry.class).list();
        return new PageResult<>(rows, total, page, size);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("actor", blankToNull(f.actor()))
                .param("action", blankToNull(f.action()))
                .param("entityType", blankToNull(f.entityType()))
                .param("entityId", blankToNull(f.entityId()))
                .param("fromTs", f.from() == null ? null : f.from().atStartOfDay(VIETNAM).toOffsetDateTime())
                .param("toTs", f.to() == null ? null : f.to().plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime())
                .param("allUnits", f.unitIds() == null)
                .param("unitIds", f.unitIds() == null ? new Long[0] : f.unitIds().toArray(Long[]::new));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
