package vn.danvan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The work cycle of issue 6 in Debian's Chromium: a directive registered (16/CT-TTg, already in the
 * registry: the duplicate is refused with a link to it) → assigned to two provinces → one records its
 * implementing plan with two tasks and links it in the matrix → a quarterly briefing concludes with a
 * new task → the next briefing of the series opens with that task overdue → the task is reported done
 * → the matrix shows the other province as not having acted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkCycleJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    static final String ADMIN_PASSWORD = "admin-pass-123";
    static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy");

    BrowserJourney browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserJourney(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true)).first();
    }

    static void button(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).first().click();
    }

    Page admin;
    Page officer;

    /** On failure, what each user saw. */
    @org.junit.jupiter.api.AfterEach
    void keepWhatTheySaw() {
        if (admin != null) {
            BrowserJourney.screenshot(admin, "workcycle-last-admin");
        }
        if (officer != null) {
            BrowserJourney.screenshot(officer, "workcycle-last-officer");
        }
    }

    @Test
    void aDirectiveReachesTwoProvincesOneActsItsBriefingTaskIsFollowedUpAndTheOtherShowsAsNotActed() {
        var today = LocalDate.now(clock);

        // 1. The directive: registering it again is refused with a link to the document that holds the identifier.
        admin = browser.newPage(1366, 900);
        BrowserJourney.logIn(admin, "admin", ADMIN_PASSWORD);
        link(admin, "Văn bản").click();
        link(admin, "Đăng ký văn bản").click();
        admin.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD); // htmx bound before the citation is sent
        admin.getByLabel("Trích dẫn", new Page.GetByLabelOptions().setExact(true))
                .fill("Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ");
        button(admin, "Điền từ trích dẫn");
        assertThat(admin.locator("#identifier")).hasValue("16/CT-TTg");
        BrowserJourney.pickUnit(admin, "ownerUnitId-q", "viet nam", "Việt Nam");
        admin.locator("#subject").fill("Về tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp");
        button(admin, "Lưu");
        BrowserJourney.screenshot(admin, "workcycle-1-duplicate");
        assertThat(admin.locator("body")).containsText("số, ký hiệu này đã có trong cùng phạm vi đánh số");
        admin.locator("a[href^='/documents/']").filter(new Locator.FilterOptions().setHasText("16/CT-TTg")).first().click();
        assertThat(admin.locator("h1")).containsText("16/CT-TTg");

        // 2. Assigned to Lạng Sơn and Cao Bằng.
        admin.navigate("/plans/assignments/new");
        admin.locator("#documentIdentifier").fill("16/CT-TTg");
        BrowserJourney.pickUnit(admin, "assigningUnitId-q", "viet nam", "Việt Nam");
        admin.locator("#assignedOn").fill(today.minusDays(40).toString());
        admin.locator("#dueOn").fill(today.minusDays(5).toString());
        admin.locator("input[name=target][value=UNITS]").check();
        admin.locator("#unitCodes").fill("20, 04");
        button(admin, "Lưu");
        assertThat(admin.locator(".alert-success")).containsText("Đã giao triển khai văn bản");
        assertThat(admin.locator("body")).containsText("0/2 đơn vị đã ban hành văn bản triển khai");
        var matrixUrl = admin.url();
        BrowserJourney.screenshot(admin, "workcycle-2-assigned");

        // 3. Lạng Sơn registers its implementing plan, makes it a plan with two tasks and links it in the matrix.
        officer = browser.newPage(1366, 900);
        BrowserJourney.logIn(officer, "canbo.langson", FoundationJourneyTests.DEMO_PASSWORD);
        officer.navigate("/documents/new");
        officer.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        officer.getByLabel("Trích dẫn", new Page.GetByLabelOptions().setExact(true)).fill(
                "Kế hoạch số 916/KH-UBND ngày " + DAY.format(today.minusDays(20))
                        + " của Ủy ban nhân dân tỉnh Lạng Sơn về thực hiện Chỉ thị số 16/CT-TTg");
        button(officer, "Điền từ trích dẫn");
        assertThat(officer.locator("#identifier")).hasValue("916/KH-UBND");
        button(officer, "Lưu");
        assertThat(officer.locator(".alert-success")).containsText("Đã lưu văn bản");

        officer.navigate("/plans/new");
        officer.locator("#kind").selectOption("IMPLEMENTING");
        officer.locator("#title").fill("Kế hoạch thực hiện Chỉ thị 16/CT-TTg năm " + today.getYear());
        officer.locator("#year").fill(String.valueOf(today.getYear()));
        officer.locator("#startsOn").fill(today.minusDays(20).toString());
        officer.locator("#endsOn").fill(today.plusDays(200).toString());
        BrowserJourney.pickUnit(officer, "unitId-q", "tinh lang son", "Tỉnh Lạng Sơn");
        officer.locator("#documentIdentifier").fill("916/KH-UBND");
        officer.locator("#implementsIdentifier").fill("16/CT-TTg");
        button(officer, "Lưu");
        assertThat(officer.locator(".alert-success")).containsText("Đã lưu kế hoạch");
        var planUrl = officer.url();
        for (var task : new String[] {"Phổ biến Chỉ thị đến cán bộ, công chức cấp xã", "Tổ chức đối thoại với Nhân dân về thủ tục đất đai"}) {
            officer.navigate(planUrl);
            officer.locator("#new-task #title").fill(task);
            BrowserJourney.pickUnit(officer, "responsibleUnitId-q", "tinh lang son", "Tỉnh Lạng Sơn");
            officer.locator("#new-task #dueOn").fill(today.plusDays(60).toString());
            officer.locator("#new-task").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu")).click();
            assertThat(officer.locator(".alert-success")).containsText("Đã giao nhiệm vụ");
        }
        officer.navigate(planUrl);
        assertThat(officer.locator(".dv-task-tree")).containsText("Phổ biến Chỉ thị");
        assertThat(officer.locator(".dv-task-tree")).containsText("Tổ chức đối thoại");
        BrowserJourney.screenshot(officer, "workcycle-3-plan");

        officer.navigate(matrixUrl);
        var row = officer.locator("tr").filter(new Locator.FilterOptions().setHasText("Tỉnh Lạng Sơn"));
        row.locator("input[name=identifier]").fill("916/KH-UBND");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Gắn")).click();
        assertThat(officer.locator("body")).containsText("1/2 đơn vị đã ban hành văn bản triển khai");

        // 4. A quarterly briefing concludes with a new task, due ten days ago.
        officer.navigate("/meetings/new");
        officer.locator("#kind").selectOption("QUARTERLY_BRIEFING");
        officer.locator("#meetingTitle").fill("Giao ban công tác dân vận quý trước");
        officer.locator("#startsAt").fill(today.minusDays(70) + "T08:00");
        officer.locator("#endsAt").fill(today.minusDays(70) + "T11:30");
        officer.locator("#place").fill("Hội trường Tỉnh ủy Lạng Sơn");
        BrowserJourney.pickUnit(officer, "hostUnitId-q", "tinh lang son", "Tỉnh Lạng Sơn");
        officer.locator("#newSeriesName").fill("Giao ban thử nghiệm hành trình");
        button(officer, "Lưu");
        assertThat(officer.locator(".alert-success")).containsText("Đã lưu hội nghị");
        officer.locator("#taskTitle").fill("Báo cáo kết quả thực hiện Chỉ thị 16/CT-TTg ở cấp xã");
        BrowserJourney.pickUnit(officer, "taskUnitId-q", "tinh lang son", "Tỉnh Lạng Sơn");
        officer.locator("#taskDueOn").fill(today.minusDays(10).toString());
        button(officer, "Giao");
        assertThat(officer.locator("body")).containsText("Báo cáo kết quả thực hiện Chỉ thị 16/CT-TTg ở cấp xã");
        BrowserJourney.screenshot(officer, "workcycle-4-briefing");

        // 5. The next briefing of the series opens with that task, overdue.
        officer.navigate("/meetings/new");
        officer.locator("#kind").selectOption("QUARTERLY_BRIEFING");
        officer.locator("#meetingTitle").fill("Giao ban công tác dân vận quý này");
        officer.locator("#startsAt").fill(today.plusDays(3) + "T08:00");
        officer.locator("#endsAt").fill(today.plusDays(3) + "T11:30");
        officer.locator("#place").fill("Hội trường Tỉnh ủy Lạng Sơn");
        BrowserJourney.pickUnit(officer, "hostUnitId-q", "tinh lang son", "Tỉnh Lạng Sơn");
        officer.locator("#seriesId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Giao ban thử nghiệm hành trình"));
        button(officer, "Lưu");
        assertThat(officer.locator(".alert-success")).containsText("Đã lưu hội nghị");
        var nextBriefing = officer.url();
        var previous = officer.locator("#previous-conclusion");
        assertThat(previous).containsText("Kết luận kỳ trước");
        assertThat(previous).containsText("Báo cáo kết quả thực hiện Chỉ thị 16/CT-TTg ở cấp xã");
        assertThat(previous).containsText("Quá hạn");
        BrowserJourney.screenshot(officer, "workcycle-5-next-briefing");

        // 6. The task is reported done; the briefing shows it so.
        previous.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Báo cáo kết quả thực hiện Chỉ thị 16/CT-TTg ở cấp xã")).click();
        officer.locator("#percent").fill("100");
        officer.locator("#reportedOn").fill(today.toString());
        officer.locator("#progress-form #text").fill("Đã tổng hợp báo cáo của 65 xã, phường");
        button(officer, "Gửi báo cáo");
        assertThat(officer.locator(".alert-success")).containsText("Đã ghi báo cáo tiến độ");
        assertThat(officer.locator("body")).containsText("Hoàn thành");
        officer.navigate(nextBriefing);
        assertThat(officer.locator("#previous-conclusion")).containsText("Hoàn thành");
        assertThat(officer.locator("#previous-conclusion")).not().containsText("Quá hạn");

        // 7. The matrix lists first the province that has not acted.
        admin.navigate(matrixUrl);
        var first = admin.locator("tbody tr").first();
        assertThat(first).containsText("Tỉnh Cao Bằng");
        assertThat(first).containsText("Chưa triển khai");
        assertThat(admin.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Tỉnh Lạng Sơn"))).containsText("916/KH-UBND");
        BrowserJourney.screenshot(admin, "workcycle-7-matrix");
    }
}
