/**
 * Shared kernel: small value types every module may use (Vietnamese text folding, not-found and
 * paging types). No beans, no SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package vn.danvan.shared;
