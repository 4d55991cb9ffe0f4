package vn.danvan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An officer registers the province's plan from a pasted citation and links it to the directive it implements, in Debian's Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentJourneyTests {

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
    void aPlanRegisteredFromACitationImplementsTheDirectiveAndShowsOnIt() {
        var page = browser.newPage(1366, 900);
        BrowserJourney.logIn(page, "canbo.langson", FoundationJourneyTests.DEMO_PASSWORD);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Văn bản").setExact(true)).first().click();
        assertThat(page.locator("body")).containsText("23-QĐ/TW");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đăng ký văn bản")).click();
        page.getByLabel("Trích dẫn", new Page.GetByLabelOptions().setExact(true)).fill(
                "Kế hoạch số 12/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh Lạng Sơn về triển khai thực hiện Chỉ thị số 16/CT-TTg năm 2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Điền từ trích dẫn")).click();
        assertThat(page.locator("#identifier")).hasValue("12/KH-UBND");
        assertThat(page.locator("#kindName")).hasValue("Kế hoạch");
        // the day shown as a reader writes it, whatever the browser's language (dates.js)
        assertThat(page.locator("#issuedOn")).hasValue("10/01/2026");
        assertThat(page.locator("#issuerName")).hasValue("Ủy ban nhân dân tỉnh Lạng Sơn");
        BrowserJourney.screenshot(page, "document-prefilled");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã lưu văn bản");

        page.getByLabel("Văn bản liên quan (số, ký hiệu)").fill("16/CT-TTg");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thêm quan hệ")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã thêm quan hệ");
        BrowserJourney.screenshot(page, "document-plan");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chỉ thị 16/CT-TTg")).click();
        assertThat(page.locator("body")).containsText("Được triển khai bởi");
        assertThat(page.locator("body")).containsText("Kế hoạch 12/KH-UBND");
        assertThat(page.locator("body")).containsText("Được tiếp nối bởi");
        BrowserJourney.screenshot(page, "document-directive");
    }
}
