package vn.danvan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reception officer's day in Debian's Chromium: a visit becomes a complaint that is accepted, resolved and enforced. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PetitionJourneyTests {

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
    void aVisitBecomesAComplaintThatIsAcceptedWithItsDueDateResolvedAndEnforced() {
        var page = browser.newPage(1366, 900);
        BrowserJourney.logIn(page, "tiepdan.langson", FoundationJourneyTests.DEMO_PASSWORD);
        var receivedBefore = received(page);
        var decidedBefore = total(page, "01-KQGQ", 5);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tiếp công dân").setExact(true)).first().click();
        BrowserJourney.screenshot(page, "reception");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã mở buổi tiếp công dân");

        page.getByLabel("Số người", new Page.GetByLabelOptions().setExact(true)).fill("1");
        page.getByLabel("Họ tên người đến").fill("Nông Thị Khiếu");
        page.getByLabel("Nội dung trình bày").fill("Khiếu nại quyết định thu hồi đất làm bãi đỗ xe cửa khẩu");
        page.getByLabel("Tiếp nhận đơn từ lượt tiếp này").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.locator(".alert-success")).containsText("tiếp nhận đơn 20.BTCD-");
        BrowserJourney.screenshot(page, "reception-session");
        var number = Pattern.compile("20\\.BTCD-\\d{4}-\\d{5}").matcher(page.locator(".alert-success").textContent());
        org.junit.jupiter.api.Assertions.assertTrue(number.find());

        page.navigate("/petitions/work");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number.group()).setExact(true)).click();
        assertThat(page.locator("body")).containsText("Khiếu nại quyết định thu hồi đất làm bãi đỗ xe cửa khẩu");
        assertThat(page.locator("body")).containsText("còn 10 ngày làm việc");

        page.getByLabel("Phân loại theo nội dung").selectOption("COMPLAINT");
        page.getByLabel("Lĩnh vực").selectOption("ADMIN_LAND");
        page.getByLabel("Đủ điều kiện xử lý", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Thẩm quyền", new Page.GetByLabelOptions().setExact(true)).selectOption("WITHIN");
        page.getByLabel("Xử lý", new Page.GetByLabelOptions().setExact(true)).selectOption("ACCEPT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).first().click();
        assertThat(page.locator(".alert-success")).containsText("Đã lưu kết quả phân loại");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^VV-20\\.BTCD-"))).click();
        record(page, "ACCEPT", "25/TB-BTCD");
        assertThat(page.locator("dl")).containsText("theo quy tắc C2 (phiên bản 2)");
        assertThat(page.locator("dl")).containsText("ngày làm việc");
        BrowserJourney.screenshot(page, "matter-accepted");
        record(page, "START_VERIFICATION", null);
        record(page, "HOLD_DIALOGUE", null);
        page.getByLabel("Kết quả").selectOption("PARTLY_RIGHT");
        record(page, "DECIDE", "40/QĐ-UBND");
        record(page, "CLOSE", null);
        var matterPath = java.net.URI.create(page.url()).getPath();
        assertThat(page.locator(".badge.fs-6")).hasText("Đã thi hành xong");
        assertThat(page.locator(".dv-timeline")).containsText("Đối thoại");
        BrowserJourney.screenshot(page, "matter-closed");

        // Counted in the official forms of the current period: one more petition received in the period (01/XLD
        // columns 5–7, "tiếp nhận trong kỳ") and one more matter decided by an administrative decision (01/KQGQ column 5).
        org.junit.jupiter.api.Assertions.assertEquals(receivedBefore + 1, received(page));
        assertThat(page.locator(".badge.text-bg-danger")).hasCount(0);
        BrowserJourney.screenshot(page, "form-01-xld");
        org.junit.jupiter.api.Assertions.assertEquals(decidedBefore + 1, total(page, "01-KQGQ", 5));
        assertThat(page.locator(".badge.text-bg-danger")).hasCount(0);
        BrowserJourney.screenshot(page, "form-01-kqgq");
        // The figure opens the records it counts, among them this matter.
        page.locator("tbody tr").first().locator("td").nth(4).locator("a").click();
        assertThat(page.locator("h1")).containsText("Hồ sơ được tính ở cột 5");
        assertThat(page.locator("a[href='" + matterPath + "']")).hasCount(1);
        BrowserJourney.screenshot(page, "form-records");
    }

    private static long received(Page page) {
        return total(page, "01-XLD", 5) + total(page, "01-XLD", 6) + total(page, "01-XLD", 7);
    }

    /** The value of a column in the total row of a form for the signed-in user's unit and the current period. */
    private static long total(Page page, String form, int column) {
        page.navigate("/forms/" + form);
        var text = page.locator("tbody tr").first().locator("td").nth(column - 1).textContent().strip();
        return Long.parseLong(text.replace(".", ""));
    }

    private static void record(Page page, String action, String document) {
        page.getByLabel("Thao tác").selectOption(action);
        if (document != null) {
            page.getByLabel("Số văn bản").fill(document);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).first().click();
        assertThat(page.locator(".alert-success")).containsText("Đã ghi bước");
    }
}
