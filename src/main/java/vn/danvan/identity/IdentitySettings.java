package vn.danvan.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedLogins failed logins in a row after which an account is locked
 * @param lockout         how long a locked account stays locked
 * @param adminPassword   the password of "admin" on first start (DANVAN_ADMIN_PASSWORD); random when blank
 */
@ConfigurationProperties("danvan.identity")
record IdentitySettings(int maxFailedLogins, Duration lockout, String adminPassword) {
}
