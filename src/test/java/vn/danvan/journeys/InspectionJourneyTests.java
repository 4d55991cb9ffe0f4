package vn.danvan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 7's inspection journey in Debian's Chromium: the Ministry of Home Affairs plans an inspection of
 * 16/CT-TTg in Lạng Sơn and Thái Nguyên → its team is refused without a head, then saved with one → a
 * working session with Lạng Sơn → findings → a recommendation to Phường Lương Văn Tri with a deadline →
 * the ward's officer finds it among what the ward owes and reports it done on the task's page → the
 * inspecting body accepts it as done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    BrowserJourney browser;
    Page admin;
    Page ward;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserJourney(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @AfterEach
    void keepWhatTheySaw() {
        if (admin != null) {
            BrowserJourney.screenshot(admin, "inspection-last-admin");
        }
        if (ward != null) {
            BrowserJourney.screenshot(ward, "inspection-last-ward");
        }
    }

    static void button(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).first().click();
    }

    String personId(String name) {
        return String.valueOf(jdbc.sql("select id from person where full_name = :n order by id limit 1").param("n", name).query(Long.class).single());
    }

    @Test
    void anInspectionOfADirectiveInTwoProvincesEndsWithTheWardsRecommendationAcceptedAsDone() {
        var today = LocalDate.now(clock);
        var startsOn = today.minusDays(3);

        // 1. The plan: the inspecting body, the directive, two provinces; a team without a head is refused, keeping what was typed.
        admin = browser.newPage(1366, 900);
        BrowserJourney.logIn(admin, "admin", WorkCycleJourneyTests.ADMIN_PASSWORD);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Giám sát")).click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kiểm tra, giám sát").setExact(true)).click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lập kế hoạch kiểm tra, giám sát")).click();
        admin.waitForLoadState(LoadState.LOAD);
        admin.locator("#title").fill("Kiểm tra việc thực hiện Chỉ thị 16/CT-TTg tại Lạng Sơn và Thái Nguyên (hành trình)");
        admin.locator("#startsOn").fill(startsOn.toString());
        admin.locator("#endsOn").fill(startsOn.plusDays(1).toString());
        BrowserJourney.pickUnit(admin, "inspectingUnitId-q", "bo noi vu", "Bộ Nội vụ");
        admin.locator("#subjectIdentifiers").fill("16/CT-TTg");
        admin.locator("#targetUnitCodes").fill("20, 19");
        admin.locator("#reportDueOn").fill(startsOn.toString());
        admin.locator("#memberPersonIds0").selectOption(personId("Triệu Văn Cường"));
        admin.locator("#memberBodyCodes0").fill("TW.BNV");
        admin.locator("#memberRoles0").selectOption("MEMBER");
        admin.locator("#memberPersonIds1").selectOption(personId("Nguyễn Lam"));
        admin.locator("#memberBodyCodes1").fill("TW.BTGDV");
        admin.locator("#memberRoles1").selectOption("MEMBER");
        button(admin, "Lưu");
        assertThat(admin.locator("#team .alert-danger")).containsText("đoàn phải có một Trưởng đoàn");
        assertThat(admin.locator("#targetUnitCodes")).hasValue("20, 19");
        BrowserJourney.screenshot(admin, "inspection-1-no-head");
        admin.locator("#memberRoles0").selectOption("HEAD");
        button(admin, "Lưu");
        assertThat(admin.locator(".alert-success")).containsText("Đã lưu cuộc kiểm tra, giám sát");
        assertThat(admin.locator("#team")).containsText("Trưởng đoàn");
        assertThat(admin.locator("body")).containsText("Tỉnh Thái Nguyên");
        var inspectionUrl = admin.url();

        // 2. A working session with Lạng Sơn, created as a conference and linked.
        admin.locator("#sessionUnitId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Tỉnh Lạng Sơn"));
        admin.locator("#sessionDate").fill(startsOn.toString());
        admin.locator("#sessionPlace").fill("Trụ sở UBND tỉnh Lạng Sơn");
        admin.locator("#sessions").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Thêm")).click();
        assertThat(admin.locator("#sessions")).containsText("Đoàn kiểm tra làm việc với Tỉnh Lạng Sơn");

        // 3. Findings about Lạng Sơn.
        var langSon = admin.locator("#targets > div.border-bottom").filter(new Locator.FilterOptions().setHasText("Tỉnh Lạng Sơn"));
        langSon.getByText("Ghi kết quả kiểm tra").click();
        langSon.locator("textarea[name=strengths]").fill("Ban hành kế hoạch thực hiện kịp thời; đối thoại với Nhân dân thường xuyên.");
        langSon.locator("textarea[name=shortcomings]").fill("Một số phường chưa đối thoại định kỳ với Nhân dân.");
        langSon.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu kết quả")).click();
        assertThat(admin.locator(".alert-success")).containsText("Đã lưu kết quả kiểm tra");

        // 4. A recommendation to the ward with a deadline.
        admin.locator("#recommendationText").fill("Tổ chức đối thoại định kỳ với Nhân dân trên địa bàn phường");
        BrowserJourney.pickUnit(admin, "recommendationUnitId-q", "luong van tri", "Phường Lương Văn Tri");
        admin.locator("#recommendationDueOn").fill(today.plusDays(30).toString());
        admin.locator("#recommendationTargetId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Tỉnh Lạng Sơn"));
        admin.locator("#recommendationFinding").fill("Một số phường chưa đối thoại định kỳ với Nhân dân");
        button(admin, "Giao");
        var row = admin.locator("#recommendations tr").filter(new Locator.FilterOptions().setHasText("Tổ chức đối thoại định kỳ"));
        assertThat(row).containsText("Chưa thực hiện");
        assertThat(row).containsText("Phường Lương Văn Tri");
        BrowserJourney.screenshot(admin, "inspection-2-recommendation");

        // 5. The ward's officer sees what the ward owes and reports it done on the task's page.
        ward = browser.newPage(1366, 900);
        BrowserJourney.logIn(ward, "canbo.luongvantri", FoundationJourneyTests.DEMO_PASSWORD);
        ward.navigate("/inspections/owed");
        assertThat(ward.locator("body")).containsText("Bộ Nội vụ");
        BrowserJourney.screenshot(ward, "inspection-3-owed");
        ward.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tổ chức đối thoại định kỳ với Nhân dân trên địa bàn phường")).click();
        ward.locator("#progress-form #percent").fill("100");
        ward.locator("#progress-form #text").fill("Đã đối thoại với Nhân dân 4 khu phố; biên bản gửi kèm.");
        ward.locator("#progress-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Gửi báo cáo")).click();
        assertThat(ward.locator(".alert-success")).isVisible();
        // the task links back to its inspection
        assertThat(ward.locator("a[href^='/inspections/']").first()).isVisible();

        // 6. The inspecting body accepts it as done.
        admin.navigate(inspectionUrl);
        row = admin.locator("#recommendations tr").filter(new Locator.FilterOptions().setHasText("Tổ chức đối thoại định kỳ"));
        assertThat(row).containsText("Đã báo cáo hoàn thành — chờ chấp nhận");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Chấp nhận hoàn thành")).click();
        assertThat(admin.locator(".alert-success")).containsText("Đã chấp nhận kiến nghị hoàn thành");
        row = admin.locator("#recommendations tr").filter(new Locator.FilterOptions().setHasText("Tổ chức đối thoại định kỳ"));
        assertThat(row).containsText("Đã chấp nhận");
        BrowserJourney.screenshot(admin, "inspection-4-accepted");
    }
}
