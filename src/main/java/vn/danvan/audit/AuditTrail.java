package vn.danvan.audit;

import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a change in the audit log. Called, not listened to: the row is written in the caller's
 * transaction, so a change and its audit record commit or roll back together.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final AuditJson json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = new AuditJson(json);
    }

    /**
     * Records one change made by the signed-in user (or "system" during start-up tasks).
     *
     * @param action     what happened, module-prefixed: "orgunit.renamed", "identity.role-granted"
     * @param entityType the kind of record: "org_unit", "user" ...
     * @param entityId   the record's id
     * @param unitId     the unit the change concerns (may be null)
     * @param before     the changed fields before (null when created); must not hold passwords
     * @param after      the changed fields after (null when deleted); must not hold passwords
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, Object entityId, Long unitId,
                       Map<String, ?> before, Map<String, ?> after) {
        jdbc.sql("""
                insert into audit_log (actor, action, entity_type, entity_id, unit_id, before_state, after_state)
                values (:actor, :action, :entityType, :entityId, :unitId, cast(:before as jsonb), cast(:after as jsonb))
                """)
                .param("actor", currentActor())
                .param("action", action)
                .param("entityType", entityType)
                .param("entityId", String.valueOf(entityId))
                .param("unitId", unitId)
                .param("before", json.write(before))
                .param("after", json.write(after))
                .update();
    }

    /**
     * The audit record of a change, for the statement that makes the change to write it in the same round
     * trip: {@link #cte()} is a common table expression ({@code , audited as (insert into audit_log … )}) that
     * inserts one row for each row of the statement's CTE named by {@code source} (so nothing when the change
     * wrote nothing, a version conflict), and {@link #params()} its parameters, all named {@code audit…}. The
     * row is the one {@link #record} writes.
     */
    public record InStatement(String cte, Map<String, Object> params) {
    }

    /**
     * As {@link #record}, written by the caller's statement: see {@link InStatement}.
     *
     * @param source         the name of the statement's CTE whose rows are the changed records (one row: one record)
     * @param entityIdColumn the column of {@code source} that holds the record's id, or null to use {@code entityId}
     */
    public InStatement inStatement(String source, String entityIdColumn, String action, String entityType, Object entityId,
                                   Long unitId, Map<String, ?> before, Map<String, ?> after) {
        var params = new LinkedHashMap<String, Object>();
        params.put("auditActor", currentActor());
        params.put("auditAction", action);
        params.put("auditEntityType", entityType);
        // Typed, null or not: the driver re-prepares a statement whose parameter turns from a value to an untyped null.
        params.put("auditEntityId", new SqlParameterValue(Types.VARCHAR, entityIdColumn == null ? String.valueOf(entityId) : null));
        params.put("auditUnitId", new SqlParameterValue(Types.BIGINT, unitId));
        params.put("auditBefore", new SqlParameterValue(Types.VARCHAR, json.write(before)));
        params.put("auditAfter", new SqlParameterValue(Types.VARCHAR, json.write(after)));
        return new InStatement(CTES.computeIfAbsent(source + "." + entityIdColumn, key -> {
            var id = entityIdColumn == null ? "cast(:auditEntityId as text)" : "cast(" + source + "." + entityIdColumn + " as text)";
            return """
                    , audited as (
                        insert into audit_log (actor, action, entity_type, entity_id, unit_id, before_state, after_state)
                        select cast(:auditActor as text), cast(:auditAction as text), cast(:auditEntityType as text), %s,
                            cast(:auditUnitId as bigint), cast(:auditBefore as jsonb), cast(:auditAfter as jsonb)
                        from %s
                    )""".formatted(id, source);
        }), params);
    }

    /**
     * The CTEs of {@link #inStatement} by source and id column, made once: the same String each time, so that the
     * statements composed with one are the same text, whose hash the statement caches (Spring's, the driver's) compute
     * once instead of at every execution.
     */
    private static final Map<String, String> CTES = new ConcurrentHashMap<>();

    /** The signed-in user's name, or "system" for start-up and scheduled tasks. */
    public static String currentActor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    /** Field names and values, in the given order, for {@link #record}: {@code fields("name", a, "kind", b)}. */
    public static Map<String, Object> fields(Object... namesAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
