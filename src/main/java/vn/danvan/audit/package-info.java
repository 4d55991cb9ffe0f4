/**
 * Audit trail (nhật ký thao tác): who changed what, when, on which unit, before and after.
 * Append-only; written by the changing module in the transaction of the change, through
 * {@link vn.danvan.audit.AuditTrail#record}. Browsed by administrators through {@link vn.danvan.audit.AuditLog}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package vn.danvan.audit;
