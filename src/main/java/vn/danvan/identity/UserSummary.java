package vn.danvan.identity;

import java.time.OffsetDateTime;
import java.util.List;

/** An account as shown to administrators and over the API (never the password hash). */
public record UserSummary(long id, String username, String displayName, String email, boolean enabled,
                          boolean locked, long homeUnitId, OffsetDateTime createdAt, OffsetDateTime lastLoginAt,
                          List<RoleGrant> roles) {

    /** A role held at a unit, with who granted it and when. */
    public record RoleGrant(long id, Role role, long unitId, OffsetDateTime grantedAt, String grantedBy) {
    }
}
