package vn.danvan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A ward officer in Debian's Chromium takes the registration template, fills it with a mistake,
 * is told row and column, imports the valid rows, downloads the list and the year report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExemplarFilesJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

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
    void anOfficerImportsTheValidRowsOfAFileAndDownloadsTheListAndTheReport() throws IOException {
        var page = browser.newPage(1366, 900);
        BrowserJourney.logIn(page, "canbo.luongvantri", FoundationJourneyTests.DEMO_PASSWORD);
        page.navigate("/exemplars");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nhập danh sách từ tệp Excel")).click();
        var template = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Tải tệp mẫu (.xlsx)")).click());
        var filled = Path.of("target", "screenshots", "dang-ky-hanh-trinh.xlsx");
        Files.createDirectories(filled.getParent());
        Files.write(filled, fill(Files.readAllBytes(template.path())));

        page.setInputFiles("#file", filled);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kiểm tra và nhập")).click();
        assertThat(page.locator(".alert-danger")).containsText("chưa nhập dòng nào");
        assertThat(page.locator("#import-problems")).containsText("Ngày đăng ký");
        assertThat(page.locator("#import-problems")).containsText("32/13/2026");
        BrowserJourney.screenshot(page, "exemplar-import-refused");

        page.setInputFiles("#file", filled);
        page.getByLabel("Chỉ nhập các dòng hợp lệ", new Page.GetByLabelOptions().setExact(false)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kiểm tra và nhập")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã nhập 1 trên 2 dòng");
        BrowserJourney.screenshot(page, "exemplar-import-valid-rows");

        page.navigate("/exemplars?text=hanh+trinh+nhap+tu+excel");
        assertThat(page.locator("#exemplar-results")).containsText("Hành trình nhập từ Excel");
        var list = page.waitForDownload(() -> page.locator("#exemplar-xlsx").click());
        Assertions.assertTrue(list.suggestedFilename().endsWith(".xlsx"));
        try (var book = new XSSFWorkbook(list.path().toFile())) {
            Assertions.assertEquals("Hành trình nhập từ Excel", book.getSheetAt(0).getRow(5).getCell(3).getStringCellValue());
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        BrowserJourney.screenshot(page, "exemplar-list-with-xlsx");

        page.navigate("/exemplars/dashboard");
        var report = page.waitForDownload(() -> page.locator("#exemplar-report").click());
        Assertions.assertTrue(report.suggestedFilename().endsWith(".docx"));
        report.saveAs(Path.of("target", "screenshots", "bao-cao-phuong.docx"));
        BrowserJourney.screenshot(page, "exemplar-dashboard-with-report");
    }

    /** The template with one good row and one whose registration date is no date. */
    private byte[] fill(byte[] template) throws IOException {
        try (var book = new XSSFWorkbook(new java.io.ByteArrayInputStream(template)); var out = new ByteArrayOutputStream()) {
            var sheet = book.getSheet("Mô hình");
            var day = LocalDate.now(clock).minusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            String[][] rows = {
                    {"Mô hình tập thể", "Hành trình nhập từ Excel", "", "", "05983", "Khu dân cư", "Khối 5", "Kinh tế", day},
                    {"Mô hình tập thể", "Hành trình nhập sai ngày", "", "", "05983", "Khu dân cư", "Khối 6", "Kinh tế", "32/13/2026"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(3 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
