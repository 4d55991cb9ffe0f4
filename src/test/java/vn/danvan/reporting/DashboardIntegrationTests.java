package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.identity.CurrentUsers;

/**
 * A unit's dashboard against the embedded PostgreSQL: items are saved from a pivot's question,
 * answered live on every visit, ordered, removable, audited, and kept to the unit's scope.
 */
@SpringBootTest
class DashboardIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Indicators indicators;
    @Autowired
    ReportValues values;
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

    String freshIndicator() throws Exception {
        var admin = ReportingTestUsers.as(signedIn, currentUsers, "admin");
        var code = "T_DB_" + System.nanoTime() % 10_000_000;
        indicators.define(new IndicatorInput(code, "Chỉ tiêu bảng điều khiển " + code, null, null, ValueType.INTEGER, Aggregation.SUM,
                IndicatorSource.ENTERED, null, null, null, null, null, null), admin);
        ReportingTestUsers.signOut();
        return code;
    }

    @Test
    void anOfficerSavesAPivotOnItsProvinceDashboardWhichAnswersItLiveOnEveryVisit() throws Exception {
        var code = freshIndicator();
        var officer = signedIn.login("canbo.langson");
        var query = "indicator=" + code + "&unit=20&period=2025&split=QUARTER&on=2026-01-01";
        mvc.perform(post("/reporting/dashboard/items").session(officer).with(csrf()).param("unit", "20")
                        .param("title", "Giao ban các xã 2025").param("kind", "PIVOT").param("query", query))
                .andExpect(status().is3xxRedirection());
        var before = mvc.perform(get("/reporting/dashboard").session(officer).param("unit", "20")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(before).contains("Bảng điều khiển: Tỉnh Lạng Sơn", "Giao ban các xã 2025", "Tổng cộng (Tỉnh Lạng Sơn)");

        var user = ReportingTestUsers.as(officer, currentUsers);
        values.save(new ValueInput(code, "05983", "2025Q2", null, 38500, null), user);
        var after = mvc.perform(get("/reporting/dashboard").session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("<span class=\"dv-value\">38.500</span>");
        assertThat(jdbc.sql("""
                select count(*) from audit_log where action = 'reporting.dashboard-item-added' and after_state ->> 'title' = 'Giao ban các xã 2025'
                """).query(Long.class).single()).isPositive();
    }

    @Test
    void aChartItemIsDrawnFromItsFiguresBesideAPngButton() throws Exception {
        var officer = signedIn.login("canbo.langson");
        mvc.perform(post("/api/dashboards/20/items").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Biểu đồ so sánh các xã", "kind": "CHART",
                                 "query": "indicator=HOI_NGHI_GIAO_BAN&unit=20&period=2025&split=QUARTER&chart=UNITS&on=2026-01-01"}
                                """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("CHART"));
        var page = mvc.perform(get("/reporting/dashboard").session(officer).param("unit", "20")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Biểu đồ so sánh các xã", "\"kind\":\"UNITS\"", "Tải ảnh PNG", "/assets/js/reporting-charts.js");
    }

    @Test
    void itemsAreOrderedMovedAndRemovedAndAStaleVersionIsRefused() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var base = "indicator=HOI_NGHI_GIAO_BAN&unit=05983&period=2025&split=QUARTER";
        var first = mvc.perform(post("/api/dashboards/05983/items").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Mục một\", \"kind\": \"PIVOT\", \"query\": \"" + base + "\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        var second = mvc.perform(post("/api/dashboards/05983/items").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Mục hai\", \"kind\": \"CHART\", \"query\": \"" + base + "&chart=TREND\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        int secondId = JsonPath.read(second, "$.id");
        int secondVersion = JsonPath.read(second, "$.version");
        mvc.perform(post("/api/dashboard-items/{id}/move", secondId).session(officer).with(csrf()).param("direction", "up")
                .param("version", String.valueOf(secondVersion))).andExpect(status().isOk());
        var listed = mvc.perform(get("/api/dashboards/05983/items").session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        java.util.List<String> titles = JsonPath.read(listed, "$[*].title");
        assertThat(titles.indexOf("Mục hai")).isLessThan(titles.indexOf("Mục một"));

        int firstId = JsonPath.read(first, "$.id");
        int firstVersion = JsonPath.read(first, "$.version");
        mvc.perform(delete("/api/dashboard-items/{id}", firstId).session(officer).with(csrf()).param("version", String.valueOf(firstVersion)))
                .andExpect(status().isConflict());                       // moving it changed its version
        mvc.perform(delete("/api/dashboard-items/{id}", firstId).session(officer).with(csrf()).param("version", String.valueOf(firstVersion + 1)))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("select count(*) from reporting_dashboard_item where id = :id").param("id", firstId).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("""
                select count(*) from audit_log where action in ('reporting.dashboard-item-moved', 'reporting.dashboard-item-removed')
                  and entity_id in (:a, :b)
                """).param("a", String.valueOf(firstId)).param("b", String.valueOf(secondId)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anotherProvincesOfficerNeitherSeesNorChangesTheDashboard() throws Exception {
        var langSon = signedIn.login("canbo.langson");
        var created = mvc.perform(post("/api/dashboards/20/items").session(langSon).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Mục của Lạng Sơn", "kind": "PIVOT", "query": "indicator=HOI_NGHI_GIAO_BAN&unit=20&period=2025"}
                                """))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(created, "$.id");
        var thaiNguyen = signedIn.login("canbo.thainguyen");
        mvc.perform(get("/reporting/dashboard").session(thaiNguyen).param("unit", "20")).andExpect(status().isNotFound());
        mvc.perform(get("/api/dashboards/20/items").session(thaiNguyen)).andExpect(status().isNotFound());
        mvc.perform(post("/api/dashboards/20/items").session(thaiNguyen).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"x\", \"kind\": \"PIVOT\", \"query\": \"indicator=HOI_NGHI_GIAO_BAN&unit=19&period=2025\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/dashboard-items/{id}", id).session(thaiNguyen).with(csrf()).param("version", "1"))
                .andExpect(status().isNotFound());
        // a commune officer reads the province's dashboard? No: it is outside the commune's scope
        mvc.perform(get("/reporting/dashboard").session(signedIn.login("canbo.luongvantri")).param("unit", "20"))
                .andExpect(status().isNotFound());
        // saving a pivot of a unit the user cannot read on one's own dashboard is refused too
        mvc.perform(post("/api/dashboards/19/items").session(thaiNguyen).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"x\", \"kind\": \"PIVOT\", \"query\": \"indicator=HOI_NGHI_GIAO_BAN&unit=20&period=2025\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/dashboards/19/items").session(thaiNguyen).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"\", \"kind\": \"PIVOT\", \"query\": \"indicator=HOI_NGHI_GIAO_BAN&unit=19&period=2025\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
    }
}
