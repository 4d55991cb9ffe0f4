package vn.danvan.identity;

import java.time.OffsetDateTime;

/** A stored account. The password hash never leaves this module. */
record Account(long id, String username, String displayName, String email, String passwordHash, boolean enabled,
               int failedLogins, OffsetDateTime lockedUntil, long homeUnitId, OffsetDateTime createdAt,
               OffsetDateTime lastLoginAt) {

    boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
