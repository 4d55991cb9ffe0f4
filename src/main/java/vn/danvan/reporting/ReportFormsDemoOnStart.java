package vn.danvan.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;

/**
 * Demo submissions of the quarterly dân vận form (DV-QUY): the wards and communes 05983 (Lương Văn
 * Tri), 05977 (Đông Kinh), 06187 and 05986 of Lạng Sơn, and the province itself, for the quarters from
 * 2025Q3 that have ended — each grid saved through {@link ReportEntry} (checked against the form's
 * rules and audited) with the lines {@link ReportingDemoOnStart} left empty, a few comments and the
 * narrative sections. Đông Kinh's last quarter is left unstarted, so that "copy from the last period"
 * has something to show. Loaded once, on the first start with demo data.
 */
@Component
@Order(61)
class ReportFormsDemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportFormsDemoOnStart.class);
    private static final long LOCK = 0x5245_5046_4f52_4dL;
    static final String FORM = "DV-QUY";
    static final List<String> UNITS = List.of("05983", "05977", "06187", "05986", "20");

    private final ReportEntry entry;
    private final ReportForms forms;
    private final GridReader reader;
    private final UserDetailsService accounts;
    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    ReportFormsDemoOnStart(ReportEntry entry, ReportForms forms, GridReader reader, UserDetailsService accounts, CurrentUsers users,
                           JdbcClient jdbc, TransactionTemplate tx, Clock clock, @Value("${danvan.demo.enabled}") boolean enabled) {
        this.entry = entry;
        this.forms = forms;
        this.reader = reader;
        this.accounts = accounts;
        this.users = users;
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
        // The computed lines ask the case modules' figures, which read the signed-in user: the demo is
        // entered as the first administrator.
        var admin = accounts.loadUserByUsername("admin");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            tx.executeWithoutResult(status -> {
                jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).single();
                if (!jdbc.sql("select exists (select 1 from reporting_submission where form_code = :form)").param("form", FORM)
                        .query(Boolean.class).single()) {
                    log.info("Demo report form submissions: {}", load(users.require()));
                }
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private int load(CurrentUser system) {
        var today = LocalDate.now(clock);
        var quarters = new ArrayList<ReportPeriod>();
        for (var q = new ReportPeriod(ReportPeriod.Kind.QUARTER, 2025, 3, PeriodCut.CALENDAR); !q.to().isAfter(today);
             q = next(q)) {
            quarters.add(q);
        }
        int count = 0;
        for (var unit : UNITS) {
            for (var q : quarters) {
                if (unit.equals("05977") && q.equals(quarters.get(quarters.size() - 1))) {
                    continue;
                }
                fill(unit, q, system);
                count++;
            }
        }
        return count;
    }

    private void fill(String unit, ReportPeriod q, CurrentUser user) {
        var t = forms.target(FORM, unit, q.identifier(), user, true);
        var stored = reader.stored(t);
        var province = unit.length() == 2;
        var cells = new ArrayList<GridInput.Cell>();
        for (var line : t.lines()) {
            if (!line.entered() || stored.containsKey(line.measure())) {
                continue;
            }
            var value = switch (line.indicator().code()) {
                case "VAN_BAN_CHI_DAO" -> String.valueOf((province ? 6 : 2) + pick(unit, q, "vb", 5));
                case "LOP_TAP_HUAN" -> String.valueOf((province ? 3 : 1) + pick(unit, q, "lop", 2));
                case "LUOT_CAN_BO_TAP_HUAN" -> String.valueOf(20 + pick(unit, q, "luot", 40));
                case "CUOC_KIEM_TRA_GIAM_SAT" -> String.valueOf(1 + pick(unit, q, "kt", 3));
                case "DOI_THOAI" -> String.valueOf(1 + pick(unit, q, "dt", 2));
                case "Y_KIEN_DOI_THOAI" -> String.valueOf(10 + pick(unit, q, "yk", 20));
                case "HOI_NGHI_GIAO_BAN" -> "1";
                case "HOI_NGHI_NHAN_DAN" -> province ? null : String.valueOf(3 + pick(unit, q, "hnnd", 10));
                case "BAN_TTND_HOAT_DONG" -> province ? null : "1";
                case "MO_HINH_DVK_DANG_KY" -> String.valueOf(pick(unit, q, line.optionCombo(), province ? 6 : 3));
                case "TY_LE_KDC_CO_MO_HINH" -> String.valueOf(40 + pick(unit, q, "kdc", 50));
                case "KINH_PHI_HUY_DONG" -> BigDecimal.valueOf(50 + pick(unit, q, "kp", 900), 1)
                        .multiply(BigDecimal.valueOf(province ? 10 : 1)).setScale(1, RoundingMode.HALF_UP).toPlainString();
                default -> null;
            };
            if (value == null) {
                continue;
            }
            var comment = line.indicator().code().equals("KINH_PHI_HUY_DONG")
                    ? "Gồm tiền mặt, ngày công và hiện vật quy đổi theo giá thị trường" : null;
            cells.add(new GridInput.Cell(line.number(), value, comment, 0));
        }
        var name = t.unit().name();
        var texts = List.of(
                new GridInput.Text("ket_qua", "Trong quý " + q.index() + "/" + q.year() + ", " + name + " đã quán triệt và triển khai "
                        + "Quyết định 23-QĐ/TW về Quy chế công tác dân vận của hệ thống chính trị; tổ chức giao ban công tác dân vận, "
                        + "hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân; đăng ký mới các mô hình \"Dân vận khéo\" "
                        + "trên các lĩnh vực kinh tế, văn hóa - xã hội.", 0),
                new GridInput.Text("han_che", "Một số ý kiến của Nhân dân tại đối thoại chưa được trả lời tại chỗ, còn phải chuyển cơ "
                        + "quan chuyên môn giải quyết; việc nhân rộng mô hình ở khu dân cư còn chậm do thiếu kinh phí.", 0),
                new GridInput.Text("nhiem_vu", "Tiếp tục thực hiện Chỉ thị 16/CT-TTg về công tác dân vận của cơ quan hành chính nhà nước; "
                        + "theo dõi, đôn đốc giải quyết các kiến nghị sau đối thoại; sơ kết phong trào thi đua \"Dân vận khéo\".", 0),
                new GridInput.Text("kien_nghi", "Đề nghị cấp trên bố trí kinh phí hỗ trợ nhân rộng mô hình \"Dân vận khéo\" ở khu dân cư.",
                        0));
        entry.store(t, new GridInput(FORM, unit, q.identifier(), cells, texts), user);
    }

    private static ReportPeriod next(ReportPeriod q) {
        return q.index() == 4 ? new ReportPeriod(q.kind(), q.year() + 1, 1, q.cut()) : new ReportPeriod(q.kind(), q.year(), q.index() + 1, q.cut());
    }

    /** A value from 0 to bound − 1 that depends only on the unit, period and salt (the same on every start). */
    private static int pick(String unit, ReportPeriod period, String salt, int bound) {
        return Math.floorMod((unit + "/" + period.identifier() + "/" + salt).hashCode(), bound);
    }
}
