package vn.danvan.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Locks an account for a while after too many failed logins in a row; a success resets the count. */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final Accounts accounts;
    private final IdentitySettings settings;
    private final Clock clock;

    LoginAttempts(Accounts accounts, IdentitySettings settings, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        var username = String.valueOf(event.getAuthentication().getPrincipal());
        accounts.recordFailure(username, settings.maxFailedLogins(), OffsetDateTime.now(clock).plus(settings.lockout()));
        log.info("Failed login"); // never the username typed: it may be a password typed in the wrong field
    }

    @EventListener
    @Transactional
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof DanvanPrincipal principal) {
            accounts.recordSuccess(principal.getUsername(), OffsetDateTime.now(clock));
        }
    }
}
