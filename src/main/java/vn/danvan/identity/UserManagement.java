package vn.danvan.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * Accounts and roles, for administrators. Every call checks the caller's scope: a unit
 * administrator manages the accounts whose home unit lies in their subtree and grants roles only
 * at units there; an account outside scope answers as not found. Every change is audited.
 */
@Service
@Transactional
public class UserManagement {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD_LENGTH = 10;

    private final Accounts accounts;
    private final OrgScope scope;
    private final OrgUnits units;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    UserManagement(Accounts accounts, OrgScope scope, OrgUnits units, PasswordEncoder passwords, AuditTrail audit,
                   Clock clock) {
        this.accounts = accounts;
        this.scope = scope;
        this.units = units;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Accounts the caller may see: whose home unit the caller may read. */
    @Transactional(readOnly = true)
    public PageResult<UserSummary> list(CurrentUser caller, String text, int page, int size) {
        return accounts.search(scope.readableUnitIds(caller), text, page, size).map(this::summary);
    }

    /** The accounts whose home is this unit; empty when the caller may not read the unit's records. */
    @Transactional(readOnly = true)
    public List<UserSummary> listAtUnit(CurrentUser caller, long unitId) {
        if (!scope.canRead(caller, unitId)) {
            return List.of();
        }
        return accounts.search(List.of(unitId), null, 0, 500).content().stream().map(this::summary).toList();
    }

    /** The display name of an account, to show who handles a case (a name is not scoped data). */
    @Transactional(readOnly = true)
    public java.util.Optional<String> displayName(long id) {
        return accounts.byId(id).map(Account::displayName);
    }

    /** @throws NotFoundException when there is no such account or it is outside the caller's scope */
    @Transactional(readOnly = true)
    public UserSummary get(CurrentUser caller, long id) {
        var account = accounts.byId(id).orElseThrow(() -> new NotFoundException("user", id));
        scope.requireRead(caller, account.homeUnitId(), "user", id);
        return summary(account);
    }

    /** The caller's own account, whatever their roles cover (for "my account" and {@code /api/me}). */
    @Transactional(readOnly = true)
    public UserSummary self(CurrentUser caller) {
        return summary(accounts.byId(caller.id()).orElseThrow(() -> new NotFoundException("user", caller.id())));
    }

    /** May the caller change this account (and grant roles to it)? */
    @Transactional(readOnly = true)
    public boolean canManage(CurrentUser caller, UserSummary user) {
        return scope.canAdminister(caller, user.homeUnitId());
    }

    /**
     * Creates an account at a home unit in the caller's administration scope.
     *
     * @throws InvalidInputException naming each field in error
     */
    public UserSummary create(CurrentUser caller, NewUser form) {
        var problems = new ArrayList<Problem>();
        var username = form.username() == null ? "" : form.username().trim().toLowerCase();
        if (username.isEmpty()) {
            problems.add(new Problem("username", "validation.required"));
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add(new Problem("username", "user.username.pattern"));
        } else if (accounts.exists(username)) {
            problems.add(new Problem("username", "user.username.taken", username));
        }
        checkDisplayNameAndEmail(form.displayName(), form.email(), problems);
        checkPassword(form.password(), username, problems);
        if (form.homeUnitId() == null || units.find(form.homeUnitId(), java.time.LocalDate.now(clock)).isEmpty()) {
            problems.add(new Problem("homeUnitId", "validation.required"));
        } else if (!scope.canAdminister(caller, form.homeUnitId())) {
            problems.add(new Problem("homeUnitId", "user.unit.outside-scope"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = accounts.insert(username, form.displayName().trim(), blankToNull(form.email()),
                passwords.encode(form.password()), form.homeUnitId());
        audit.record("identity.user-created", "user", id, form.homeUnitId(), null,
                AuditTrail.fields("username", username, "displayName", form.displayName().trim(), "email", blankToNull(form.email()),
                        "homeUnitId", form.homeUnitId()));
        return get(caller, id);
    }

    /** Changes name, e-mail, home unit and whether the account may sign in. */
    public UserSummary update(CurrentUser caller, long id, String displayName, String email, boolean enabled,
                              long homeUnitId) {
        var account = manageable(caller, id);
        var problems = new ArrayList<Problem>();
        checkDisplayNameAndEmail(displayName, email, problems);
        if (!scope.canAdminister(caller, homeUnitId)) {
            problems.add(new Problem("homeUnitId", "user.unit.outside-scope"));
        }
        if (account.id() == caller.id() && !enabled) {
            problems.add(new Problem("enabled", "user.cannot-disable-self"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        accounts.update(id, displayName.trim(), blankToNull(email), enabled, homeUnitId);
        audit.record("identity.user-updated", "user", id, homeUnitId,
                AuditTrail.fields("displayName", account.displayName(), "email", account.email(), "enabled", account.enabled(),
                        "homeUnitId", account.homeUnitId()),
                AuditTrail.fields("displayName", displayName.trim(), "email", blankToNull(email), "enabled", enabled,
                        "homeUnitId", homeUnitId));
        return get(caller, id);
    }

    /** Sets a new password chosen by an administrator; also lifts a lock-out. */
    public void resetPassword(CurrentUser caller, long id, String password) {
        var account = manageable(caller, id);
        var problems = new ArrayList<Problem>();
        checkPassword(password, account.username(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        accounts.setPassword(id, passwords.encode(password));
        audit.record("identity.password-reset", "user", id, account.homeUnitId(), null, AuditTrail.fields("passwordChanged", true));
    }

    /** The signed-in user changes their own password, proving the current one. */
    public void changeOwnPassword(CurrentUser caller, String currentPassword, String newPassword) {
        var account = accounts.byId(caller.id()).orElseThrow(() -> new NotFoundException("user", caller.id()));
        var problems = new ArrayList<Problem>();
        if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
            problems.add(new Problem("currentPassword", "user.password.wrong"));
        }
        checkPassword(newPassword, account.username(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        accounts.setPassword(account.id(), passwords.encode(newPassword));
        audit.record("identity.password-changed", "user", account.id(), account.homeUnitId(), null,
                AuditTrail.fields("passwordChanged", true));
    }

    public void unlock(CurrentUser caller, long id) {
        var account = manageable(caller, id);
        accounts.unlock(id);
        audit.record("identity.user-unlocked", "user", id, account.homeUnitId(),
                AuditTrail.fields("lockedUntil", String.valueOf(account.lockedUntil())), AuditTrail.fields("lockedUntil", null));
    }

    /**
     * Grants a role at a unit. Only a system administrator grants SYSTEM_ADMIN; a unit
     * administrator grants the other roles at units in their subtree.
     */
    public UserSummary grant(CurrentUser caller, long userId, Role role, Long unitId) {
        var account = manageable(caller, userId);
        var problems = new ArrayList<Problem>();
        if (role == null) {
            problems.add(new Problem("role", "validation.required"));
        } else if (role == Role.SYSTEM_ADMIN && !caller.isSystemAdmin()) {
            problems.add(new Problem("role", "user.role.system-admin-only"));
        }
        if (unitId == null || units.find(unitId, java.time.LocalDate.now(clock)).isEmpty()) {
            problems.add(new Problem("unitId", "validation.required"));
        } else if (!scope.canAdminister(caller, unitId)) {
            problems.add(new Problem("unitId", "user.unit.outside-scope"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        accounts.insertGrant(userId, role, unitId, caller.username()).ifPresent(grantId ->
                audit.record("identity.role-granted", "user", userId, unitId, null,
                        AuditTrail.fields("grantId", grantId, "username", account.username(), "role", role.name(), "unitId", unitId)));
        return get(caller, userId);
    }

    /** Revokes one role assignment; nobody revokes their own administration rights. */
    public UserSummary revoke(CurrentUser caller, long userId, long grantId) {
        var account = manageable(caller, userId);
        var grant = accounts.grant(grantId).filter(g -> g.userId() == userId)
                .orElseThrow(() -> new NotFoundException("grant", grantId));
        if (!scope.canAdminister(caller, grant.unitId())) {
            throw new NotFoundException("grant", grantId);
        }
        if (userId == caller.id() && grant.role().administers()) {
            throw new InvalidInputException("role", "user.role.cannot-revoke-own-admin");
        }
        accounts.deleteGrant(grantId);
        audit.record("identity.role-revoked", "user", userId, grant.unitId(),
                AuditTrail.fields("grantId", grantId, "username", account.username(), "role", grant.role().name(),
                        "unitId", grant.unitId()), null);
        return get(caller, userId);
    }

    private Account manageable(CurrentUser caller, long id) {
        var account = accounts.byId(id).orElseThrow(() -> new NotFoundException("user", id));
        scope.requireAdminister(caller, account.homeUnitId(), "user", id);
        return account;
    }

    private UserSummary summary(Account a) {
        var roles = accounts.grantsOf(a.id()).stream()
                .map(g -> new UserSummary.RoleGrant(g.id(), g.role(), g.unitId(), g.grantedAt(), g.grantedBy()))
                .toList();
        return new UserSummary(a.id(), a.username(), a.displayName(), a.email(), a.enabled(),
                a.lockedAt(OffsetDateTime.now(clock)), a.homeUnitId(), a.createdAt(), a.lastLoginAt(), roles);
    }

    private static void checkDisplayNameAndEmail(String displayName, String email, List<Problem> problems) {
        if (displayName == null || displayName.isBlank()) {
            problems.add(new Problem("displayName", "validation.required"));
        } else if (displayName.trim().length() > 120) {
            problems.add(new Problem("displayName", "validation.too-long", 120));
        }
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.trim()).matches()) {
            problems.add(new Problem("email", "user.email.invalid"));
        }
    }

    private static void checkPassword(String password, String username, List<Problem> problems) {
        if (password == null || password.isEmpty()) {
            problems.add(new Problem("password", "validation.required"));
        } else if (password.length() < MIN_PASSWORD_LENGTH) {
            problems.add(new Problem("password", "user.password.too-short", MIN_PASSWORD_LENGTH));
        } else if (password.equalsIgnoreCase(username)) {
            problems.add(new Problem("password", "user.password.same-as-username"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
