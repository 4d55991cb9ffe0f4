package vn.danvan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.danvan.orgunit.OrgUnits;

/** The first day of a user, through the real UI in Debian's Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoundationJourneyTests {

    static final String DEMO_PASSWORD = "demo-pass-123";

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

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
    void officerLogsInBrowsesToAMergedProvinceAndReadsItsHistory() {
        var page = browser.newPage(1280, 900);
        BrowserJourney.logIn(page, "canbo.thainguyen", DEMO_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Xin chào, Trần Văn Nguyên")))
                .isVisible();
        BrowserJourney.screenshot(page, "home");

        BrowserJourney.openSystemMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đơn vị").setExact(true)).first().click();
        page.getByLabel("Tìm theo tên hoặc mã").fill("thai nguyen");
        page.getByLabel("Tìm theo tên hoặc mã").press("Enter");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tỉnh Thái Nguyên")).first().click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tỉnh Thái Nguyên"))).isVisible();
        var history = page.locator(".dv-timeline");
        assertThat(history).containsText("01/07/2025");
        assertThat(history).containsText("Sáp nhập");
        assertThat(history.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Tỉnh Bắc Kạn"))).isVisible();
        BrowserJourney.screenshot(page, "thai-nguyen-history");

        history.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Tỉnh Bắc Kạn")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Tỉnh Thái Nguyên");
        BrowserJourney.screenshot(page, "bac-kan-history");
    }

    @Test
    void wrongPasswordShowsAVietnameseError() {
        var page = browser.newPage(390, 844);
        BrowserJourney.logIn(page, "canbo.langson", "not-the-password");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error$"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Tên đăng nhập hoặc mật khẩu không đúng.");
        BrowserJourney.screenshot(page, "login-error-phone");
    }

    @Test
    void communeOfficerIsRefusedAnotherCommunesUsersPage() {
        var dongKinh = units.findByCode("05977", LocalDate.now()).orElseThrow();
        var luongVanTri = units.findByCode("05983", LocalDate.now()).orElseThrow();
        var page = browser.newPage(1280, 900);
        BrowserJourney.logIn(page, "canbo.luongvantri", DEMO_PASSWORD);

        page.navigate("/units/" + luongVanTri.id() + "/users");
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("canbo.luongvantri"))).isVisible();

        var response = page.navigate("/units/" + dongKinh.id() + "/users");
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Không tìm thấy"))).isVisible();
        assertThat(page.content()).doesNotContain("canbo.dongkinh");
        BrowserJourney.screenshot(page, "refused-other-commune");
    }

    @Test
    void readingToolsEnlargeTheTextAndSwitchToNightMode() {
        var page = browser.newPage(1280, 900);
        BrowserJourney.logIn(page, "xem.ninhbinh", DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tăng cỡ chữ")).click();
        assertThat(page.locator("html")).hasAttribute("style", java.util.regex.Pattern.compile("font-size: 112.5%"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chế độ ban đêm")).click();
        assertThat(page.locator("html")).hasAttribute("data-bs-theme", "dark");
        page.reload();
        assertThat(page.locator("html")).hasAttribute("data-bs-theme", "dark");
        BrowserJourney.screenshot(page, "night-mode");
    }

    @Test
    void unitAdministratorCreatesAnAccountPicksItsUnitAndGrantsAndRevokesARole() {
        var page = browser.newPage(1280, 900);
        BrowserJourney.logIn(page, "quantri.langson", DEMO_PASSWORD);
        page.navigate("/users/new");
        page.getByLabel("Tên đăng nhập").fill("canbo.thu.hanh");
        page.getByLabel("Họ và tên").fill("Hoàng Thị Thu Hạnh");
        page.getByLabel("Mật khẩu", new Page.GetByLabelOptions().setExact(true)).fill("mat-khau-2026-dai");
        BrowserJourney.pickUnit(page, "homeUnitId-q", "luong van tri", "Phường Lương Văn Tri");
        BrowserJourney.screenshot(page, "user-new");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("canbo.thu.hanh");
        page.getByLabel("Vai trò").selectOption("OFFICER");
        pickFromTree(page, "unitId-q", "Tỉnh Lạng Sơn", "Phường Lương Văn Tri");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cấp vai trò")).click();
        var roles = page.locator("table").first();
        assertThat(roles).containsText("Cán bộ");
        assertThat(roles).containsText("Phường Lương Văn Tri");
        BrowserJourney.screenshot(page, "user-granted");

        roles.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Thu hồi")).click();
        assertThat(page.getByText("Chưa có vai trò nào.")).isVisible();
    }

    /** Opens a unit picker's tree at the provinces, opens one province and picks a unit in it. */
    private static void pickFromTree(Page page, String inputId, String province, String unitName) {
        page.locator("#" + inputId).focus();
        var picker = page.locator("#" + inputId).locator("xpath=ancestor::*[@data-dv-picker][1]");
        picker.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Xem đơn vị trực thuộc " + province)).click();
        assertThat(picker.getByText("↑ Các tỉnh, thành phố")).isVisible();
        picker.locator("[data-dv-pick]").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(unitName))
                .first().click();
        assertThat(picker.locator("[data-dv-picked]")).hasText(unitName);
    }

    @Test
    void receptionOfficerComputesADueDateOverTetTypingTheDayAsDayMonthYear() {
        var page = browser.newPage(1280, 900);
        BrowserJourney.logIn(page, "tiepdan.langson", DEMO_PASSWORD);
        BrowserJourney.openSystemMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lịch làm việc")).click();
        var from = page.getByLabel("Từ ngày (không tính ngày này)");
        // 30 February is not a day: the form is not sent, the field says why
        from.fill("30/02/2026");
        page.getByLabel("Số ngày").fill("1");
        page.getByLabel("ngày làm việc").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tính")).click();
        assertThat(from).hasClass(java.util.regex.Pattern.compile("\\bis-invalid\\b"));
        assertThat(page.locator(".dv-date-feedback")).containsText("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm");
        assertThat(page.getByRole(AriaRole.STATUS)).hasCount(0);
        assertThat(page.getByLabel("Số ngày")).hasValue("1");

        from.fill("13/2/2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tính")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("23/02/2026");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Tết Âm lịch Bính Ngọ");
        // the server reads the ISO day; the field shows it back as dd/MM/yyyy
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*[?&]from=2026-02-13(&.*)?$"));
        assertThat(page.getByLabel("Từ ngày (không tính ngày này)")).hasValue("13/02/2026");
        BrowserJourney.screenshot(page, "calendar-due");
    }

    @Test
    void aDateFieldShowsDayMonthYearInABrowserSetToEnglish() {
        // An English Chrome shows a native date field as month/day/year; danvan's fields do not follow it.
        var page = browser.newPage(1280, 900, "en-US");
        BrowserJourney.logIn(page, "tiepdan.langson", DEMO_PASSWORD);
        page.navigate("/calendar?from=2026-12-02&days=10&unit=WORKING");
        var from = page.locator("#from");
        assertThat(from).hasValue("02/12/2026");
        assertThat(from).hasAttribute("placeholder", "dd/mm/yyyy");
        assertThat(page.locator("input[type=hidden][name=from]")).hasValue("2026-12-02");
        from.fill("31.12.2026");
        assertThat(page.locator("input[type=hidden][name=from]")).hasValue("2026-12-31");
    }
}
