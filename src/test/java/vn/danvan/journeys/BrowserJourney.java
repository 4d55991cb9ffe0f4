package vn.danvan.journeys;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright (never a downloaded browser). Journeys save
 * screenshots under target/screenshots so that a person can look at them.
 */
final class BrowserJourney implements AutoCloseable {

    private static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;
    private final String baseUrl;

    BrowserJourney(int port) {
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("danvan.chromium", "/usr/bin/chromium")))
                .setHeadless(true).setArgs(CHROMIUM_ARGS));
        this.baseUrl = "http://localhost:" + port;
    }

    /** A fresh browser context (its own cookies) with a Vietnamese reader on a phone-sized or desktop screen. */
    Page newPage(int width, int height) {
        return newPage(width, height, "vi-VN");
    }

    /** As {@link #newPage(int, int)}, with a browser set to another language (its native date fields in its format). */
    Page newPage(int width, int height, String locale) {
        var context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl).setLocale(locale).setViewportSize(width, height));
        return context.newPage();
    }

    static void logIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Đăng nhập")).click();
    }

    /** Types into a unit picker, waits for the accent-insensitive results and clicks the wanted unit. */
    static void pickUnit(Page page, String inputId, String typed, String unitName) {
        // After a click that navigates, the DOM can be there before htmx has bound its triggers.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.locator("#" + inputId).fill(typed);
        var picker = page.locator("#" + inputId).locator("xpath=ancestor::*[@data-dv-picker][1]");
        picker.locator("[data-dv-pick]").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(unitName))
                .first().click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(picker.locator("[data-dv-picked]")).hasText(unitName);
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** Opens the main menu's "Hệ thống" list (units, people, users, calendar, administration). */
    static void openSystemMenu(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hệ thống")).click();
    }
}
