package vn.danvan.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions stay in PostgreSQL (several instances share them, logging out ends the session everywhere),
 * but a request no longer writes its session row just because the clock moved. Spring Session sets the
 * last-access time on every request and then runs its update; the update below writes only when
 * something else changed (id, timeout, principal) or when the stored last-access time is a minute or
 * more behind. An update that matches no row modifies nothing, so the request's transaction commits
 * without a WAL flush. The price: the 8-hour idle timeout is exact to a minute (a session may end up to
 * a minute early, never late). Attribute changes (login, CSRF token) are written as before.
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

    /** How far behind the stored last-access time may be before a request writes it. */
    static final long LAST_ACCESS_SLACK_MILLIS = 60_000;

    // Same parameters, in the same order, as Spring Session's own update; the table name is resolved by
    // the repository (%TABLE_NAME%), which Boot's customizer (highest precedence) has already set.
    static final String UPDATE_SESSION = """
            update %TABLE_NAME% s
            set session_id = v.session_id, last_access_time = v.last_access_time,
                max_inactive_interval = v.max_inactive_interval, expiry_time = v.expiry_time,
                principal_name = v.principal_name
            from (select cast(? as char(36)) as session_id, cast(? as bigint) as last_access_time,
                         cast(? as int) as max_inactive_interval, cast(? as bigint) as expiry_time,
                         cast(? as varchar(100)) as principal_name, cast(? as char(36)) as primary_id) v
            where s.primary_id = v.primary_id
              and (s.session_id <> v.session_id
                   or s.max_inactive_interval <> v.max_inactive_interval
                   or s.principal_name is distinct from v.principal_name
                   or v.last_access_time - s.last_access_time >= :slack)
            """.replace(":slack", Long.toString(LAST_ACCESS_SLACK_MILLIS));

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lastAccessWrittenOncePerMinute() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION);
    }
}
