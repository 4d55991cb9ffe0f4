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
}
