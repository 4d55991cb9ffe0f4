package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * The reporting API against the embedded PostgreSQL with the real units: the indicator and value
 * contract, bad input (400 naming the field, 404 outside scope, 409 on a stale version), live
 * aggregation with its rules, and restatement across the 2025 reform — Bắc Kạn (06) merged into
 * Thái Nguyên (19); in Lạng Sơn, Bắc Xa passed whole into Kiên Mộc, Bính Xá (06622) was split between
 * Đình Lập and Kiên Mộc, and the old Kiên Mộc (06625, a code the new Kiên Mộc reuses) between Kiên
 * Mộc and Châu Sơn.
 */
@SpringBootTest
class ReportingApiIntegrationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, MockHttpSession session, String body) {
        return request.session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A fresh entered indicator, so that each test counts only its own values. */
    String indicator(MockHttpSession admin, String valueType, String aggregation) throws Exception {
        var code = "T_" + valueType + "_" + aggregation + "_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100000;
        mvc.perform(json(post("/api/indicators"), admin, """
                {"code": "%s", "name": "Chỉ tiêu thử %s", "valueType": "%s", "aggregation": "%s"}
                """.formatted(code, code, valueType, aggregation))).andExpect(status().isCreated());
        return code;
    }

    void value(MockHttpSession session, String indicator, String unit, String period, Object value) throws Exception {
        var body = "{\"indicator\": \"%s\", \"unit\": \"%s\", \"period\": \"%s\", \"value\": %s}"
                .formatted(indicator, unit, period, value instanceof String s ? "\"" + s + "\"" : value);
        var response = mvc.perform(json(put("/api/values"), session, body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    }

    String aggregate(MockHttpSession session, String indicator, String unit, String period, String on, String mode) throws Exception {
        var response = mvc.perform(get("/api/values/aggregate").session(session).param("indicator", indicator).param("unit", unit)
                .param("period", period).param("on", on).param("mode", mode)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    static BigDecimal number(String json, String path) {
        Object v = JsonPath.read(json, path);
        return v == null ? null : new BigDecimal(v.toString());
    }

    // ---- indicators --------------------------------------------------------------------------

    @Test
    void anAdministratorDefinesAnEnteredIndicatorAsTheContractSaysAndOthersCannot() throws Exception {
        var admin = signedIn.login("admin");
        var code = "T_CONTRACT_" + System.nanoTime() % 1000000;
        mvc.perform(json(post("/api/indicators"), admin, """
                        {"code": "%s", "name": "Số hội nghị thử", "valueType": "INTEGER", "aggregation": "SUM"}
                        """.formatted(code)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.source").value("ENTERED"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(post("/api/indicators"), admin, """
                        {"code": "%s", "name": "Trùng mã", "valueType": "INTEGER", "aggregation": "SUM"}
                        """.formatted(code)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("đã có chỉ tiêu mã")));
        var officer = signedIn.login("canbo.langson");
        mvc.perform(json(post("/api/indicators"), officer, """
                        {"code": "T_NOT_ADMIN", "name": "x", "valueType": "INTEGER", "aggregation": "SUM"}
                        """)).andExpect(status().isNotFound());
        mvc.perform(get("/api/indicators").session(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(Matchers.hasItems("HOI_NGHI_GIAO_BAN", "LUOT_TIEP_CONG_DAN", code)));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'reporting.indicator-defined' and after_state ->> 'code' = :c")
                .param("c", code).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anIndicatorDefinitionIsCheckedWhole() throws Exception {
        var admin = signedIn.login("admin");
        mvc.perform(json(post("/api/indicators"), admin, """
                        {"code": "bad code", "name": "", "valueType": "TEXT", "aggregation": "SUM", "periodType": "2024Q9"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItems("code", "name", "aggregation", "periodType")));
        mvc.perform(json(post("/api/indicators"), admin, """
                        {"code": "T_FIGURE_X", "name": "x", "valueType": "INTEGER", "aggregation": "SUM", "provider": "petition", "measure": "no.such"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("measure"));
        mvc.perform(json(post("/api/indicators"), admin, """
                        {"code": "T_RATIO_X", "name": "x", "valueType": "PERCENTAGE", "aggregation": "RATIO", "numerator": "NO_SUCH", "denominator": "Y_KIEN_DOI_THOAI"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("numerator"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("không có chỉ tiêu mã NO_SUCH")));
    }

    @Test
    void aCycleAmongComputedIndicatorsIsRefusedAndNothingChanges() throws Exception {
        var admin = signedIn.login("admin");
        var a = indicator(admin, "INTEGER", "SUM");
        var b = indicator(admin, "INTEGER", "SUM");
        var r1 = "T_R1_" + System.nanoTime() % 100000;
        var r2 = "T_R2_" + System.nanoTime() % 100000;
        mvc.perform(json(post("/api/indicators"), admin, """
                {"code": "%s", "name": "Tỷ số 1", "valueType": "DECIMAL", "aggregation": "RATIO", "numerator": "%s", "denominator": "%s"}
                """.formatted(r1, a, b))).andExpect(status().isCreated());
        mvc.perform(json(post("/api/indicators"), admin, """
                {"code": "%s", "name": "Tỷ số 2", "valueType": "DECIMAL", "aggregation": "RATIO", "numerator": "%s", "denominator": "%s"}
                """.formatted(r2, r1, b))).andExpect(status().isCreated());
        // r1 = r2 / b would make r1 depend on itself through r2
        mvc.perform(json(put("/api/indicators/" + r1), admin, """
                        {"name": "Tỷ số 1", "valueType": "DECIMAL", "aggregation": "RATIO", "numerator": "%s", "denominator": "%s", "version": 1}
                        """.formatted(r2, b)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("numerator"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("vòng lặp")));
        // and a ratio of itself
        mvc.perform(json(post("/api/indicators"), admin, """
                        {"code": "T_SELF", "name": "x", "valueType": "DECIMAL", "aggregation": "RATIO", "numerator": "T_SELF", "denominator": "%s"}
                        """.formatted(b)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("numerator"));
        mvc.perform(get("/api/indicators/" + r1).session(admin))
                .andExpect(jsonPath("$.numerator").value(a)).andExpect(jsonPath("$.version").value(1));
        // a stale version of an indicator answers 409
        mvc.perform(json(put("/api/indicators/" + r1), admin, """
                        {"name": "Tỷ số một", "valueType": "DECIMAL", "aggregation": "RATIO", "numerator": "%s", "denominator": "%s", "version": 1}
                        """.formatted(a, b))).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(json(put("/api/indicators/" + r1), admin, """
                        {"name": "Tỷ số 1", "valueType": "DECIMAL", "aggregation": "RATIO", "numerator": "%s", "denominator": "%s", "version": 1}
                        """.formatted(a, b))).andExpect(status().isConflict());
    }

    // ---- values ------------------------------------------------------------------------------

    @Test
    void aValueIsKeptAgainstTheUnitHoldingTheCodeOnThePeriodsLastDay() throws Exception {
        var admin = signedIn.login("admin");
        var code = indicator(admin, "INTEGER", "SUM");
        var officer = signedIn.login("canbo.langson");
        // 05977 was Phường Vĩnh Trại until 30/06/2025 and is Phường Đông Kinh since
        mvc.perform(json(put("/api/values"), officer, """
                        {"indicator": "%s", "unit": "05977", "period": "2024Q4", "value": 12}
                        """.formatted(code)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitName").value("Phường Vĩnh Trại"))
                .andExpect(jsonPath("$.value").value(12)).andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(put("/api/values"), officer, """
                        {"indicator": "%s", "unit": "05977", "period": "2025Q4", "value": 30}
                        """.formatted(code)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unitName").value("Phường Đông Kinh"));
        assertThat(jdbc.sql("""
                select count(*) from audit_log where action = 'reporting.value-entered' and after_state ->> 'indicator' = :c
                """).param("c", code).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        var admin = signedIn.login("admin");
        var code = indicator(admin, "INTEGER", "SUM");
        var officer = signedIn.login("canbo.langson");
        mvc.perform(json(put("/api/values"), officer, """
                        {"indicator": "%s", "unit": "20", "period": "2024Q5", "value": 1}
                        """.formatted(code)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Kỳ báo cáo: kỳ \"2024Q5\": quý phải từ Q1 đến Q4")));
        mvc.perform(json(put("/api/values"), officer, """
                        {"indicator": "%s", "unit": "20", "period": "2024Q4", "value": 1.5}
                        """.formatted(code)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("không phải số nguyên")));
        mvc.perform(json(put("/api/values"), officer, """
                        {"indicator": "%s", "unit": "20", "period": "2024Q4", "value": "mười"}
                        """.formatted(code)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("value"));
        mvc.perform(json(put("/api/values"), officer, """
                        {"indicator": "NO_SUCH_INDICATOR", "unit": "20", "period": "2024Q4", "value": 1}
                        """)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("indicator"));
        // a computed indicator is not entered
        mvc.perform(json(put("/api/values"), officer, """
                        {"indicator": "LUOT_TIEP_CONG_DAN", "unit": "20", "period": "2024Q4", "value": 1}
                        """)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("indicator"));
        // a quarterly indicator takes no monthly value
        mvc.perform(json(put("/api/values"), officer, """
                        {"indicator": "HOI_NGHI_GIAO_BAN", "unit": "20", "period": "202411", "value": 1}
                        """)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"));
        // a unit unknown on the period's last day, and units outside the officer's scope, are not found
        mvc.perform(json(put("/api/values"), officer, """
                        {"indicator": "%s", "unit": "99999", "period": "2024Q4", "value": 1}
                        """.formatted(code))).andExpect(status().isNotFound());
        mvc.perform(json(put("/api/values"), signedIn.login("canbo.thainguyen"), """
                        {"indicator": "%s", "unit": "20", "period": "2024Q4", "value": 1}
                        """.formatted(code))).andExpect(status().isNotFound());
        mvc.perform(json(put("/api/values"), signedIn.login("canbo.luongvantri"), """
                        {"indicator": "%s", "unit": "05977", "period": "2025Q4", "value": 1}
                        """.formatted(code))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("""
                select count(*) from reporting_value v join reporting_indicator i on i.id = v.indicator_id where i.code = :c
                """).param("c", code).query(Long.class).single()).isZero();
    }

    @Test
    void twoOfficersCannotOverwriteEachOtherSilently() throws Exception {
        var admin = signedIn.login("admin");
        var code = indicator(admin, "INTEGER", "SUM");
        var first = signedIn.login("canbo.langson");
        var second = signedIn.login("canbo.luongvantri");
        var body = "{\"indicator\": \"%s\", \"unit\": \"05983\", \"period\": \"2025Q4\", \"value\": %d, \"version\": %d}";
        mvc.perform(json(put("/api/values"), first, body.formatted(code, 5, 0))).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        // the second officer also believed there was no value yet
        mvc.perform(json(put("/api/values"), second, body.formatted(code, 7, 0)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("vừa được người khác cập nhật")));
        mvc.perform(json(put("/api/values"), second, body.formatted(code, 7, 1))).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(json(put("/api/values"), first, body.formatted(code, 6, 1))).andExpect(status().isConflict());
        // If-Match carries the version as well
        mvc.perform(json(put("/api/values"), first, """
                        {"indicator": "%s", "unit": "05983", "period": "2025Q4", "value": 8}
                        """.formatted(code)).header("If-Match", "\"2\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(3));
        mvc.perform(get("/api/values").session(second).param("indicator", code).param("unit", "05983").param("period", "2025Q4"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.value").value(8)).andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.updatedBy").value("canbo.langson"));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'reporting.value-changed' and after_state ->> 'indicator' = :c")
                .param("c", code).query(Long.class).single()).isEqualTo(2);
    }

    // ---- aggregation -------------------------------------------------------------------------

    @Test
    void aSavedValueIsInTheNextAggregateAndComparedWithTheSamePeriodLastYear() throws Exception {
        var admin = signedIn.login("admin");
        var code = indicator(admin, "INTEGER", "SUM");
        var officer = signedIn.login("canbo.langson");
        value(officer, code, "05983", "2025Q3", 10);
        value(officer, code, "05977", "2025Q4", 20);
        var first = aggregate(officer, code, "20", "2025", "2026-01-01", "RESTATED");
        assertThat(number(first, "$.value")).isEqualByComparingTo("30");
        value(officer, code, "20", "2025Q4", 5);
        var second = aggregate(officer, code, "20", "2025", "2026-01-01", "RESTATED");
        assertThat(number(second, "$.value")).isEqualByComparingTo("35");
        assertThat(number(second, "$.valuesCounted")).isEqualByComparingTo("3");
        // last year's same period: the old wards that became these (Chi Lăng → Lương Văn Tri)
        value(officer, code, "05983", "2024Q2", 25);
        var compared = aggregate(officer, code, "20", "2025", "2026-01-01", "RESTATED");
        assertThat((String) JsonPath.read(compared, "$.previousPeriod")).isEqualTo("2024");
        assertThat(number(compared, "$.previousValue")).isEqualByComparingTo("25");
        assertThat(number(compared, "$.change")).isEqualByComparingTo("40.0");
        // a quarter is made of its months only when the indicator takes months: asking 2025Q4 sums one quarter
        assertThat(number(aggregate(officer, code, "20", "2025Q4", "2026-01-01", "RESTATED"), "$.value")).isEqualByComparingTo("25");
    }

    @Test
    void restatingCountsMergedUnitsWholeAndSplitUnitsByTheirSharesKeepingUnsetSharesApart() throws Exception {
        var admin = signedIn.login("admin");
        var code = indicator(admin, "INTEGER", "SUM");
        var officer = signedIn.login("canbo.langson");
        // Bính Xá's shares start unset whatever other tests did with them (ValueSummaryIntegrationTests sets and clears them)
        jdbc.sql("""
                update org_unit_succession set share = null
                where predecessor_id = (select id from org_unit where code = '06622' and validity @> date '2024-01-01')""").update();
        var sharesSetBefore = jdbc.sql("select count(*) from audit_log where action = 'orgunit.shares-set' and entity_id = "
                + "(select cast(id as text) from org_unit where code = '06622' and validity @> date '2024-01-01')").query(Long.class).single();
        value(officer, code, "06622", "2024Q1", 10);   // old Bính Xá: split between Đình Lập and Kiên Mộc, no shares yet
        value(officer, code, "06625", "2024Q1", 20);   // old Kiên Mộc: split 60 % Kiên Mộc / 40 % Châu Sơn (demo shares)
        value(officer, code, "06619", "2024Q2", 5);    // old Bắc Xa: passed whole into Kiên Mộc
        value(officer, code, "06613", "2024Q3", 7);    // old Thị trấn Đình Lập: whole into Đình Lập
        value(officer, code, "06625", "2025Q4", 3);    // the new Kiên Mộc, same code

        var kienMoc = aggregate(officer, code, "06625", "2024", "2026-01-01", "RESTATED");
        assertThat(number(kienMoc, "$.value")).isEqualByComparingTo("17");          // 5 + 20 × 0.6
        assertThat(number(kienMoc, "$.unallocated")).isEqualByComparingTo("10");    // Bính Xá, apart
        assertThat((String) JsonPath.read(kienMoc, "$.unallocatedUnits[0].code")).isEqualTo("06622");
        assertThat(number(aggregate(officer, code, "06637", "2024", "2026-01-01", "RESTATED"), "$.value"))
                .isEqualByComparingTo("8");                                                      // 20 × 0.4
        // the province holds every part of the splits: everything counts in full, nothing is unallocated
        var province = aggregate(officer, code, "20", "2024", "2026-01-01", "RESTATED");
        assertThat(number(province, "$.value")).isEqualByComparingTo("42");
        assertThat(number(province, "$.unallocated")).isEqualByComparingTo("0");
        // as recorded: the code read on the day asked, the subtree as it was during the period
        assertThat(number(aggregate(officer, code, "06625", "2024", "2025-06-30", "AS_RECORDED"), "$.value")).isEqualByComparingTo("20");
        assertThat(number(aggregate(officer, code, "06625", "2024", "2026-01-01", "AS_RECORDED"), "$.value")).isEqualByComparingTo("0");
        assertThat(number(aggregate(officer, code, "06625", "2025", "2026-01-01", "AS_RECORDED"), "$.value")).isEqualByComparingTo("3");
        // restated on a day before the reform, the old units are today's units
        assertThat(number(aggregate(officer, code, "06625", "2024", "2025-06-30", "RESTATED"), "$.value")).isEqualByComparingTo("20");

        // an administrator sets Bính Xá's shares on its screen: the unallocated part is allocated
        var binhXa = jdbc.sql("select id from org_unit where code = '06622' and validity @> date '2024-01-01'").query(Long.class).single();
        var parts = jdbc.sql("""
                select s.successor_id, u.code from org_unit_succession s join org_unit u on u.id = s.successor_id
                where s.predecessor_id = :id
                """).param("id", binhXa).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        var request = post("/admin/units/splits/" + binhXa).session(admin).with(csrf());
        var shareOfKienMoc = "";
        for (var p : parts) {
            var share = p[1].equals("06625") ? "30" : "70";
            request = request.param("share." + p[0], share);
            if (p[1].equals("06625")) {
                shareOfKienMoc = share;
            }
        }
        assertThat(shareOfKienMoc).isEqualTo("30");
        mvc.perform(post("/admin/units/splits/" + binhXa).session(officer).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(request).andExpect(status().is3xxRedirection());
        var allocated = aggregate(officer, code, "06625", "2024", "2026-01-01", "RESTATED");
        assertThat(number(allocated, "$.value")).isEqualByComparingTo("20");          // 5 + 12 + 10 × 0.3
        assertThat(number(allocated, "$.unallocated")).isEqualByComparingTo("0");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'orgunit.shares-set' and entity_id = :id")
                .param("id", String.valueOf(binhXa)).query(Long.class).single()).isEqualTo(sharesSetBefore + 1);
    }

    @Test
    void theMergedProvinceCountsTheOldBacKanRestatedButNotAsRecorded() throws Exception {
        var admin = signedIn.login("admin");
        var code = indicator(admin, "INTEGER", "SUM");
        value(admin, code, "06", "2024Q2", 100);     // old Bắc Kạn
        value(admin, code, "19", "2024Q2", 50);      // old Thái Nguyên
        value(admin, code, "19", "2025Q4", 70);      // the merged Thái Nguyên
        var officer = signedIn.login("canbo.thainguyen");
        assertThat(number(aggregate(officer, code, "19", "2024", "2026-01-01", "RESTATED"), "$.value")).isEqualByComparingTo("150");
        assertThat(number(aggregate(officer, code, "19", "2024", "2025-06-30", "AS_RECORDED"), "$.value")).isEqualByComparingTo("50");
        assertThat(number(aggregate(officer, code, "19", "2024", "2026-01-01", "AS_RECORDED"), "$.value")).isEqualByComparingTo("0");
        var year = aggregate(officer, code, "19", "2025", "2026-01-01", "RESTATED");
        assertThat(number(year, "$.value")).isEqualByComparingTo("70");
        assertThat(number(year, "$.previousValue")).isEqualByComparingTo("150");
        assertThat(number(year, "$.change")).isEqualByComparingTo("-53.3");
        // the whole country restated
        assertThat(number(aggregate(admin, code, "VN", "2024", "2026-01-01", "RESTATED"), "$.value")).isEqualByComparingTo("150");
        // Lạng Sơn's officer does not see Thái Nguyên's figures
        mvc.perform(get("/api/values/aggregate").session(signedIn.login("canbo.langson")).param("indicator", code)
                .param("unit", "19").param("period", "2024")).andExpect(status().isNotFound());
    }

    @Test
    void averagesRatiosAndLastValuesFollowTheirRules() throws Exception {
        var admin = signedIn.login("admin");
        var officer = signedIn.login("canbo.langson");
        var average = indicator(admin, "PERCENTAGE", "AVERAGE");
        value(officer, average, "05983", "2025Q3", 20);
        value(officer, average, "05977", "2025Q3", 40);
        value(officer, average, "05983", "2025Q4", 90);
        assertThat(number(aggregate(officer, average, "20", "2025", "2026-01-01", "RESTATED"), "$.value")).isEqualByComparingTo("50");

        var last = indicator(admin, "INTEGER", "LAST");
        value(officer, last, "05983", "2025Q3", 3);
        value(officer, last, "05983", "2025Q4", 4);
        value(officer, last, "05977", "2025Q3", 6);
        assertThat(number(aggregate(officer, last, "20", "2025", "2026-01-01", "RESTATED"), "$.value")).isEqualByComparingTo("10");

        var answered = indicator(admin, "INTEGER", "SUM");
        var raised = indicator(admin, "INTEGER", "SUM");
        var ratio = "T_RATIO_" + System.nanoTime() % 100000;
        mvc.perform(json(post("/api/indicators"), admin, """
                {"code": "%s", "name": "Tỷ lệ trả lời tại chỗ thử", "valueType": "PERCENTAGE", "aggregation": "RATIO", "numerator": "%s", "denominator": "%s"}
                """.formatted(ratio, answered, raised))).andExpect(status().isCreated());
        value(officer, answered, "05983", "2025Q4", 1);
        value(officer, raised, "05983", "2025Q4", 2);
        value(officer, answered, "05977", "2025Q4", 9);
        value(officer, raised, "05977", "2025Q4", 10);
        assertThat(number(aggregate(officer, ratio, "20", "2025Q4", "2026-01-01", "RESTATED"), "$.value")).isEqualByComparingTo("83.33");
        mvc.perform(json(put("/api/values"), officer, """
                {"indicator": "%s", "unit": "05983", "period": "2025Q4", "value": 1}
                """.formatted(ratio))).andExpect(status().isBadRequest());
    }

    @Test
    void aComputedIndicatorCountsThePetitionRecordsLive() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var answer = aggregate(officer, "DON_TIEP_NHAN", "20", "2016-2026", "2026-11-30", "RESTATED");
        assertThat(number(answer, "$.value")).isPositive();
        // the same figure for a smaller subtree is not larger, and another province's officer may not ask
        var ward = aggregate(officer, "DON_TIEP_NHAN", "05983", "2016-2026", "2026-11-30", "RESTATED");
        assertThat(number(ward, "$.value")).isLessThanOrEqualTo(number(answer, "$.value"));
        mvc.perform(get("/api/values/aggregate").session(signedIn.login("xem.ninhbinh")).param("indicator", "DON_TIEP_NHAN")
                .param("unit", "20").param("period", "2025")).andExpect(status().isNotFound());
    }

    @Test
    void theDanVanKheoRegistryPlugsInAsAProviderAndEveryFigureListsItsRecords() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var registered = aggregate(officer, "DVK_DANG_KY", "20", "2016-2026", "2026-11-30", "RESTATED");
        var collective = aggregate(officer, "DVK_DANG_KY_TAP_THE", "20", "2016-2026", "2026-11-30", "RESTATED");
        var individual = aggregate(officer, "DVK_DANG_KY_CA_NHAN", "20", "2016-2026", "2026-11-30", "RESTATED");
        assertThat(number(registered, "$.value")).isPositive();
        assertThat(number(collective, "$.value").add(number(individual, "$.value"))).isEqualByComparingTo(number(registered, "$.value"));
        var expected = jdbc.sql("""
                select count(*) from exemplar e join org_unit u on u.id = e.unit_id
                where u.path like (select path from org_unit where code = '20' and validity @> date '2026-11-30') || '%'
                """).query(Long.class).single();
        assertThat(number(registered, "$.value").longValue()).isEqualTo(expected);
        mvc.perform(get("/api/values/records").session(officer).param("indicator", "DVK_DANG_KY").param("unit", "20")
                        .param("period", "2016-2026").param("limit", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value((int) Math.min(5L, expected.longValue())))
                .andExpect(jsonPath("$[0].path").value(Matchers.startsWith("/exemplars/")));
        // a new module's figure is a new indicator, defined as data
        var admin = signedIn.login("admin");
        var code = "T_DVK_" + System.nanoTime() % 100000;
        mvc.perform(json(post("/api/indicators"), admin, """
                {"code": "%s", "name": "Mô hình được công nhận (thử)", "valueType": "INTEGER", "aggregation": "SUM", "provider": "exemplar", "measure": "exemplars.recognised"}
                """.formatted(code))).andExpect(status().isCreated()).andExpect(jsonPath("$.source").value("COMPUTED"));
        aggregate(officer, code, "20", "2025", "2026-11-30", "RESTATED");
    }

    @Test
    void anIllFormedPeriodOrAPeriodFinerThanTheIndicatorsIsRefused() throws Exception {
        var officer = signedIn.login("canbo.langson");
        mvc.perform(get("/api/values/aggregate").session(officer).param("indicator", "HOI_NGHI_GIAO_BAN").param("unit", "20")
                        .param("period", "Q3/2025"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("không đúng định dạng")));
        mvc.perform(get("/api/values/aggregate").session(officer).param("indicator", "HOI_NGHI_GIAO_BAN").param("unit", "20")
                .param("period", "202509")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/values/aggregate").session(officer).param("indicator", "NO_SUCH").param("unit", "20")
                .param("period", "2025")).andExpect(status().isNotFound());
        mvc.perform(get("/api/values/aggregate").session(officer).param("indicator", "HOI_NGHI_GIAO_BAN").param("unit", "20")
                .param("period", "2025").param("mode", "SOMETIMES")).andExpect(status().isBadRequest());
    }
}
