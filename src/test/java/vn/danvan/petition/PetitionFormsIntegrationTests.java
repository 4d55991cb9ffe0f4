package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;

/**
 * The official forms computed from the records: every printed identity holds on every row of every
 * form for the generated demo records, a complaint taken through its lifecycle is counted where the
 * forms say, the .xlsx is laid out like the official form, and scope and definitions are checked.
 */
@SpringBootTest
class PetitionFormsIntegrationTests {

    static final List<String> FORMS = List.of("01-TCD", "02-TCD", "01-XLD", "02-XLD", "03-XLD", "04-XLD",
            "01-KQGQ", "02-KQGQ", "03-KQGQ", "04-KQGQ");

    @Autowired
    WebApplicationContext context;
    @Autowired
    Clock clock;
    @Autowired
    ReceptionDesk desk;
    @Autowired
    vn.danvan.orgunit.OrgUnits units;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    String form(MockHttpSession session, String code, String unit, LocalDate from, LocalDate to) throws Exception {
        var request = get("/api/forms/" + code).param("from", from.toString()).param("to", to.toString()).session(session);
        if (unit != null) {
            request = request.param("unit", unit);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    static BigDecimal total(String json, int column) {
        Object value = JsonPath.read(json, "$.rows[0].values['" + column + "']");
        return new BigDecimal(value.toString());
    }

    @Test
    void aHeadsSessionPublishedAheadCountsInFormOneTcdOnlyOnceItsDayHasCome() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var today = LocalDate.now(clock);
        var from = today.minusDays(20);
        var to = today.plusDays(40);
        var sessions = total(form(officer, "01-TCD", "05983", from, to), 12);
        var ward = units.findByCode("05983.UBND", today).orElseThrow().id();
        var root = units.findByCode("VN", today).orElseThrow().id();
        var admin = new vn.danvan.identity.CurrentUser(0, "test.forms", "Kiểm thử biểu mẫu", root,
                List.of(new vn.danvan.identity.Grant(0, vn.danvan.identity.Role.SYSTEM_ADMIN, root, java.util.Set.of())));
        desk.openSession(new ReceptionDesk.NewSession(ward, SessionKind.PERIODIC, SessionHost.HEAD, SessionMode.IN_PERSON,
                today.plusDays(7), "Hội trường UBND phường", "Nguyễn Văn Hẹn", "Chủ tịch UBND phường", true), admin);

        var json = form(officer, "01-TCD", "05983", from, to);
        assertThat(total(json, 12)).as("the published session a week ahead is not yet held").isEqualByComparingTo(sessions);
        var records = mvc.perform(get("/api/forms/01-TCD/records").param("unit", "05983").param("from", from.toString())
                        .param("to", to.toString()).param("column", "12").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<?>) JsonPath.read(records, "$.records")).hasSize(sessions.intValue());

        desk.openSession(new ReceptionDesk.NewSession(ward, SessionKind.PERIODIC, SessionHost.HEAD, SessionMode.IN_PERSON,
                today, "Hội trường UBND phường", "Nguyễn Văn Hẹn", "Chủ tịch UBND phường", true), admin);
        assertThat(total(form(officer, "01-TCD", "05983", from, to), 12)).as("the one held today counts")
                .isEqualByComparingTo(sessions.add(BigDecimal.ONE));
    }

    @Test
    void everyIdentityOfEveryFormHoldsOnEveryRowOfTheGeneratedRecordsForEveryKindOfPeriod() throws Exception {
        var admin = signedIn.login("admin");
        var leader = signedIn.login("lanhdao.langson");
        var year = LocalDate.now(clock).getYear();
        var periods = new ArrayList<ReportPeriod>();
        for (var cut : PeriodCut.values()) {
            periods.add(ReportPeriod.year(year, cut));
            periods.add(ReportPeriod.year(year - 1, cut));
            periods.add(new ReportPeriod(ReportPeriod.Kind.NINE_MONTHS, year, 1, cut));
            periods.add(new ReportPeriod(ReportPeriod.Kind.SIX_MONTHS, year, 1, cut));
            periods.add(new ReportPeriod(ReportPeriod.Kind.QUARTER, year, 2, cut));
            periods.add(new ReportPeriod(ReportPeriod.Kind.MONTH, year, LocalDate.now(clock).getMonthValue(), cut));
        }
        int rowsChecked = 0;
        var totals = new java.util.HashMap<String, BigDecimal>();
        for (var code : FORMS) {
            for (var period : periods) {
                for (var who : List.of(Map.entry(admin, ""), Map.entry(leader, "20"))) {
                    var json = form(who.getKey(), code, who.getValue().isEmpty() ? null : who.getValue(), period.from(), period.to());
                    List<Map<String, Object>> checks = JsonPath.read(json, "$.identities");
                    for (var check : checks) {
                        assertThat((List<?>) check.get("failingRows")).as(code + " " + period + " " + check.get("identity")).isEmpty();
                    }
                    List<?> rows = JsonPath.read(json, "$.rows");
                    rowsChecked += rows.size();
                    totals.merge(code, total(json, 1), BigDecimal::add);
                }
            }
        }
        // The check is not vacuous: every form counted something in the demo records.
        assertThat(totals).allSatisfy((code, sum) -> assertThat(sum).as(code).isPositive());
        assertThat(rowsChecked).isGreaterThan(FORMS.size() * periods.size() * 2 * 3);
    }

