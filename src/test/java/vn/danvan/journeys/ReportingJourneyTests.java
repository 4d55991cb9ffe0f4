package vn.danvan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A provincial officer opens "Báo cáo", reads the province's training attendances for 2025 restated to
 * today's units beside 2024, then the old units as recorded, in Debian's Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingJourneyTests {

    @LocalServerPort
    int port;

    BrowserJourney browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserJourney(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void anOfficerReadsTheProvincesAggregateRestatedAndAsRecorded() {
        var page = browser.newPage(1366, 900);
        BrowserJourney.logIn(page, "canbo.langson", FoundationJourneyTests.DEMO_PASSWORD);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Báo cáo").setExact(true)).first().click();
        assertThat(page.locator("h1")).hasText("Tổng hợp số liệu báo cáo");
        page.getByLabel("Chỉ tiêu", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Số lượt cán bộ dự tập huấn, bồi dưỡng nghiệp vụ dân vận"));
        page.getByLabel("Mã đơn vị").fill("20");
        page.getByLabel("Kỳ báo cáo").fill("2025");
        page.getByLabel("Ngày xem").fill("2026-01-01");
        page.getByLabel("Cách tính đơn vị").selectOption("RESTATED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem tổng hợp")).click();
        assertThat(page.locator("body")).containsText("Tỉnh Lạng Sơn");
        assertThat(page.locator("#aggregate-value")).not().hasText("Không có giá trị");
        assertThat(page.locator("body")).containsText("Cùng kỳ năm trước (2024)");
        assertThat(page.locator("#change")).containsText("so với cùng kỳ");
        BrowserJourney.screenshot(page, "reporting-restated");

        page.getByLabel("Kỳ báo cáo").fill("2024");
        page.getByLabel("Ngày xem").fill("2025-06-30");
        page.getByLabel("Cách tính đơn vị").selectOption("AS_RECORDED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem tổng hợp")).click();
        assertThat(page.locator("body")).containsText("Theo đơn vị tại thời điểm phát sinh");
        assertThat(page.locator("#aggregate-value")).not().hasText("Không có giá trị");

        page.getByLabel("Kỳ báo cáo").fill("2024Q7");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem tổng hợp")).click();
        assertThat(page.locator(".alert-danger")).containsText("quý phải từ Q1 đến Q4");
        assertThat(page.getByLabel("Kỳ báo cáo")).hasValue("2024Q7");
        BrowserJourney.screenshot(page, "reporting-bad-period");
    }

    @Test
    void anOfficerWritesTheQuarterlyReportAndFollowsAFigureToThePetitionsItCounts() {
        var page = browser.newPage(1366, 900);
        BrowserJourney.logIn(page, "canbo.langson", FoundationJourneyTests.DEMO_PASSWORD);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Báo cáo").setExact(true)).first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Báo cáo thuyết minh")).click();
        assertThat(page.locator("h1")).hasText("Báo cáo thuyết minh");
        var quarterly = page.locator(".list-group-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Báo cáo kết quả công tác dân vận quý"));
        quarterly.getByLabel("Mã đơn vị").fill("20");
        quarterly.getByLabel("Kỳ báo cáo").fill("2026Q3");
        quarterly.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Lập báo cáo")).click();
        assertThat(page.locator("#narrative")).containsText("Kết quả công tác dân vận quý III năm 2026");
        assertThat(page.locator("#narrative")).containsText("trên địa bàn Tỉnh Lạng Sơn");
        assertThat(page.locator("#download-docx")).isVisible();
        BrowserJourney.screenshot(page, "reporting-narrative");

        var download = page.waitForDownload(() -> page.locator("#download-docx").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("BC_DAN_VAN_QUY-20-2026Q3.docx");

        // the figure "đơn thư tiếp nhận" of the province opens the page listing the petitions it counts
        var figure = page.locator("#narrative a.dv-figure[href*='indicator=DON_TIEP_NHAN'][href*='unit=20']").first();
        var counted = figure.textContent();
        figure.click();
        assertThat(page.locator("h1")).hasText("Tổng hợp số liệu báo cáo");
        assertThat(page.locator("#aggregate-value")).hasText(counted);
        if (!"0".equals(counted)) {
            assertThat(page.locator("#records li").first()).isVisible();
        }
        BrowserJourney.screenshot(page, "reporting-narrative-figure");
    }
}
