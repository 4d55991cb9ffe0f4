package vn.danvan.audit;

import java.time.OffsetDateTime;

/** One row of the audit log, as shown to administrators. States are JSON text. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String entityType,
                         String entityId, Long unitId, String beforeState, String afterState) {
}
