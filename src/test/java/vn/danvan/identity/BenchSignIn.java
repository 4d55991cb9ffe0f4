package vn.danvan.identity;

import java.time.OffsetDateTime;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * For the in-process benchmarks (not a test): signs an account in on the calling thread the way a signed-in request
 * finds it — the session's principal (the account id and name only) in the security context — so that
 * {@link CurrentUsers#require()} reads the account and its grants from the database on every call, as it does once per
 * request.
 */
public final class BenchSignIn {

    private BenchSignIn() {
    }

    /** Puts the principal of {@code username} into this thread's security context. */
    public static void signIn(ApplicationContext context, String username) {
        var account = context.getBean(Accounts.class).byUsername(username)
                .orElseThrow(() -> new IllegalStateException("no account " + username));
        var principal = new DanvanPrincipal(account, OffsetDateTime.now());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
