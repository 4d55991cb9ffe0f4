package vn.danvan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A provincial officer in Debian's Chromium: registers a "Dân vận khéo" model in one ward, takes it
 * through assessment and recognition, replicates it in another ward, finds both in the province's
 * dashboard; a citizen then finds the replicated model on the public pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExemplarJourneyTests {

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
    void aModelIsRegisteredAssessedRecognisedAndReplicatedThenSeenInTheDashboard() {
        var page = browser.newPage(1366, 900);
        BrowserJourney.logIn(page, "canbo.langson", FoundationJourneyTests.DEMO_PASSWORD);
        page.navigate("/exemplars/dashboard");
        var registeredBefore = Integer.parseInt(headline(page, "Đăng ký mới").replace(".", ""));

        page.navigate("/exemplars");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đăng ký mô hình, điển hình")).click();
        page.getByLabel("Tên", new Page.GetByLabelOptions().setExact(true)).fill("Thắp sáng đường quê bằng đèn năng lượng mặt trời");
        BrowserJourney.pickUnit(page, "unitId-q", "luong van tri", "Phường Lương Văn Tri");
        page.getByLabel("Tên khu dân cư, cơ quan, trường học…").fill("Khối 4");
        page.getByLabel("Kinh tế", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Xây dựng nông thôn mới").check();
        page.getByLabel("4. Nội dung, cách thức thực hiện").fill("Mỗi hộ góp một bóng đèn, đoàn viên lắp đặt, khối quản lý.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng ký").setExact(true)).click();
        assertThat(page.locator(".alert-success")).containsText("Đã đăng ký mô hình số MH-");
        BrowserJourney.screenshot(page, "exemplar-registered");

        step(page, "Bắt đầu thực hiện").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bắt đầu thực hiện")).click();
        assertThat(page.locator(".alert-success")).containsText("Bắt đầu thực hiện");

        var assess = step(page, "Đánh giá");
        assess.locator("[name=assessor]").fill("Ban Chỉ đạo phường Lương Văn Tri");
        var scores = assess.locator("[name=criterionScore]");
        for (int i = 0; i < scores.count(); i++) {
            scores.nth(i).fill("16");
        }
        assess.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Đánh giá")).click();
        assertThat(page.locator(".alert-success")).containsText("Đánh giá");
        assertThat(page.locator("body")).containsText("80/100");

        var recognise = step(page, "Công nhận");
        recognise.locator("[name=level]").selectOption("COMMUNE");
        recognise.locator("[name=decisionNumber]").fill("31/QĐ-UBND");
        recognise.locator("[name=issuer]").fill("Ủy ban nhân dân phường Lương Văn Tri");
        recognise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Công nhận")).click();
        assertThat(page.locator(".dv-ladder")).containsText("✓ Được công nhận");
        var sourceUrl = page.url();

        page.locator("summary", new Page.LocatorOptions().setHasText("Nhân rộng sang đơn vị khác")).click();
        BrowserJourney.pickUnit(page, "replicaUnitId-q", "dong kinh", "Phường Đông Kinh");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nhân rộng").setExact(true)).click();
        assertThat(page.locator(".alert-success")).containsText("Đã nhân rộng");
        assertThat(page.locator("#lineage")).containsText("Nhân rộng từ");
        assertThat(page.locator("body")).containsText("Phường Đông Kinh");
        BrowserJourney.screenshot(page, "exemplar-replica");

        page.navigate(sourceUrl);
        assertThat(page.locator("#lineage")).containsText("Đã nhân rộng trực tiếp 1 lần");

        page.navigate("/exemplars/dashboard");
        assertThat(page.locator(".dv-figure").filter(new Locator.FilterOptions().setHasText("Đăng ký mới")).locator(".display-6"))
                .hasText(String.format("%,d", registeredBefore + 2).replace(',', '.'));
        assertThat(page.locator("body")).containsText("Thắp sáng đường quê bằng đèn năng lượng mặt trời");
        assertThat(page.locator("#chart-fields svg")).isVisible();
        BrowserJourney.screenshot(page, "exemplar-dashboard");

        // a citizen, not signed in, finds the recognised and replicated model on the public pages
        var citizen = browser.newPage(1366, 900);
        citizen.navigate("/public/exemplars?text=thap sang duong que");
        var card = citizen.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thắp sáng đường quê bằng đèn năng lượng mặt trời"));
        assertThat(card).hasCount(1);
        assertThat(citizen.locator("body")).containsText("Đã nhân rộng ra 1 nơi");
        card.click();
        assertThat(citizen.locator("body")).containsText("Phường Lương Văn Tri");
        assertThat(citizen.locator("body")).not().containsText("Mỗi hộ góp một bóng đèn"); // the way of working stays inside
        BrowserJourney.screenshot(citizen, "exemplar-public");
    }

    /** Opens a step's form on a model's page and returns it. */
    private static Locator step(Page page, String name) {
        var summary = page.locator("summary").filter(new Locator.FilterOptions().setHasText(name)).first();
        summary.click();
        return summary.locator("xpath=ancestor::form[1]");
    }

    private static String headline(Page page, String label) {
        return page.locator(".dv-figure").filter(new Locator.FilterOptions().setHasText(label)).locator(".display-6").textContent().strip();
    }
}
