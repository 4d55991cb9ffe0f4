package vn.danvan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A citizen without an account browses the "Dân vận khéo" showcase with the portal's reading tools. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShowcaseJourneyTests {

    /**
     * The browser's speech synthesis, replaced by a recorder with an English and a Vietnamese voice
     * (headless Chromium has no voices): what was spoken, in which language and voice.
     */
    private static final String SPEECH_RECORDER = """
            window.__spoken = [];
            window.__cancelled = 0;
            window.SpeechSynthesisUtterance = function (text) { this.text = text; };
            Object.defineProperty(window, 'speechSynthesis', { value: {
              getVoices: function () { return [{ lang: 'en-US', name: 'English' }, { lang: 'vi-VN', name: 'Linh' }]; },
              speak: function (u) { window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null }); },
              cancel: function () { window.__cancelled++; }
            }});
            """;

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
    void aCitizenFindsAThaiNguyenModelReadsItLargeAtNightAndHasItReadAloudInVietnamese() {
        var page = browser.newPage(1280, 900);
        page.addInitScript(SPEECH_RECORDER);
        page.navigate("/public/exemplars");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đăng nhập cán bộ"))).isVisible();
        assertThat(page.getByText("Đăng xuất")).hasCount(0);

        page.getByLabel("Tỉnh, thành phố").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Tỉnh Thái Nguyên"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm kiếm")).click();
        assertThat(page).hasURL(Pattern.compile("province=19"));
        var results = page.locator("article.list-group-item");
        assertThat(results.first()).containsText("Tỉnh Thái Nguyên");
        BrowserJourney.screenshot(page, "public-list-thai-nguyen");

        results.first().getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("h1")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Công nhận"))).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tăng cỡ chữ")).click();
        assertThat(page.locator("html")).hasAttribute("style", Pattern.compile("font-size: 112.5%"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chế độ ban đêm")).click();
        assertThat(page.locator("html")).hasAttribute("data-bs-theme", "dark");

        var read = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đọc to"));
        read.click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dừng đọc"))).isVisible();
        @SuppressWarnings("unchecked")
        var spoken = (List<Map<String, Object>>) page.evaluate("window.__spoken");
        assertThat(spoken).isNotEmpty();
        assertThat(spoken).allSatisfy(u -> {
            assertThat(u.get("lang")).isEqualTo("vi-VN");
            assertThat(u.get("voice")).isEqualTo("Linh");
        });
        var heading = page.locator("h1").textContent().strip();
        assertThat(spoken.stream().map(u -> (String) u.get("text"))).contains(heading).noneMatch(t -> t.contains("Tìm kiếm"));
        BrowserJourney.screenshot(page, "public-detail-night-large");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dừng đọc")).click();
        assertThat(read).isVisible();
        assertThat(((Number) page.evaluate("window.__cancelled")).intValue()).isGreaterThanOrEqualTo(2);

        // the PDF link of the page gives a PDF
        var pdf = page.request().get(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tải PDF")).getAttribute("href"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        page.evaluate("localStorage.clear()");
    }
}
