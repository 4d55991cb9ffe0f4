package vn.danvan.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;

/**
 * The approval story of the quarterly form DV-QUY in Lạng Sơn, after {@link ReportFormsDemoOnStart} has
 * filled it: every step through {@link Approvals} as the demo accounts (officers submit, the wards'
 * leaders or the province's leader approve, the province's officer accepts), dated a few days around
 * each deadline. Until the last ended quarter, the four communes are submitted on time, approved and
 * accepted, and the province's own report approved; in the last ended quarter Lương Văn Tri is accepted,
 * 06187 is returned by the province with a reason, 05986 is submitted late and awaits acceptance, and
 * Đông Kinh has not submitted (the province reminded it). Loaded once, with the demo data.
 */
@Component
@Order(62)
class ApprovalDemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ApprovalDemoOnStart.class);
    private static final long LOCK = 0x4150_5052_4f56_414cL;
    static final String RETURN_REASON = "Số lượt cán bộ dự tập huấn chưa khớp danh sách các lớp; đề nghị rà soát, bổ sung và gửi lại.";

    private final Approvals approvals;
    private final Reminders reminders;
    private final ReportForms forms;
    private final UserDetailsService accounts;
    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate nested;
    private final Clock clock;
    private final boolean enabled;

    ApprovalDemoOnStart(Approvals approvals, Reminders reminders, ReportForms forms, UserDetailsService accounts, CurrentUsers users,
                        JdbcClient jdbc, TransactionTemplate tx, Clock clock, @Value("${danvan.demo.enabled}") boolean enabled) {
        this.approvals = approvals;
        this.reminders = reminders;
        this.forms = forms;
        this.accounts = accounts;
        this.users = users;
        this.jdbc = jdbc;
        this.tx = tx;
        this.nested = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        this.nested.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> {
                jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).single();
                if (!jdbc.sql("select exists (select 1 from reporting_submission_step)").query(Boolean.class).single()) {
                    log.info("Demo report approvals: {} steps", load());
                }
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private int load() {
        var today = LocalDate.now(clock);
        var form = forms.applicable(ReportFormsDemoOnStart.FORM, new ReportPeriod(ReportPeriod.Kind.QUARTER, 2025, 3, PeriodCut.CALENDAR));
        var last = forms.lastEnded(form);
        int steps = 0;
        for (var q = new ReportPeriod(ReportPeriod.Kind.QUARTER, 2025, 3, PeriodCut.CALENDAR); !q.to().isAfter(last.to()); q = next(q)) {
            var due = forms.deadline(forms.applicable(form.code(), q), q);
            if (due == null || due.isAfter(today)) {
                continue; // the story needs deadlines that have passed
            }
            var story = q.equals(last);
            steps += flow("05983", q, "canbo.luongvantri", "lanhdao.luongvantri", due.minusDays(2), true, null);
            if (!story) {
                steps += flow("05977", q, "canbo.dongkinh", "lanhdao.dongkinh", due.minusDays(1), true, null);
            }
            steps += flow("06187", q, "canbo.langson", "lanhdao.langson", due.minusDays(3), !story, story ? RETURN_REASON : null);
            steps += flow("05986", q, "canbo.langson", "lanhdao.langson", story ? due.plusDays(5) : due.minusDays(4), !story, null);
            if (!story) {
                steps += flow("20", q, "canbo.langson", "lanhdao.langson", due, false, null);
            }
            if (story) {
                as("canbo.langson");
                reminders.remindNow(form.code(), "20", q.identifier(), users.require());
            }
        }
        return steps;
    }

    /** Submits on {@code submitted}, approves the next day, then accepts or returns two days later (as the province). */
    private int flow(String unit, ReportPeriod q, String officer, String leader, LocalDate submitted, boolean accept, String returnReason) {
        var period = q.identifier();
        try {
            // each unit's story in a savepoint: one that cannot be told leaves the others
            return nested.execute(status -> {
                step(officer, unit, period, "SUBMIT", null, submitted);
                step(leader, unit, period, "APPROVE", null, submitted.plusDays(1));
                if (accept) {
                    step("canbo.langson", unit, period, "ACCEPT", null, submitted.plusDays(3));
                    return 3;
                }
                if (returnReason != null) {
                    step("canbo.langson", unit, period, "RETURN", returnReason, submitted.plusDays(3));
                    return 3;
                }
                return 2;
            });
        } catch (RuntimeException e) {
            log.warn("Demo approval of {} for {} stopped: {}", unit, period, e.getMessage());
            return 0;
        }
    }

    private void step(String username, String unit, String period, String action, String reason, LocalDate day) {
        var user = as(username);
        var version = jdbc.sql("""
                select s.version from reporting_submission s join org_unit u on u.id = s.unit_id
                where s.form_code = :form and s.period = :period and u.code = :unit and u.validity @> s.period_end
                """).param("form", ReportFormsDemoOnStart.FORM).param("period", period).param("unit", unit)
                .query(Integer.class).optional().orElse(0);
        var at = OffsetDateTime.of(day, LocalTime.of(9, 30), clock.getZone().getRules().getOffset(day.atTime(9, 30)));
        approvals.take(new Approvals.StepInput(ReportFormsDemoOnStart.FORM, unit, period, action, version, reason), user, at);
    }

    private CurrentUser as(String username) {
        var principal = accounts.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return users.require();
    }

    private static ReportPeriod next(ReportPeriod q) {
        return q.index() == 4 ? new ReportPeriod(q.kind(), q.year() + 1, 1, q.cut()) : new ReportPeriod(q.kind(), q.year(), q.index() + 1, q.cut());
    }
}
