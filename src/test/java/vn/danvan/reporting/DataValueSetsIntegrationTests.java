package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.identity.AccessTokens;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;

/**
 * /api/dataValueSets against the embedded PostgreSQL, as another system calls it: with a personal
 * access token created through AccessTokens (no session, no CSRF token), JSON and CSV both ways,
 * conflicts per row with a Vietnamese reason, all-or-nothing, dry runs, the owner's scope, unit codes
 * read as of the period's last day, and revoked or expired tokens refused.
 */
@SpringBootTest
class DataValueSetsIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Indicators indicators;
    @Autowired
    ReportValues values;
    @Autowired
    AccessTokens tokens;
    @Autowired
    CurrentUsers currentUsers;

    SignedInMvc signedIn;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    @AfterEach
    void tearDown() {
        ReportingTestUsers.signOut();
    }

    String freshIndicator(String valueType) throws Exception {
        var admin = ReportingTestUsers.as(signedIn, currentUsers, "admin");
        var code = "T_DVS_" + System.nanoTime() % 10_000_000;
        indicators.define(new IndicatorInput(code, "Chỉ tiêu trao đổi " + code, null, null, ValueType.valueOf(valueType),
                Aggregation.SUM, IndicatorSource.ENTERED, null, null, null, null, null, null), admin);
        return code;
    }

    /** A token of the demo account, created through AccessTokens as its screen does. */
    AccessTokens.NewToken token(String username) throws Exception {
        var owner = ReportingTestUsers.as(signedIn, currentUsers, username);
        var token = tokens.create(owner, "Hệ thống báo cáo quốc gia", 30);
        ReportingTestUsers.signOut();
        return token;
    }

    BigDecimal stored(String indicator, String unit, String period) throws Exception {
        CurrentUser admin = ReportingTestUsers.as(signedIn, currentUsers, "admin");
        var value = values.find(indicator, unit, period, null, admin).value();
        ReportingTestUsers.signOut();
        return new BigDecimal(value.toString());
    }

    @Test
    void anotherSystemImportsAndExportsJsonWithAPersonalAccessToken() throws Exception {
        var code = freshIndicator("INTEGER");
        var bearer = "Bearer " + token("canbo.langson").secret();
        mvc.perform(post("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"period": "2025Q4", "orgUnit": "20", "dataValues": [
                                  {"dataElement": "%1$s", "orgUnit": "05983", "categoryOptionCombo": "default", "value": "12"},
                                  {"dataElement": "%1$s", "period": "2025Q3", "orgUnit": "05977", "value": 7},
                                  {"dataElement": "%1$s", "value": "30"}
                                ]}
                                """.formatted(code)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responseType").value("ImportSummary"))
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.importCount.imported").value(3))
                .andExpect(jsonPath("$.importCount.updated").value(0))
                .andExpect(jsonPath("$.importOptions.atomicMode").value("NONE"));
        assertThat(stored(code, "05983", "2025Q4")).isEqualByComparingTo("12");
        assertThat(stored(code, "20", "2025Q4")).isEqualByComparingTo("30");
        // one audit record for the import (not one per value), naming what it stored
        assertThat(jdbc.sql("""
                select count(*) from audit_log where action = 'reporting.values-imported' and after_state ->> 'indicators' = :c
                  and (after_state ->> 'imported')::int = 3
                """).param("c", code).query(Long.class).single()).isEqualTo(1);

        mvc.perform(get("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).param("dataElement", code)
                        .param("period", "2025Q4").param("orgUnit", "20").param("children", "true"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.period").value("2025Q4"))
                .andExpect(jsonPath("$.dataValues.length()").value(2))
                .andExpect(jsonPath("$.dataValues[?(@.orgUnit == '05983')].value").value(Matchers.contains("12")))
                .andExpect(jsonPath("$.dataValues[0].storedBy").value("canbo.langson"))
                .andExpect(jsonPath("$.dataValues[0].lastUpdated").isNotEmpty());
        // without children only the unit's own value
        mvc.perform(get("/api/dataValueSets.json").header(HttpHeaders.AUTHORIZATION, bearer).param("dataElement", code)
                        .param("period", "2025Q4").param("orgUnit", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dataValues.length()").value(1))
                .andExpect(jsonPath("$.dataValues[0].value").value("30"));
        // importing again counts as updated
        mvc.perform(post("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dataValues\": [{\"dataElement\": \"%s\", \"period\": \"2025Q4\", \"orgUnit\": \"05983\", \"value\": \"13\"}]}"
                                .formatted(code)))
                .andExpect(jsonPath("$.importCount.imported").value(0))
                .andExpect(jsonPath("$.importCount.updated").value(1));
        assertThat(stored(code, "05983", "2025Q4")).isEqualByComparingTo("13");
    }

    @Test
    void csvRoundTripsInDhis2sColumnOrder() throws Exception {
        var code = freshIndicator("DECIMAL");
        var bearer = "Bearer " + token("canbo.langson").secret();
        var csv = """
                dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup
                "%1$s","2025Q2","05983","","","4.5","khác","2025-07-01","",false
                %1$s,2025Q2,05977,,,"1,5"
                """.formatted(code);
        mvc.perform(post("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WARNING"))
                .andExpect(jsonPath("$.importCount.imported").value(1))
                .andExpect(jsonPath("$.importCount.ignored").value(1))
                .andExpect(jsonPath("$.conflicts[0].index").value(1))
                .andExpect(jsonPath("$.conflicts[0].field").value("value"))
                .andExpect(jsonPath("$.conflicts[0].reason").value(Matchers.containsString("không phải là số")));
        var exported = mvc.perform(get("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).header(HttpHeaders.ACCEPT, "text/csv")
                        .param("dataElement", code).param("period", "2025Q2").param("orgUnit", "05983"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var lines = exported.split("\r\n");
        assertThat(lines[0]).isEqualTo(DataValueSetCsv.HEADER);
        assertThat(lines[1]).startsWith("\"" + code + "\",\"2025Q2\",\"05983\",\"\",\"\",\"4.5\",\"canbo.langson\",");
        // the exported file, changed, imports back
        var changed = exported.replace("\"4.5\"", "\"6.25\"");
        mvc.perform(post("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).contentType("text/csv").content(changed))
                .andExpect(jsonPath("$.importCount.updated").value(1));
        assertThat(stored(code, "05983", "2025Q2")).isEqualByComparingTo("6.25");
        mvc.perform(get("/api/dataValueSets.csv").header(HttpHeaders.AUTHORIZATION, bearer)
                        .param("dataElement", code).param("period", "2025Q2").param("orgUnit", "05983"))
                .andExpect(content().string(Matchers.containsString("\"6.25\"")));
    }

    @Test
    void eachBadRowIsAConflictWithAVietnameseReasonAndTheOwnersScopeApplies() throws Exception {
        var code = freshIndicator("INTEGER");
        var bearer = "Bearer " + token("canbo.langson").secret();
        mvc.perform(post("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"dataValues": [
                                  {"dataElement": "%1$s", "period": "2025Q4", "orgUnit": "05983", "value": "3"},
                                  {"dataElement": "NO_SUCH_ELEMENT", "period": "2025Q4", "orgUnit": "05983", "value": "3"},
                                  {"dataElement": "%1$s", "period": "2025Q9", "orgUnit": "05983", "value": "3"},
                                  {"dataElement": "%1$s", "period": "2025Q4", "orgUnit": "05983", "value": "2.5"},
                                  {"dataElement": "%1$s", "period": "2025Q4", "orgUnit": "19", "value": "3"},
                                  {"dataElement": "%1$s", "period": "2025Q4", "orgUnit": "05983", "categoryOptionCombo": "COLLECTIVE", "value": "3"}
                                ]}
                                """.formatted(code)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WARNING"))
                .andExpect(jsonPath("$.importCount.imported").value(1))
                .andExpect(jsonPath("$.importCount.ignored").value(5))
                .andExpect(jsonPath("$.conflicts[*].index").value(Matchers.contains(1, 2, 3, 4, 5)))
                .andExpect(jsonPath("$.conflicts[0].object").value("NO_SUCH_ELEMENT"))
                .andExpect(jsonPath("$.conflicts[1].reason").value(Matchers.startsWith("Kỳ báo cáo: kỳ \"2025Q9\"")))
                .andExpect(jsonPath("$.conflicts[2].reason").value(Matchers.containsString("\"2.5\" không phải số nguyên")))
                .andExpect(jsonPath("$.conflicts[3].field").value("orgUnit"))
                .andExpect(jsonPath("$.conflicts[3].reason").value(Matchers.containsString("ngoài phạm vi")))
                .andExpect(jsonPath("$.conflicts[4].field").value("categoryOptionCombo"));
        assertThat(jdbc.sql("""
                select count(*) from reporting_value v join reporting_indicator i on i.id = v.indicator_id where i.code = :c
                """).param("c", code).query(Long.class).single()).isEqualTo(1);
        // the owner's scope also bounds the export: another province is not found
        mvc.perform(get("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).param("dataElement", code)
                .param("period", "2025Q4").param("orgUnit", "19")).andExpect(status().isNotFound());
        mvc.perform(get("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).param("period", "2025Q4").param("orgUnit", "20"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dataElement"));
    }

    @Test
    void allOrNothingSavesNoRowWhenOneIsInConflictAndADryRunSavesNothing() throws Exception {
        var code = freshIndicator("INTEGER");
        var bearer = "Bearer " + token("canbo.langson").secret();
        var body = """
                {"dataValues": [
                  {"dataElement": "%1$s", "period": "2025Q4", "orgUnit": "05983", "value": "3"},
                  {"dataElement": "%1$s", "period": "2025Q4", "orgUnit": "05977", "value": "-"}
                ]}
                """.formatted(code);
        mvc.perform(post("/api/dataValueSets").param("atomicMode", "ALL").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("ERROR"))
                .andExpect(jsonPath("$.importCount.imported").value(0))
                .andExpect(jsonPath("$.importCount.ignored").value(2))
                .andExpect(jsonPath("$.description").value(Matchers.startsWith("Không lưu dòng nào")));
        mvc.perform(post("/api/dataValueSets").param("dryRun", "true").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WARNING"))
                .andExpect(jsonPath("$.importOptions.dryRun").value(true))
                .andExpect(jsonPath("$.importCount.imported").value(1))
                .andExpect(jsonPath("$.conflicts[0].index").value(1))
                .andExpect(jsonPath("$.description").value(Matchers.endsWith("Chạy thử: chưa lưu gì.")));
        assertThat(jdbc.sql("""
                select count(*) from reporting_value v join reporting_indicator i on i.id = v.indicator_id where i.code = :c
                """).param("c", code).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'reporting.values-imported' and after_state ->> 'indicators' = :c")
                .param("c", code).query(Long.class).single()).isZero();
    }

    @Test
    void anImportThatReplacesValuesKeepsTheReplacedValuesAndWhoHadEnteredThem() throws Exception {
        var code = freshIndicator("INTEGER");
        var bearer = "Bearer " + token("canbo.langson").secret();
        for (var value : List.of("5", "8")) {
            mvc.perform(post("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"period": "2025Q4", "dataValues": [{"dataElement": "%s", "orgUnit": "05983", "value": "%s"}]}
                                    """.formatted(code, value)))
                    .andExpect(status().isOk());
        }
        var kept = jdbc.sql("""
                select c.old_value, c.old_version, c.old_updated_by, i.imported_by, i.updated
                from reporting_value_change c
                join reporting_import i on i.id = c.import_id
                join reporting_value v on v.id = c.value_id
                join reporting_indicator d on d.id = v.indicator_id
                where d.code = :c
                """).param("c", code).query((rs, n) -> rs.getBigDecimal(1).toPlainString() + "/" + rs.getInt(2) + "/"
                + rs.getString(3) + "/" + rs.getString(4) + "/" + rs.getInt(5)).list();
        assertThat(kept).containsExactly("5/1/canbo.langson/canbo.langson/1");
        // V100 dropped the foreign key: the import's statement writes its changes after the import row, never apart
        assertThat(jdbc.sql("""
                select count(*) from reporting_value_change c
                where not exists (select 1 from reporting_import i where i.id = c.import_id)
                """).query(Long.class).single()).as("changes without their import").isZero();
        assertThat(stored(code, "05983", "2025Q4")).isEqualByComparingTo("8");
    }

    @Test
    void aRowRepeatingAnEarlierRowsValueIsAConflictAndTheFirstIsStored() throws Exception {
        var code = freshIndicator("INTEGER");
        var bearer = "Bearer " + token("canbo.langson").secret();
        mvc.perform(post("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"period": "2025Q4", "orgUnit": "05983", "dataValues": [
                                  {"dataElement": "%1$s", "value": "4"}, {"dataElement": "%1$s", "value": "9"}]}
                                """.formatted(code)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WARNING"))
                .andExpect(jsonPath("$.importCount.imported").value(1))
                .andExpect(jsonPath("$.conflicts[0].index").value(1))
                .andExpect(jsonPath("$.conflicts[0].reason").value(Matchers.containsString("lặp lại")));
        assertThat(stored(code, "05983", "2025Q4")).isEqualByComparingTo("4");
    }

    @Test
    void aUnitCodeIsReadAsOfThePeriodsLastDaySoAReusedCodeFindsTheRightUnit() throws Exception {
        var code = freshIndicator("INTEGER");
        var bearer = "Bearer " + token("canbo.langson").secret();
        mvc.perform(post("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"orgUnit": "06625", "dataValues": [
                                  {"dataElement": "%1$s", "period": "2024Q4", "value": "20"},
                                  {"dataElement": "%1$s", "period": "2025Q4", "value": "3"}
                                ]}
                                """.formatted(code)))
                .andExpect(jsonPath("$.importCount.imported").value(2));
        var units = jdbc.sql("""
                select v.period, u.valid_to is null as current
                from reporting_value v join reporting_indicator i on i.id = v.indicator_id join org_unit u on u.id = v.unit_id
                where i.code = :c order by v.period
                """).param("c", code).query((rs, n) -> rs.getString(1) + ":" + rs.getBoolean(2)).list();
        assertThat(units).containsExactly("2024Q4:false", "2025Q4:true");   // the old Kiên Mộc, then the new one
    }

    @Test
    void anExportOfSeveralPeriodsAcrossTheReformListsWhatEachPeriodsExportListsInOrder() throws Exception {
        var code = freshIndicator("INTEGER");
        var bearer = "Bearer " + token("canbo.langson").secret();
        mvc.perform(post("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"dataValues": [
                                  {"dataElement": "%1$s", "period": "2025Q3", "orgUnit": "05983", "value": "5"},
                                  {"dataElement": "%1$s", "period": "2025Q3", "orgUnit": "05977", "value": "6"},
                                  {"dataElement": "%1$s", "period": "2025Q4", "orgUnit": "05977", "value": "7"},
                                  {"dataElement": "%1$s", "period": "2025Q4", "orgUnit": "05983", "value": "8"},
                                  {"dataElement": "%1$s", "period": "2024Q4", "orgUnit": "20", "value": "40"},
                                  {"dataElement": "%1$s", "period": "2025Q4", "orgUnit": "20", "value": "90"}
                                ]}
                                """.formatted(code)))
                .andExpect(status().isOk());
        // 2025Q3 and 2025Q4 ask the same units (one read); 2024Q4 reads Lạng Sơn as it was before the reform
        var asked = List.of("2025Q4", "2024Q4", "2025Q3");
        var together = exported(bearer, code, String.join(",", asked));
        var oneByOne = new java.util.ArrayList<String>();
        for (var period : asked) {
            oneByOne.addAll(exported(bearer, code, period));
        }
        assertThat(together).isEqualTo(oneByOne);
        assertThat(together).contains("2025Q3 05977 6", "2025Q4 05983 8", "2025Q4 20 90");
        assertThat(together).containsExactly("2025Q4 20 90", "2025Q4 05977 7", "2025Q4 05983 8", "2024Q4 20 40",
                "2025Q3 05977 6", "2025Q3 05983 5");
    }

    /** The rows of a children=true export of province 20, each as "period unit value", in the order given. */
    private List<String> exported(String bearer, String code, String periods) throws Exception {
        var body = mvc.perform(get("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, bearer).param("dataElement", code)
                        .param("period", periods).param("orgUnit", "20").param("children", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> periodsOf = com.jayway.jsonpath.JsonPath.read(body, "$.dataValues[*].period");
        List<String> unitsOf = com.jayway.jsonpath.JsonPath.read(body, "$.dataValues[*].orgUnit");
        List<String> valuesOf = com.jayway.jsonpath.JsonPath.read(body, "$.dataValues[*].value");
        var rows = new java.util.ArrayList<String>();
        for (int i = 0; i < periodsOf.size(); i++) {
            rows.add(periodsOf.get(i) + " " + unitsOf.get(i) + " " + valuesOf.get(i));
        }
        return rows;
    }

    @Test
    void theOpenApiDocumentSaysTheImportIsPerRowUnlessAllOrNothingIsAsked() throws Exception {
        var docs = mvc.perform(get("/v3/api-docs").session(signedIn.login("canbo.langson"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(docs).contains("/api/dataValueSets", "/api/pivot", "/api/dashboards/{unit}/items",
                "atomicMode=NONE (mặc định): lưu từng dòng hợp lệ", "atomicMode=ALL");
    }

    @Test
    void aRevokedOrExpiredTokenIsRefused() throws Exception {
        var code = freshIndicator("INTEGER");
        var revoked = token("canbo.langson");
        var owner = ReportingTestUsers.as(signedIn, currentUsers, "canbo.langson");
        tokens.revoke(owner, revoked.info().id());
        ReportingTestUsers.signOut();
        var body = "{\"dataValues\": [{\"dataElement\": \"%s\", \"period\": \"2025Q4\", \"orgUnit\": \"05983\", \"value\": \"1\"}]}"
                .formatted(code);
        mvc.perform(post("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, "Bearer " + revoked.secret())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        var expired = token("canbo.langson");
        jdbc.sql("update identity_access_token set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", expired.info().id()).update();
        mvc.perform(get("/api/dataValueSets").header(HttpHeaders.AUTHORIZATION, "Bearer " + expired.secret())
                .param("dataElement", code).param("period", "2025Q4").param("orgUnit", "20")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/dataValueSets").param("dataElement", code).param("period", "2025Q4").param("orgUnit", "20"))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("""
                select count(*) from reporting_value v join reporting_indicator i on i.id = v.indicator_id where i.code = :c
                """).param("c", code).query(Long.class).single()).isZero();
    }
}
