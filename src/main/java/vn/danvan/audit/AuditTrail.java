package vn.danvan.audit;

import java.util.LinkedHashMap;
import java.util.Map;
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
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

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
