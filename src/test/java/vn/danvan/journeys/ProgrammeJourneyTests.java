package vn.danvan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thái Nguyên's officer records a coordination programme on its form, records a review result naming the
 * conference that reviewed it, and finds the item on that conference's page; a directive's page shows
 * how far its implementation has gone, loaded from plan. In Debian's Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

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
    void aProgrammeRecordedOnItsFormIsReviewedAtAConferenceThatListsIt() {
        var page = browser.newPage(1366, 900);
        BrowserJourney.logIn(page, "canbo.thainguyen", FoundationJourneyTests.DEMO_PASSWORD);

        page.navigate("/programmes");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ghi nhận chương trình phối hợp")).click();
        page.getByLabel("Chương trình", new Page.GetByLabelOptions().setExact(true)).fill(
                "Chương trình phối hợp về công tác dân vận giữa Ban Dân vận Tỉnh ủy và Hội Nông dân tỉnh Thái Nguyên");
        page.getByLabel("Từ năm").fill("2021");
        page.getByLabel("Đến năm").fill("2025");
        page.getByLabel("Cơ quan 1").fill("Hội Nông dân tỉnh Thái Nguyên");
        page.locator("#partyUnits1").fill("19.BDV");
        page.locator("#signatoryNames0").fill("Dương Văn Tiến");
        page.locator("#signatoryTitles0").fill("Trưởng Ban Dân vận Tỉnh ủy");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.locator(".alert-danger")).containsText("Biểu mẫu có lỗi");
        assertThat(page.locator("body")).containsText("người ký thứ 1: chưa ghi cơ quan");
        assertThat(page.locator("#signatoryNames0")).hasValue("Dương Văn Tiến");
        BrowserJourney.screenshot(page, "programme-form-errors");
        page.locator("#signatoryBodies0").fill("Ban Dân vận Tỉnh ủy Thái Nguyên");
        page.getByLabel("Nội dung phối hợp (mỗi dòng một nội dung)").fill("Tuyên truyền, vận động hội viên nông dân\n"
                + "Xây dựng mô hình “Dân vận khéo” trong nông nghiệp");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã ghi nhận chương trình phối hợp");
        assertThat(page.locator("body")).containsText("Giai đoạn 2021–2025");

        page.getByLabel("Nội dung phối hợp", new Page.GetByLabelOptions().setExact(true)).first()
                .selectOption(new SelectOption().setLabel("2. Xây dựng mô hình “Dân vận khéo” trong nông nghiệp"));
        page.getByLabel("Ngày sơ kết, tổng kết").fill("2022-04-05");
        page.getByLabel("Kết quả", new Page.GetByLabelOptions().setExact(true)).fill("Hơn 120 mô hình “Dân vận khéo” trong nông nghiệp.");
        var conference = page.getByLabel("Hội nghị sơ kết, tổng kết");
        assertThat(conference.locator("option", new Locator.LocatorOptions()
                .setHasText("05/04/2022 — Hội nghị tổng kết"))).hasCount(1);
        conference.selectOption(conference.locator("option").filter(new Locator.FilterOptions()
                .setHasText("05/04/2022 — Hội nghị tổng kết")).getAttribute("value"));
        page.locator("form[action$='/reviews']").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã ghi kết quả sơ kết, tổng kết");
        assertThat(page.locator("body")).containsText("Hơn 120 mô hình");
        BrowserJourney.screenshot(page, "programme-detail");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("(xem hội nghị)")).click();
        assertThat(page.locator("#programme-reviews")).containsText("2. Xây dựng mô hình “Dân vận khéo” trong nông nghiệp");
        assertThat(page.locator("#programme-reviews")).containsText("trên 38.500 lượt công dân");
        BrowserJourney.screenshot(page, "meeting-programme-reviews");

        var directive = jdbc.sql("select document_id from plan_assignment where assigned_on = '2016-05-16'").query(Long.class).single();
        page.navigate("/documents/" + directive);
        assertThat(page.locator("#implementation")).containsText("chưa triển khai");
        page.locator("#implementation").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("→ xem bảng theo dõi")).click();
        assertThat(page.locator("body")).containsText("Chưa triển khai");
        page.goBack();
        assertThat(page.locator("#implementation")).containsText("đơn vị");
        BrowserJourney.screenshot(page, "document-implementation");
    }
}