    @Test
    void aComplaintTakenThroughItsLifecycleIsCountedIn01XldAnd01Kqgq() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var today = LocalDate.now(clock);
        var from = today.minusDays(60);
        var xldBefore = form(officer, "01-XLD", null, from, today);
        var kqgqBefore = form(officer, "01-KQGQ", null, from, today);

        var received = mvc.perform(PetitionApiIntegrationTests.json(post("/api/petitions"), officer, """
                {"unit": "05983.UBND", "receivedOn": "%s", "channel": "POST", "petitionerKind": "PERSON",
                 "subject": "Khiếu nại việc bồi thường khi thu hồi đất làm đường", "place": "05983",
                 "persons": [{"name": "Hoàng Văn Đếm", "address": "Tổ 5"}]}""".formatted(today.minusDays(30))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(received, "$.number");
        var processed = mvc.perform(PetitionApiIntegrationTests.json(post("/api/petitions/" + number + "/processing"), officer, """
                {"contentKind": "COMPLAINT", "field": "ADMIN_LAND", "eligible": true, "competence": "WITHIN", "handling": "ACCEPT",
                 "day": "%s"}""".formatted(today.minusDays(28)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String matter = JsonPath.read(mvc.perform(get("/api/petitions/" + JsonPath.read(processed, "$.number")).session(officer))
                .andReturn().getResponse().getContentAsString(), "$.matter.number");
        for (var step : List.of(
                "{\"action\": \"ACCEPT\", \"day\": \"%s\", \"documentNumber\": \"7/TB-UBND\"}".formatted(today.minusDays(27)),
                "{\"action\": \"START_VERIFICATION\", \"day\": \"%s\"}".formatted(today.minusDays(20)),
                "{\"action\": \"HOLD_DIALOGUE\", \"day\": \"%s\"}".formatted(today.minusDays(15)),
                "{\"action\": \"DECIDE\", \"day\": \"%s\", \"documentNumber\": \"9/QĐ-UBND\", \"result\": \"PARTLY_RIGHT\", \"outcome\": {\"returnPersonMoney\": 120.5, \"personsRestored\": 1}}"
                        .formatted(today.minusDays(5)))) {
            mvc.perform(PetitionApiIntegrationTests.json(post("/api/matters/" + matter + "/steps"), officer, step))
                    .andExpect(status().isOk());
        }
        var xld = form(officer, "01-XLD", null, from, today);
        var kqgq = form(officer, "01-KQGQ", null, from, today);
        // 01/XLD: one more petition received (6: one signer), processed (8), eligible (9, 10), a complaint (11),
        // resolved the first time (14), within competence (18) as a complaint (19).
        for (int column : new int[] {1, 6, 8, 9, 10, 11, 14, 18, 19}) {
            assertThat(total(xld, column).subtract(total(xldBefore, column))).as("01/XLD column " + column).isEqualByComparingTo("1");
        }
        for (int column : new int[] {2, 3, 4, 5, 7, 12, 13, 15, 16, 17, 20, 21, 22}) {
            assertThat(total(xld, column).subtract(total(xldBefore, column))).as("01/XLD column " + column).isEqualByComparingTo("0");
        }
        // 01/KQGQ: one more petition (1, 3) and matter (4) decided by an administrative decision (5), partly right (22),
        // money returned to a person (11) and one person restored (14), on time (25).
        for (int column : new int[] {1, 3, 4, 5, 22, 14, 25}) {
            assertThat(total(kqgq, column).subtract(total(kqgqBefore, column))).as("01/KQGQ column " + column).isEqualByComparingTo("1");
        }
        assertThat(total(kqgq, 11).subtract(total(kqgqBefore, 11))).isEqualByComparingTo("120.5");
        assertThat(total(kqgq, 20).subtract(total(kqgqBefore, 20))).isEqualByComparingTo("0");
        assertThat((String) JsonPath.read(kqgq, "$.unit")).isEqualTo("05983");
    }

    @Test
    void theSpreadsheetIsLaidOutLikeTheOfficialForm() throws Exception {
        var leader = signedIn.login("lanhdao.langson");
        var year = LocalDate.now(clock).getYear();
        var bytes = mvc.perform(get("/api/forms/01-XLD/xlsx").param("unit", "20").param("from", year + "-01-01")
                        .param("to", year + "-12-31").session(leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = book.getSheet("01-XLD");
            assertThat(sheet).isNotNull();
            var texts = new ArrayList<String>();
            sheet.forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }));
            assertThat(texts).contains("TỈNH LẠNG SƠN", "Biểu số: 01/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN",
                    "(Số liệu tính từ ngày 01/01/" + year + " đến ngày 31/12/" + year + ")", "Đơn vị", "MS", "Kỳ trước chuyển sang",
                    "Đơn có nhiều người đứng tên", "Ghi chú", "Thủ trưởng đơn vị");
            assertThat(texts).anyMatch(t -> t.startsWith("Tổng cộng"));
            var ms = sheet.getRow(6 + 3);
            assertThat(ms.getCell(0).getStringCellValue()).isEqualTo("MS");
            assertThat(ms.getCell(1).getNumericCellValue()).isEqualTo(1);
            assertThat(ms.getCell(27).getNumericCellValue()).isEqualTo(27);
            assertThat(sheet.getNumMergedRegions()).isGreaterThan(5);
            assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getFontName()).isEqualTo("Times New Roman");
        }
    }

    @Test
    void anOfficerCannotReadTheFormsOfAnotherCommuneAndBadPeriodsNameTheField() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        mvc.perform(get("/api/forms/01-XLD").param("unit", "05977").param("from", "2026-01-01").param("to", "2026-12-31").session(officer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/forms/01-XLD").param("from", "2026-12-31").param("to", "2026-01-01").session(officer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/forms/99-XLD").param("from", "2026-01-01").param("to", "2026-12-31").session(officer))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAdministratorAddsAFormVersionAsDataAndOthersCannot() throws Exception {
        var definition = """
                {"code": "01-TCDX", "symbol": "01/TCD", "circular": "06/2025/TT-TTCP", "version": 1, "validFrom": "2025-09-30",
                 "title": "Tổng hợp kết quả tiếp công dân", "provider": "petition", "cut": "INSPECTION",
                 "columns": [
                   {"number": 1, "header": ["Tổng số lượt tiếp"], "measure": "visits.total"},
                   {"number": 2, "header": ["Tiếp thường xuyên"], "measure": "visits.office.visits"},
                   {"number": 3, "header": ["Thủ trưởng tiếp", "Trực tiếp"], "measure": "visits.head.visits"},
                   {"number": 4, "header": ["Thủ trưởng tiếp", "Ủy quyền"], "measure": "visits.delegate.visits"},
                   {"number": 5, "header": ["Ghi chú"]}],
                 "identities": ["1 = 2 + 3 + 4"]}""";
        var officer = signedIn.login("canbo.langson");
        mvc.perform(PetitionApiIntegrationTests.json(post("/api/forms/definitions"), officer, definition)).andExpect(status().isNotFound());
        var admin = signedIn.login("admin");
        mvc.perform(PetitionApiIntegrationTests.json(post("/api/forms/definitions"), admin, definition.replace("\"visits.head.visits\"", "\"visits.boss\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("columns"));
        mvc.perform(PetitionApiIntegrationTests.json(post("/api/forms/definitions"), admin, definition)).andExpect(status().isOk());
        mvc.perform(PetitionApiIntegrationTests.json(post("/api/forms/definitions"), admin, definition))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        var year = LocalDate.now(clock).getYear();
        var json = form(admin, "01-TCDX", "20", LocalDate.of(year - 1, 12, 15), LocalDate.of(year, 12, 14));
        assertThat((String) JsonPath.read(json, "$.circular")).isEqualTo("06/2025/TT-TTCP");
        assertThat((List<?>) JsonPath.read(json, "$.identities[0].failingRows")).isEmpty();
        assertThat(total(json, 1)).isPositive();
    }

    @Test
    void theFormPageShowsTheHeaderTheNumberedColumnsAndTheIdentitiesChecked() throws Exception {
        var leader = signedIn.login("lanhdao.langson");
        var list = mvc.perform(get("/forms").session(leader)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (var code : FORMS) {
            assertThat(list).contains("/forms/" + code);
        }
        var year = LocalDate.now(clock).getYear();
        var page = mvc.perform(get("/forms/01-XLD").param("kind", "YEAR").param("year", String.valueOf(year)).param("cut", "INSPECTION")
                        .session(leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tổng hợp kết quả xử lý đơn", "Số liệu tính từ ngày 15/12/" + (year - 1) + " đến ngày 14/12/" + year,
                "Kỳ trước chuyển sang", "colspan=\"3\"", ">MS<", "9 = 11 + 12 + 13 = 14 + 15 + 16 + 17 = 18 + 22", "Tổng cộng");
        assertThat(page).doesNotContain("text-bg-danger");
        var officer = signedIn.login("canbo.luongvantri");
        mvc.perform(get("/forms/01-XLD").param("unitId", "999999999").session(officer)).andExpect(status().isNotFound());
    }

    @Test
    void everyFigureIsTracedToTheRecordsItCounts() throws Exception {
        var leader = signedIn.login("lanhdao.langson");
        var year = LocalDate.now(clock).getYear();
        var from = LocalDate.of(year - 1, 1, 1);
        var to = LocalDate.of(year, 12, 31);
        int traced = 0;
        // Forms whose columns all count records (no sums of persons or money): the list behind a figure has
        // exactly as many records as the figure.
        for (var code : List.of("02-TCD", "01-XLD", "02-XLD", "03-XLD", "04-XLD")) {
            var json = form(leader, code, "20", from, to);
            List<Map<String, Object>> columns = JsonPath.read(json, "$.columns[?(@.note == false)]");
            List<Map<String, Object>> rows = JsonPath.read(json, "$.rows[?(@.kind != 'SUBTOTAL')]");
            for (var row : rows) {
                @SuppressWarnings("unchecked")
                var values = (Map<String, Object>) row.get("values");
                for (var column : columns) {
                    var number = column.get("number").toString();
                    var figure = Integer.parseInt(values.get(number).toString());
                    if (figure == 0 || figure > 500) {
                        continue;
                    }
                    var request = get("/api/forms/" + code + "/records").param("unit", "20").param("from", from.toString())
                            .param("to", to.toString()).param("column", number).session(leader);
                    if ("UNIT".equals(row.get("kind"))) {
                        request = request.param("row", (String) row.get("unit"));
                    }
                    var records = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                    List<?> found = JsonPath.read(records, "$.records");
                    assertThat(found).as(code + " column " + number + " row " + row.get("label")).hasSize(figure);
                    traced++;
                }
            }
        }
        assertThat(traced).isGreaterThan(50);
    }

    @Test
    void theRecordsOfAFigureOpenFromTheFormPageAndStayInScope() throws Exception {
        var leader = signedIn.login("lanhdao.langson");
        var year = LocalDate.now(clock).getYear();
        var page = mvc.perform(get("/forms/01-KQGQ/records").param("from", "01/01/" + (year - 1)).param("to", "31/12/" + year)
                        .param("column", "4").session(leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Hồ sơ được tính ở cột 4", "href=\"/matters/");
        mvc.perform(get("/api/forms/01-KQGQ/records").param("from", year + "-01-01").param("to", year + "-12-31").param("column", "27")
                .session(leader)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("column"));
        var officer = signedIn.login("canbo.luongvantri");
        mvc.perform(get("/api/forms/01-KQGQ/records").param("unit", "20").param("from", year + "-01-01").param("to", year + "-12-31")
                .param("column", "4").session(officer)).andExpect(status().isNotFound());
        mvc.perform(get("/api/forms/01-KQGQ/records").param("row", "05977").param("from", year + "-01-01").param("to", year + "-12-31")
                .param("column", "4").session(officer)).andExpect(status().isNotFound());
    }
}
