package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.exemplar.ExemplarSheet.Column;
import vn.danvan.export.Docx;

/**
 * The registry's files against the embedded PostgreSQL: the import template read back, a file with
 * errors answered row by row with nothing saved, "only the valid rows", scope, the list as .xlsx
 * matching the API's total, and the year-end report whose figures are the dashboard's. The files
 * made are left in target/exemplar-files for a look.
 */
@SpringBootTest
class ExemplarFilesIntegrationTests {

    static final Path OUT = Path.of("target", "exemplar-files");

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() throws IOException {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
        Files.createDirectories(OUT);
    }

    byte[] download(MockHttpSession session, String url, String contentType) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk())
                .andExpect(content().contentType(contentType))
                .andReturn().getResponse().getContentAsByteArray();
    }

    byte[] template(MockHttpSession session) throws Exception {
        return download(session, "/exemplars/import/template.xlsx", ExemplarXlsx.CONTENT_TYPE);
    }

    Map<Column, Object> row(String name, String unit) {
        var row = new EnumMap<Column, Object>(Column.class);
        row.put(Column.KIND, "Mô hình tập thể");
        row.put(Column.NAME, name);
        row.put(Column.UNIT, unit);
        row.put(Column.REGISTRANT_TYPE, "Khu dân cư");
        row.put(Column.REGISTRANT_NAME, "Khối 3");
        row.put(Column.FIELDS, "Kinh tế; Xây dựng nông thôn mới");
        row.put(Column.REGISTERED_ON, LocalDate.now(clock).minusDays(20));
        row.put(Column.FUNDS, 15_000_000L);
        return row;
    }

    @SafeVarargs
    final byte[] filled(byte[] template, Map<Column, Object>... rows) throws IOException {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(template)); var out = new ByteArrayOutputStream()) {
            var sheet = book.getSheet(ExemplarSheet.DATA_SHEET);
            int r = ExemplarSheet.TITLE_ROWS + 1;
            for (var values : rows) {
                var row = sheet.createRow(r++);
                values.forEach((column, value) -> {
                    var cell = row.createCell(column.ordinal());
                    if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                    } else if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue((String) value);
                    }
                });
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    String upload(MockHttpSession session, byte[] file, boolean onlyValid, int expectedStatus) throws Exception {
        return mvc.perform(multipart("/api/exemplars/import")
                        .file(new MockMultipartFile("file", "dang-ky.xlsx", ExemplarXlsx.CONTENT_TYPE, file))
                        .param("onlyValid", String.valueOf(onlyValid))
                        .session(session).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString();
    }

    long count(String namePrefix) {
        return jdbc.sql("select count(*) from exemplar where name like :p").param("p", namePrefix + "%").query(Long.class).single();
    }

    /** Four rows: one valid, and three with one error each (a bad date, an unknown field, an individual without a name). */
    @SuppressWarnings("unchecked")
    byte[] fileWithThreeErrors(MockHttpSession session, String prefix) throws Exception {
        var valid = row(prefix + " hợp lệ", "05983");
        var badDate = row(prefix + " sai ngày", "05983");
        badDate.put(Column.REGISTERED_ON, "31/02/2026");
        var badField = row(prefix + " sai lĩnh vực", "05983");
        badField.put(Column.FIELDS, "Kinh tế; Thể thao");
        var noPerson = row(prefix + " thiếu người", "05983");
        noPerson.put(Column.KIND, "Điển hình cá nhân");
        return filled(template(session), valid, badDate, badField, noPerson);
    }

    @Test
    void theTemplateDownloadsAndReadsBack() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var bytes = template(officer);
        Files.write(OUT.resolve("mau-dang-ky.xlsx"), bytes);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var header = book.getSheet(ExemplarSheet.DATA_SHEET).getRow(ExemplarSheet.TITLE_ROWS);
            for (var c : Column.values()) {
                assertThat(header.getCell(c.ordinal()).getStringCellValue()).isEqualTo(c.title());
            }
            assertThat(book.getSheet(ExemplarSheet.HELP_SHEET).getRow(0).getCell(0).getStringCellValue()).startsWith("HƯỚNG DẪN");
            var example = ExemplarSheet.read(book.getSheet(ExemplarSheet.EXAMPLE_SHEET), context.getBean(ExemplarImport.class).lookups());
            assertThat(example.rows()).singleElement().satisfies(r -> assertThat(r.problems()).isEmpty());
        }
        download(officer, "/api/exemplars/import/template.xlsx", ExemplarXlsx.CONTENT_TYPE);
        mvc.perform(get("/exemplars/import").session(officer)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Chỉ nhập các dòng hợp lệ")));
    }

    @Test
    void aFileWithThreeErrorsIsAnsweredWithAllThreeAndNothingIsSaved() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var file = fileWithThreeErrors(officer, "Nhập thử A");
        var body = upload(officer, file, false, 400);
        List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
        assertThat(errors).hasSize(3);
        assertThat(errors).extracting(e -> e.get("row")).containsExactly(5, 6, 7);
        assertThat(errors).extracting(e -> e.get("column")).containsExactly("I", "H", "C");
        assertThat(errors).extracting(e -> (String) e.get("message")).satisfiesExactly(
                m -> assertThat(m).contains("31/02/2026"),
                m -> assertThat(m).contains("Thể thao"),
                m -> assertThat(m).contains("họ tên"));
        assertThat((Integer) JsonPath.read(body, "$.imported")).isZero();
        assertThat((String) JsonPath.read(body, "$.detail")).contains("3 lỗi");
        assertThat(count("Nhập thử A")).isZero();

        // the page says the same
        mvc.perform(multipart("/exemplars/import").file(new MockMultipartFile("file", "dang-ky.xlsx", ExemplarXlsx.CONTENT_TYPE, file))
                        .session(officer).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("import-problems")))
                .andExpect(content().string(Matchers.containsString("Thể thao")));
        assertThat(count("Nhập thử A")).isZero();
    }

    @Test
    void onlyTheValidRowsAreImportedWhenTheUserAsks() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var audits = jdbc.sql("select count(*) from audit_log where action = 'exemplar.registered'").query(Long.class).single();
        var body = upload(officer, fileWithThreeErrors(officer, "Nhập thử B"), true, 200);
        assertThat((Integer) JsonPath.read(body, "$.imported")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(body, "$.rowsWithProblems")).isEqualTo(3);
        assertThat(count("Nhập thử B")).isEqualTo(1);
        assertThat(count("Nhập thử B hợp lệ")).isEqualTo(1);
        List<String> numbers = JsonPath.read(body, "$.numbers");
        var saved = jdbc.sql("select e.funds_vnd from exemplar e where e.number = :n").param("n", numbers.get(0)).query(Long.class).single();
        assertThat(saved).isEqualTo(15_000_000L);
        assertThat(jdbc.sql("select count(*) from exemplar_field_link l join exemplar e on e.id = l.exemplar_id where e.number = :n")
                .param("n", numbers.get(0)).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'exemplar.registered'").query(Long.class).single())
                .isEqualTo(audits + 1);
        mvc.perform(get("/api/exemplars").param("q", "Nhập thử B hợp lệ").session(officer))
                .andExpect(jsonPath("$.content[0].fields", Matchers.contains("ECONOMY", "NEW_RURAL")));
        var html = mvc.perform(get("/exemplars").param("text", "Nhập thử B hợp lệ").session(officer))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains(">Kinh tế</span>", ">Xây dựng nông thôn mới</span>"); // the list names the fields of work
    }

    @Test
    void rowsRepeatedInTheFileAndUnitsOutsideTheUsersScopeAreRefused() throws Exception {
        var dongKinh = signedIn.login("canbo.dongkinh");
        var first = row("Nhập thử C ngoài phạm vi", "05983");
        var own = row("Nhập thử C của Đông Kinh", "05977");
        var again = row("Nhập thử C của Đông Kinh", "05977");
        var body = upload(dongKinh, filled(template(dongKinh), first, own, again), false, 400);
        List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).containsEntry("row", 4).containsEntry("column", "E");
        assertThat((String) errors.get(0).get("message")).contains("không có quyền");
        assertThat(errors.get(1)).containsEntry("row", 6);
        assertThat((String) errors.get(1).get("message")).contains("trùng với dòng 5");
        assertThat(count("Nhập thử C")).isZero();
    }

    @Test
    void aRowForAModelAlreadyRegisteredThisYearIsRefusedNamingItsNumber() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var once = upload(officer, filled(template(officer), row("Nhập thử D lần đầu", "05983")), false, 200);
        String number = JsonPath.<List<String>>read(once, "$.numbers").get(0);
        // the same model typed again without its accents and in capitals, in a later file
        var body = upload(officer, filled(template(officer), row("NHAP THU D LAN DAU", "05983")), false, 400);
        List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
        assertThat(errors).hasSize(1);
        assertThat((String) errors.get(0).get("message")).contains("đã được đăng ký trong năm với số " + number);
        assertThat(count("Nhập thử D")).isEqualTo(1);
    }

    @Test
    void filesThatAreNotXlsxAreRefusedSayingSo() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var body = mvc.perform(multipart("/api/exemplars/import")
                        .file(new MockMultipartFile("file", "danh-sach.csv", "text/csv", "Loại;Tên\n".getBytes()))
                        .session(officer).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(body, "$.errors[0].message")).contains(".xlsx");
        assertThat((Integer) JsonPath.read(body, "$.errors[0].row")).isZero();
    }

    @Test
    void theListFileHoldsEveryRowOfTheFilterWithVietnameseHeaders() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var year = String.valueOf(LocalDate.now(clock).getYear() - 1);
        var api = mvc.perform(get("/api/exemplars").param("unit", "20").param("year", year).param("size", "1").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int total = JsonPath.read(api, "$.totalElements");
        assertThat(total).isGreaterThan(1); // more than a page of one: the file is not a page
        var bytes = download(officer, "/api/exemplars/xlsx?unit=20&year=" + year, ExemplarXlsx.CONTENT_TYPE);
        Files.write(OUT.resolve("danh-sach.xlsx"), bytes);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("TỈNH LẠNG SƠN");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).contains("năm đăng ký: " + year);
            var header = sheet.getRow(ExemplarXlsx.HEADER_ROW);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Số đăng ký");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Tên mô hình, điển hình");
            assertThat(sheet.getLastRowNum() - ExemplarXlsx.HEADER_ROW).isEqualTo(total);
            var first = sheet.getRow(ExemplarXlsx.HEADER_ROW + 1);
            var registered = first.getCell(11);
            assertThat(registered.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(registered)).isTrue();
            assertThat(registered.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
        }
        // the screen's button, with the list's own parameters
        var unitId = jdbc.sql("select id from org_unit where code = '20' and valid_to is null").query(Long.class).single();
        var html = download(officer, "/exemplars/xlsx?unitId=" + unitId + "&year=" + year, ExemplarXlsx.CONTENT_TYPE);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(html))) {
            assertThat(book.getSheetAt(0).getLastRowNum() - ExemplarXlsx.HEADER_ROW).isEqualTo(total);
        }
        mvc.perform(get("/exemplars").session(officer)).andExpect(content().string(Matchers.containsString("/exemplars/xlsx")));
    }

    @Test
    void theYearReportIsAnOfficialDocumentWhoseFiguresAreTheDashboards() throws Exception {
        var officer = signedIn.login("canbo.langson");
        for (var year : List.of(LocalDate.now(clock).getYear() - 1, LocalDate.now(clock).getYear())) {
            var figures = mvc.perform(get("/api/exemplars/figures").param("unit", "20").param("year", String.valueOf(year)).session(officer))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<Number> registered = JsonPath.read(figures, "$.headline[?(@.key == 'REGISTERED')].collective");
            List<Number> individual = JsonPath.read(figures, "$.headline[?(@.key == 'REGISTERED')].individual");
            long total = registered.get(0).longValue() + individual.get(0).longValue();

            var bytes = download(officer, "/api/exemplars/report.docx?unit=20&year=" + year, Docx.CONTENT_TYPE);
            Files.write(OUT.resolve("bao-cao-" + year + ".docx"), bytes);
            try (var doc = new XWPFDocument(new ByteArrayInputStream(bytes)); var text = new XWPFWordExtractor(doc)) {
                var all = text.getText();
                assertThat(all).contains(Docx.NATIONAL_TITLE, Docx.MOTTO, "BAN TUYÊN GIÁO VÀ DÂN VẬN", "TỈNH ỦY LẠNG SƠN",
                        "Số: …/BC-BTGDV", "BÁO CÁO", "Kết quả phong trào thi đua \"Dân vận khéo\" năm " + year,
                        "I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ CHUNG", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM " + (year + 1));
                if (total > 0) {
                    assertThat(all).contains("Năm " + year + ", toàn tỉnh đăng ký " + ExemplarXlsx.grouped(total) + " mô hình, điển hình");
                }
                assertThat(doc.getTables()).hasSize(3); // header, figures, footer
                var table = doc.getTables().get(1);
                assertThat(table.getRow(0).getCell(2).getText()).isEqualTo("Năm " + year);
                assertThat(table.getRow(2).getCell(2).getText()).isEqualTo(ExemplarXlsx.grouped(total));
            }
        }
        var unitId = jdbc.sql("select id from org_unit where code = '20' and valid_to is null").query(Long.class).single();
        download(officer, "/exemplars/report.docx?unitId=" + unitId + "&year=" + LocalDate.now(clock).getYear(), Docx.CONTENT_TYPE);
        mvc.perform(get("/exemplars/dashboard").param("unitId", String.valueOf(unitId)).session(officer))
                .andExpect(content().string(Matchers.containsString("/exemplars/report.docx?unitId=" + unitId)));
        // another province's report is outside this officer's scope
        mvc.perform(get("/api/exemplars/report.docx").param("unit", "19").session(officer)).andExpect(status().isNotFound());
        mvc.perform(get("/api/exemplars/report.docx").param("unit", "20").param("year", "1990").session(officer))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
    }
}
