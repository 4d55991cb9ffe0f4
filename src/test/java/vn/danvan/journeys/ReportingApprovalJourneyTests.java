package vn.danvan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.reporting.Narratives;

/**
 * Issue 8, point 11, in Debian's Chromium: the officer of Phường Đông Kinh fills the quarterly dân vận
 * report the demo left empty and submits it; the ward's leader approves it (the grid locks); the
 * province's officer accepts it, finds it on the province's completeness board, in the aggregate (with
 * who approved it) and in a generated narrative report, whose figure leads back to the values page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingApprovalJourneyTests {

    static final String GRID = "/reporting/entry?form=DV-QUY&unit=05977&period=2026Q3";

    @LocalServerPort
    int port;
    @Autowired
    Narratives narratives;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    CurrentUsers users;

    BrowserJourney browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserJourney(port);
        // a briefing template that quotes the wards' entered figures (the seeded one quotes computed ones)
        var admin = accounts.loadUserByUsername("admin");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            if (narratives.find("BC_GIAO_BAN_PHUONG").isEmpty()) {
                narratives.define(new Narratives.NarrativeInput("BC_GIAO_BAN_PHUONG", "Báo cáo giao ban dân vận của phường",
                        Narratives.Layout.PARTY, "Báo cáo", "Kết quả công tác dân vận {{period}}",
                        "# I. KẾT QUẢ\n\nTrong {{period}}, {{unit}} đã ban hành {{VAN_BAN_CHI_DAO}} văn bản lãnh đạo, chỉ đạo công tác "
                                + "dân vận và mở {{LOP_TAP_HUAN}} lớp tập huấn nghiệp vụ.", "QUARTER"), users.require());
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void aWardFillsAndSubmitsItsLeaderApprovesAndTheProvinceAcceptsAndFindsItEverywhere() {
        // 1. the ward's officer: reminded, fills the grid, saves and submits
        var officer = browser.newPage(1366, 900);
        BrowserJourney.logIn(officer, "canbo.dongkinh", FoundationJourneyTests.DEMO_PASSWORD);
        officer.navigate(GRID);
        assertThat(officer.locator("#reminder-notices")).containsText("Đã quá hạn nộp báo cáo DV/Q");
        assertThat(officer.locator("#approval-status")).hasText("Bản nháp");
        officer.locator("#value-1").fill("7");
        officer.locator("#value-5").fill("2");
        officer.locator("#value-6").fill("45");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu số liệu")).click();
        assertThat(officer.locator(".alert-success")).isVisible();
        officer.locator("#step-SUBMIT").click();
        assertThat(officer.locator("#approval-status")).hasText("Đã gửi");
        assertThat(officer.locator("#approval")).containsText("Gửi lần đầu sau hạn nộp (muộn)");
        assertThat(officer.locator("#step-APPROVE")).hasCount(0);
        BrowserJourney.screenshot(officer, "approval-grid-submitted");

        // 2. the ward's leader approves: the data are locked
        var leader = browser.newPage(1366, 900);
        BrowserJourney.logIn(leader, "lanhdao.dongkinh", FoundationJourneyTests.DEMO_PASSWORD);
        leader.navigate(GRID);
        leader.locator("#step-APPROVE").click();
        assertThat(leader.locator("#approval-status")).hasText("Đã phê duyệt");
        assertThat(leader.locator("#approval-locked")).isVisible();

        // the officer, on the grid opened before the approval, can no longer change the figures: the refusal names the
        // report, what was typed stays, and the grid now shows read-only without a save button or an .xlsx import
        officer.locator("#value-1").fill("8");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu số liệu")).click();
        assertThat(officer.locator("#entry-problems")).containsText("đã được phê duyệt nên bị khóa");
        assertThat(officer.locator("#entry-problems")).containsText("Phường Đông Kinh");
        assertThat(officer.locator("#value-1")).hasValue("8");
        assertThat(officer.locator("#value-1")).isDisabled();
        assertThat(officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu số liệu"))).hasCount(0);
        assertThat(officer.locator("#file")).hasCount(0);

        // 3. the province accepts it and sees it on the completeness board
        var province = browser.newPage(1366, 900);
        BrowserJourney.logIn(province, "canbo.langson", FoundationJourneyTests.DEMO_PASSWORD);
        province.navigate(GRID);
        province.locator("#step-ACCEPT").click();
        assertThat(province.locator("#approval-status")).hasText("Cấp trên đã tiếp nhận");
        assertThat(province.locator("#approval-history")).containsText("lanhdao.dongkinh");
        BrowserJourney.screenshot(province, "approval-grid-accepted");

        province.navigate("/reporting");
        province.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tình hình nộp báo cáo")).click();
        province.getByLabel("Mã đơn vị").fill("20");
        province.getByLabel("Kỳ báo cáo").fill("2026Q3");
        province.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem")).click();
        assertThat(province.locator("#unit-05977")).containsText("Cấp trên đã tiếp nhận");
        assertThat(province.locator("#unit-05977")).containsText("Muộn");
        assertThat(province.locator("#unit-06187")).containsText("Bị trả lại");
        assertThat(province.locator("#unit-05983")).containsText("Đúng hạn");
        assertThat(province.locator("#completeness-totals")).containsText("Đã nộp");
        BrowserJourney.screenshot(province, "approval-completeness-board");

        // 4. in the aggregate, with who entered and who approved the value
        province.navigate("/reporting?indicator=VAN_BAN_CHI_DAO&unit=05977&period=2026Q3&on=2026-09-30");
        assertThat(province.locator("#aggregate-value")).hasText("7");
        assertThat(province.locator("#entered-values")).containsText("lanhdao.dongkinh");

        // 5. in the generated narrative report, whose figure leads back to the values
        province.navigate("/reporting/narratives/BC_GIAO_BAN_PHUONG/report?unit=05977&period=2026Q3");
        assertThat(province.locator("#narrative")).containsText("Phường Đông Kinh đã ban hành 7 văn bản");
        BrowserJourney.screenshot(province, "approval-narrative-report");
        province.locator("#narrative a.dv-figure[href*='indicator=VAN_BAN_CHI_DAO']").first().click();
        assertThat(province.locator("h1")).hasText("Tổng hợp số liệu báo cáo");
        assertThat(province.locator("#aggregate-value")).hasText("7");
        assertThat(province.locator("#entered-values")).containsText("Cấp trên đã tiếp nhận");
    }
}
