package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUsers;

/**
 * Completeness and timeliness of DV-QUY over Lạng Sơn for a quarter nobody else writes (2028Q2): one
 * ward submitted before the deadline, one after it, the others not at all; and the reminders, scheduled
 * (idempotent, whatever the number of runs) and sent now from the board, shown to the ward's users.
 */
@SpringBootTest
class CompletenessIntegrationTests {

    static final String PERIOD = "2028Q2";

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Approvals approvals;
    @Autowired
    Completeness completeness;
    @Autowired
    Reminders reminders;
    @Autowired
    ReportForms forms;
    @Autowired
    CurrentUsers users;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    @AfterEach
    void signOut() {
        ReportingTestUsers.signOut();
    }

    void submit(String officer, String unit, OffsetDateTime at) throws Exception {
        var user = ReportingTestUsers.as(signedIn, users, officer);
        var state = approvals.state("DV-QUY", unit, PERIOD, user);
        approvals.take(new Approvals.StepInput("DV-QUY", unit, PERIOD, "SUBMIT",
                state.submission() == null ? 0 : state.submission().version(), null), user, at);
    }

    @Test
    void theProvincesBoardCountsOnTimeLateAndMissingWardsAndLinksToTheirGrids() throws Exception {
        var period = ReportPeriod.parse(PERIOD, "period");
        var due = forms.deadline(forms.applicable("DV-QUY", period), period);
        submit("canbo.luongvantri", "05983", due.atTime(16, 0).atOffset(ZoneOffset.ofHours(7)));
        submit("canbo.dongkinh", "05977", due.plusDays(1).atTime(8, 0).atOffset(ZoneOffset.ofHours(7)));

        var board = completeness.board("DV-QUY", "20", PERIOD, ReportingTestUsers.as(signedIn, users, "canbo.langson"));
        var byCode = new java.util.HashMap<String, Completeness.Entry>();
        board.entries().forEach(e -> byCode.put(e.code(), e));
        assertThat(byCode.get("05983").timeliness()).isEqualTo(Completeness.Timeliness.ON_TIME);
        assertThat(byCode.get("05977").timeliness()).isEqualTo(Completeness.Timeliness.LATE);
        assertThat(byCode.get("06187").timeliness()).isEqualTo(Completeness.Timeliness.NOT_SUBMITTED);
        assertThat(byCode.get("20").name()).isEqualTo("Tỉnh Lạng Sơn");
        assertThat(byCode.get("05983").gridHref()).isEqualTo("/reporting/entry?form=DV-QUY&unit=05983&period=2028Q2");
        assertThat(board.total().submitted()).isEqualTo(2);
        assertThat(board.total().onTime()).isEqualTo(1);
        assertThat(board.total().late()).isEqualTo(1);
        assertThat(board.total().missing()).isEqualTo(board.total().expected() - 2);
        // bodies (Party committees, People's Committees …) report through their areas: only areas are expected
        assertThat(board.entries()).allSatisfy(e -> assertThat(e.level()).isIn("PROVINCE", "COMMUNE"));
        assertThat(board.total().expected()).isEqualTo(board.entries().size());

        var page = mvc.perform(get("/reporting/completeness").session(signedIn.login("canbo.langson")).param("form", "DV-QUY")
                .param("unit", "20").param("period", PERIOD)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tình hình nộp báo cáo").contains("Phường Lương Văn Tri").contains("Đúng hạn").contains("Muộn")
                .contains("href=\"/reporting/entry?form=DV-QUY&amp;unit=05977&amp;period=2028Q2\"")
                .contains(String.format("%02d/%02d/%d", due.getDayOfMonth(), due.getMonthValue(), due.getYear()));
    }

    @Test
    void theCountryBoardDrillsDownToProvinces() throws Exception {
        var board = completeness.board("DV-QUY", "VN", PERIOD, ReportingTestUsers.as(signedIn, users, "admin"));
        assertThat(board.areas()).hasSize(34);
        assertThat(board.areas()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("Tỉnh Lạng Sơn");
            assertThat(a.href()).isEqualTo("/reporting/completeness?form=DV-QUY&unit=20&period=2028Q2");
        });
        assertThat(board.total().expected()).isEqualTo(board.areas().stream().mapToInt(Completeness.Counts::expected).sum());
    }

    @Test
    void scheduledRemindersAreRecordedOnceHoweverOftenTheJobRunsAndShowToTheWardsUsers() throws Exception {
        var period = ReportPeriod.parse("2029Q1", "period"); // far from today: the daily job never reaches it
        var due = forms.deadline(forms.applicable("DV-QUY", period), period);
        var day = reminders.remindFrom(due);
        var first = reminders.remindDue(day);
        var again = reminders.remindDue(day);
        var later = reminders.remindDue(due);
        assertThat(first).isGreaterThan(3000);
        assertThat(again).isZero();
        assertThat(later).isZero();
        assertThat(reminders.remindDue(day.minusDays(1))).as("before the reminder window").isZero();
        assertThat(jdbc.sql("""
                select count(*) from reporting_reminder r join org_unit u on u.id = r.unit_id
                where r.form_code = 'DV-QUY' and r.period = '2029Q1' and r.kind = 'SCHEDULED' and u.code = '05983'
                """).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theProvinceRemindsTheMissingWardsNowOnceADayAndAWardOfficerSeesTheNotice() throws Exception {
        var province = signedIn.login("canbo.langson");
        var response = mvc.perform(post("/reporting/completeness/remind").session(province).with(csrf()).param("form", "DV-QUY")
                .param("unit", "20").param("period", "2028Q3")).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/reporting/completeness?form=DV-QUY&unit=20&period=2028Q3");
        var count = jdbc.sql("select count(*) from reporting_reminder where period = '2028Q3' and kind = 'MANUAL'").query(Long.class).single();
        assertThat(count).isGreaterThan(60);
        mvc.perform(post("/reporting/completeness/remind").session(province).with(csrf()).param("form", "DV-QUY")
                .param("unit", "20").param("period", "2028Q3"));
        assertThat(jdbc.sql("select count(*) from reporting_reminder where period = '2028Q3' and kind = 'MANUAL'").query(Long.class).single())
                .isEqualTo(count);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'reporting.reminders-sent' and entity_id = 'DV-QUY/2028Q3'")
                .query(Long.class).single()).isEqualTo(2);

        var ward = signedIn.login("canbo.dongkinh");
        var notice = mvc.perform(get("/reporting/reminders/notice").session(ward)).andReturn().getResponse().getContentAsString();
        assertThat(notice).contains("DV/Q").contains("2028Q3").contains("ngày làm việc đến hạn nộp báo cáo");
        // a ward cannot remind the province's units
        assertThat(mvc.perform(post("/reporting/completeness/remind").session(ward).with(csrf()).param("form", "DV-QUY")
                .param("unit", "20").param("period", "2028Q3")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
