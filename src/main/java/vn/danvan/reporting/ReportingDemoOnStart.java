package vn.danvan.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.AllocationShares;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;

/**
 * Demo values of entered indicators, so that the aggregate API and pages show real restatements:
 * the communes of the old Thành phố Lạng Sơn and Đình Lập districts for 2024Q1–2025Q2 and the wards
 * and communes that carry them for 2025Q3–2026Q3, and the provinces of Lạng Sơn, Thái Nguyên and
 * the old Bắc Kạn (merged into Thái Nguyên) before and after the reform. The old Kiên Mộc (06625, a
 * code the new Kiên Mộc reuses) gets allocation shares; the old Bính Xá (06622), split between Đình
 * Lập and Kiên Mộc, does not, so its values show as unallocated in commune totals. Loaded once,
 * through the services (checked and audited), on the first start with demo data.
 */
@Component
@Order(60)
class ReportingDemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportingDemoOnStart.class);
    private static final long LOCK = 0x5245_504f_5254_49L;
    private static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    private static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

    private final ReportValues values;
    private final AllocationShares shares;
    private final OrgUnits units;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    ReportingDemoOnStart(ReportValues values, AllocationShares shares, OrgUnits units, JdbcClient jdbc, TransactionTemplate tx,
                         Clock clock, @Value("${danvan.demo.enabled}") boolean enabled) {
        this.values = values;
        this.shares = shares;
        this.units = units;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).single();
            if (!jdbc.sql("select exists (select 1 from reporting_value)").query(Boolean.class).single()) {
                var count = load();
                log.info("Demo reporting values: {}", count);
            }
        });
    }

    private int load() {
        var today = LocalDate.now(clock);
        var root = units.findByCode("VN", today).orElseThrow();
        var system = new CurrentUser(0, "system", "Hệ thống", root.id(),
                List.of(new Grant(0, Role.SYSTEM_ADMIN, root.id(), Set.of())));

        var oldKienMoc = units.findByCode("06625", BEFORE).orElseThrow();
        var split = shares.split(oldKienMoc.id());
        var parts = new java.util.HashMap<Long, BigDecimal>();
        for (var part : split.parts()) {
            parts.put(part.successor().id(), part.successor().name().contains("Châu Sơn") ? new BigDecimal("0.4") : new BigDecimal("0.6"));
        }
        shares.setShares(oldKienMoc.id(), parts);

        var before = quarters(2024, 1, 6);
        var after = quarters(2025, 3, 5).stream().filter(q -> !q.to().isAfter(today)).toList();
        var oldCommunes = new ArrayList<OrgUnit>();
        for (var district : List.of("178", "189")) {
            var d = units.findByCode(district, BEFORE).orElseThrow();
            units.children(d.id(), BEFORE).stream().filter(u -> u.category().name().equals("AREA")).forEach(oldCommunes::add);
        }
        var newCommunes = new ArrayList<OrgUnit>();
        for (var code : List.of("06187", "05986", "05977", "05983", "06613", "06616", "06625", "06637")) {
            newCommunes.add(units.findByCode(code, AFTER).orElseThrow());
        }
        int count = 0;
        for (var c : oldCommunes) {
            count += commune(c.code(), before, system, 1.0);
        }
        for (var c : newCommunes) {
            // a merged commune does the work of two or three old ones
            count += commune(c.code(), after, system, 2.2);
        }
        for (var p : List.of("20", "19", "06")) {
            count += province(p, before, system, p.equals("06") ? 0.7 : 1.0);
        }
        for (var p : List.of("20", "19")) {
            count += province(p, after, system, p.equals("19") ? 1.6 : 1.1);
        }
        return count;
    }

    private int commune(String code, List<ReportPeriod> periods, CurrentUser user, double scale) {
        int count = 0;
        for (var q : periods) {
            int opinions = (int) Math.round((8 + pick(code, q, "yk", 25)) * scale);
            count += save("HOI_NGHI_GIAO_BAN", code, q, 1 + pick(code, q, "gb", 2), user);
            count += save("LUOT_CAN_BO_TAP_HUAN", code, q, (int) Math.round((6 + pick(code, q, "th", 20)) * scale), user);
            count += save("DOI_THOAI", code, q, 1 + pick(code, q, "dt", 2), user);
            count += save("Y_KIEN_DOI_THOAI", code, q, opinions, user);
            count += save("Y_KIEN_TRA_LOI_TAI_CHO", code, q, opinions - pick(code, q, "tl", Math.max(1, opinions / 3)), user);
            count += save("TY_LE_KDC_CO_MO_HINH", code, q, 30 + pick(code, q, "kdc", 55) + q.index() * 2, user);
            count += save("BAN_TTND_HOAT_DONG", code, q, 1, user);
        }
        return count;
    }

    private int province(String code, List<ReportPeriod> periods, CurrentUser user, double scale) {
        int count = 0;
        for (var q : periods) {
            count += save("HOI_NGHI_GIAO_BAN", code, q, 1 + pick(code, q, "gb", 2), user);
            count += save("LUOT_CAN_BO_TAP_HUAN", code, q, (int) Math.round((120 + pick(code, q, "th", 180)) * scale), user);
            count += save("VAN_BAN_CHI_DAO", code, q, (int) Math.round((4 + pick(code, q, "vb", 9)) * scale), user);
            count += save("CUOC_KIEM_TRA_GIAM_SAT", code, q, (int) Math.round((2 + pick(code, q, "kt", 6)) * scale), user);
        }
        return count;
    }

    private int save(String indicator, String unit, ReportPeriod period, int value, CurrentUser user) {
        values.save(new ValueInput(indicator, unit, period.identifier(), null, value, null), user);
        return 1;
    }

    /** A value from 0 to bound − 1 that depends only on the unit, period and indicator (the same on every start). */
    private static int pick(String unit, ReportPeriod period, String salt, int bound) {
        return Math.floorMod((unit + "/" + period.identifier() + "/" + salt).hashCode(), bound);
    }

    private static List<ReportPeriod> quarters(int year, int quarter, int count) {
        var result = new ArrayList<ReportPeriod>();
        int y = year;
        int q = quarter;
        for (int i = 0; i < count; i++) {
            result.add(new ReportPeriod(ReportPeriod.Kind.QUARTER, y, q, PeriodCut.CALENDAR));
            if (++q > 4) {
                q = 1;
                y++;
            }
        }
        return result;
    }
}
