package vn.danvan.identity;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.danvan.orgunit.OrgUnits;

/** Who is signed in, with the roles they hold now (read once per request). */
@Component
@Transactional(readOnly = true)
public class CurrentUsers {

    private static final String CACHE = CurrentUsers.class.getName();

    private final Accounts accounts;
    private final OrgUnits units;

    CurrentUsers(Accounts accounts, OrgUnits units) {
        this.accounts = accounts;
        this.units = units;
    }

    /** The signed-in user, or empty for an anonymous request. */
    public Optional<CurrentUser> current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof DanvanPrincipal principal)) {
            return Optional.empty();
        }
        var request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof CurrentUser cached
                && cached.id() == principal.id()) {
            return Optional.of(cached);
        }
        var user = load(principal.id());
        if (request != null) {
            user.ifPresent(u -> request.setAttribute(CACHE, u, RequestAttributes.SCOPE_REQUEST));
        }
        return user;
    }

    /** @throws IllegalStateException outside a signed-in request (security config prevents it) */
    public CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    /**
     * Another user as they stand now, with their roles, to ask what they may do (a matter's new handler must be able
     * to work on it); empty when there is no such account or it is disabled.
     */
    public Optional<CurrentUser> enabled(long userId) {
        return load(userId, true);
    }

    Optional<CurrentUser> load(long userId) {
        return load(userId, false);
    }

    /** One statement: the account (none when it is disabled and {@code enabledOnly}) with its grants. */
    private Optional<CurrentUser> load(long userId, boolean enabledOnly) {
        var rows = accounts.accountWithGrants(userId, enabledOnly);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var first = rows.get(0);
        var grants = rows.stream().filter(row -> row.grantId() != null)
                .map(row -> new Grant(row.grantId(), row.role(), row.unitId(), units.scopePaths(row.unitId())))
                .toList();
        return Optional.of(new CurrentUser(first.id(), first.username(), first.displayName(), first.homeUnitId(),
                grants));
    }
}
