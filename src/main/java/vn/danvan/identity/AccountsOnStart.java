package vn.danvan.identity;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.audit.AuditTrail;
import vn.danvan.orgunit.OrgUnits;

/**
 * First start, after the units: the administrator "admin" (SYSTEM_ADMIN at Việt Nam) with
 * DANVAN_ADMIN_PASSWORD or a random password printed once, and on the demo the demo accounts
 * (DANVAN_DEMO_PASSWORD or one random password printed once). Never a fixed default password.
 */
@Component
@Order(30)
class AccountsOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountsOnStart.class);
    private static final LocalDate DEMO_DAY = LocalDate.of(2026, 1, 1);

    /** username, display name, role, unit code (as on 1/1/2026) */
    record DemoAccount(String username, String displayName, Role role, String unitCode) {
    }

    static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("quantri.langson", "Hoàng Văn Quản", Role.UNIT_ADMIN, "20"),
            new DemoAccount("lanhdao.langson", "Lương Thị Lan", Role.LEADER, "20"),
            new DemoAccount("canbo.langson", "Nông Văn Bình", Role.OFFICER, "20"),
            new DemoAccount("tiepdan.langson", "Vi Thị Tiếp", Role.RECEPTION_OFFICER, "20.BTCD"),
            new DemoAccount("canbo.luongvantri", "Hà Văn Trí", Role.OFFICER, "05983"),
            new DemoAccount("canbo.dongkinh", "Đinh Thị Kinh", Role.OFFICER, "05977"),
            new DemoAccount("lanhdao.luongvantri", "Hoàng Thị Vân", Role.LEADER, "05983"),
            new DemoAccount("lanhdao.dongkinh", "Lộc Văn Đông", Role.LEADER, "05977"),
            new DemoAccount("canbo.thainguyen", "Trần Văn Nguyên", Role.OFFICER, "19"),
            new DemoAccount("xem.ninhbinh", "Phạm Thị Bình", Role.VIEWER, "37"));

    private final Accounts accounts;
    private final OrgUnits units;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final IdentitySettings settings;
    private final boolean demo;
    private final String demoPassword;

    AccountsOnStart(Accounts accounts, OrgUnits units, PasswordEncoder passwords, AuditTrail audit,
                    TransactionTemplate transaction, IdentitySettings settings,
                    @Value("${danvan.demo.enabled}") boolean demo, @Value("${danvan.demo.password:}") String demoPassword) {
        this.accounts = accounts;
        this.units = units;
        this.passwords = passwords;
        this.audit = audit;
        this.transaction = transaction;
        this.settings = settings;
        this.demo = demo;
        this.demoPassword = demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            if (!accounts.exists("admin")) {
                var root = units.findByCode("VN", DEMO_DAY).orElseThrow();
                var password = blank(settings.adminPassword()) ? randomPassword() : settings.adminPassword();
                create("admin", "Quản trị hệ thống", password, Role.SYSTEM_ADMIN, root.id());
                if (blank(settings.adminPassword())) {
                    announce("Tài khoản quản trị / administrator: admin — mật khẩu / password: " + password);
                }
            }
            if (demo && !accounts.exists(DEMO_ACCOUNTS.get(0).username())) {
                var password = blank(demoPassword) ? randomPassword() : demoPassword;
                for (var account : DEMO_ACCOUNTS) {
                    var unit = units.findByCode(account.unitCode(), DEMO_DAY).orElseThrow();
                    create(account.username(), account.displayName(), password, account.role(), unit.id());
                }
                if (blank(demoPassword)) {
                    announce("Tài khoản demo / demo accounts: " + String.join(", ",
                            DEMO_ACCOUNTS.stream().map(DemoAccount::username).toList())
                            + " — mật khẩu chung / shared password: " + password);
                }
            }
        });
    }

    private void create(String username, String displayName, String password, Role role, long unitId) {
        var id = accounts.insert(username, displayName, null, passwords.encode(password), unitId);
        var grant = accounts.insertGrant(id, role, unitId, "system").orElseThrow();
        audit.record("identity.user-created", "user", id, unitId, null,
                AuditTrail.fields("username", username, "displayName", displayName, "homeUnitId", unitId));
        audit.record("identity.role-granted", "user", id, unitId, null,
                AuditTrail.fields("grantId", grant, "username", username, "role", role.name(), "unitId", unitId));
    }

    /** Printed once, on the console only: the one time a generated password is shown. */
    private static void announce(String line) {
        System.out.println();
        System.out.println("  " + line);
        System.out.println();
        log.info("A generated password was printed on the console");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String randomPassword() {
        var alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var random = new SecureRandom();
        var sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
