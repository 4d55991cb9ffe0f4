package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/** The reporting pages in Vietnamese: the aggregate, the indicator catalogue and its form, allocation shares. */
@SpringBootTest
class ReportingPagesIntegrationTests {

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

    @Test
    void theAggregatePageShowsTheDemoFigureRestatedAndTheSamePeriodLastYear() throws Exception {
        var officer = signedIn.login("canbo.langson");
        mvc.perform(get("/reporting").session(officer).param("indicator", "LUOT_CAN_BO_TAP_HUAN").param("unit", "20")
                        .param("period", "2025").param("on", "2026-01-01").param("mode", "RESTATED"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Tổng hợp số liệu báo cáo")))
                .andExpect(content().string(Matchers.containsString("Theo đơn vị hiện nay")))
                .andExpect(content().string(Matchers.containsString("Cùng kỳ năm trước (2024)")))
                .andExpect(content().string(Matchers.containsString("so với cùng kỳ")))
                .andExpect(content().string(Matchers.containsString("href=\"/reporting\"")));
    }

    @Test
    void anEnteredFigureListsTheValuesBehindItWithWhoEnteredThem() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var expected = jdbc.sql("""
                        select v.updated_by from reporting_value v join reporting_indicator i on i.id = v.indicator_id
                        where i.code = 'LUOT_CAN_BO_TAP_HUAN' and v.period_start >= date '2025-01-01' and v.period_end <= date '2025-12-31'
                        order by v.period_start desc limit 1""")
                .query(String.class).single();
        mvc.perform(get("/reporting").session(officer).param("indicator", "LUOT_CAN_BO_TAP_HUAN").param("unit", "20")
                        .param("period", "2025").param("on", "2026-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"entered-values\"")))
                .andExpect(content().string(Matchers.containsString("Người nhập")))
                .andExpect(content().string(Matchers.containsString("<td>" + expected + "</td>")));
        // a computed figure lists records, not entered values
        mvc.perform(get("/reporting").session(officer).param("indicator", "DON_TIEP_NHAN").param("unit", "20").param("period", "2025"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"entered-values\""))));
    }

    @Test
    void anIllFormedPeriodIsExplainedAndKeptAsTyped() throws Exception {
        var officer = signedIn.login("canbo.langson");
        mvc.perform(get("/reporting").session(officer).param("indicator", "HOI_NGHI_GIAO_BAN").param("unit", "20")
                        .param("period", "2025Q5"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kỳ báo cáo: kỳ &quot;2025Q5&quot;: quý phải từ Q1 đến Q4")))
                .andExpect(content().string(Matchers.containsString("value=\"2025Q5\"")));
        mvc.perform(get("/reporting").session(officer).param("indicator", "HOI_NGHI_GIAO_BAN").param("unit", "37")
                        .param("period", "2025"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Không tìm thấy đơn vị 37")));
    }

    @Test
    void everyoneReadsTheCatalogueAndOnlyAdministratorsDefineIndicators() throws Exception {
        var officer = signedIn.login("canbo.langson");
        mvc.perform(get("/reporting/indicators").session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Số hội nghị giao ban công tác dân vận")))
                .andExpect(content().string(Matchers.containsString("Tỷ số của hai tổng")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/reporting/indicators/new"))));
        mvc.perform(get("/reporting/indicators/new").session(officer)).andExpect(status().isNotFound());

        var admin = signedIn.login("admin");
        mvc.perform(get("/reporting/indicators/new").session(admin)).andExpect(status().isOk());
        mvc.perform(post("/reporting/indicators").session(admin).with(csrf()).param("code", "số hội nghị")
                        .param("name", "Số cuộc họp dân") .param("valueType", "INTEGER").param("aggregation", "SUM").param("periodType", "2025Q1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("mã gồm chữ in hoa không dấu")))
                .andExpect(content().string(Matchers.containsString("name=\"name\" value=\"Số cuộc họp d")));
        var code = "T_PAGE_" + System.nanoTime() % 100000;
        mvc.perform(post("/reporting/indicators").session(admin).with(csrf()).param("code", code)
                        .param("name", "Số cuộc họp dân").param("valueType", "INTEGER").param("aggregation", "SUM").param("periodType", "2025Q1"))
                .andExpect(redirectedUrl("/reporting/indicators"));
        assertThat(jdbc.sql("select period_kind from reporting_indicator where code = :c").param("c", code).query(String.class).single())
                .isEqualTo("QUARTER");
        mvc.perform(get("/reporting/indicators/" + code + "/edit").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"2024Q1\"")));  // the period type, shown by an example
        // an edit made from a version someone else has since replaced is refused on the form, nothing saved
        mvc.perform(post("/reporting/indicators/" + code).session(admin).with(csrf()).param("name", "Tên mới")
                        .param("valueType", "INTEGER").param("aggregation", "SUM").param("periodType", "2025Q1").param("version", "7"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("vừa được người khác sửa")));
        mvc.perform(post("/reporting/indicators/" + code).session(admin).with(csrf()).param("name", "Tên mới")
                        .param("valueType", "INTEGER").param("aggregation", "SUM").param("periodType", "2025Q1").param("version", "1"))
                .andExpect(redirectedUrl("/reporting/indicators"));
        assertThat(jdbc.sql("select name from reporting_indicator where code = :c").param("c", code).query(String.class).single())
                .isEqualTo("Tên mới");
    }

    @Test
    void sharesOfASplitMustAddUpToAHundredPercent() throws Exception {
        var admin = signedIn.login("admin");
        mvc.perform(get("/admin/units/splits").session(admin).param("q", "Gia Sàng"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Phường Gia Sàng")));
        mvc.perform(get("/admin/units/splits").session(signedIn.login("canbo.langson"))).andExpect(status().isNotFound());
        var giaSang = jdbc.sql("select id from org_unit where code = '05461' and validity @> date '2024-01-01'").query(Long.class).single();
        var parts = jdbc.sql("select successor_id from org_unit_succession where predecessor_id = :id order by successor_id")
                .param("id", giaSang).query(Long.class).list();
        assertThat(parts).hasSize(2);
        mvc.perform(post("/admin/units/splits/" + giaSang).session(admin).with(csrf())
                        .param("share." + parts.get(0), "50").param("share." + parts.get(1), "30"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("tổng các tỷ lệ phải bằng 100%")))
                .andExpect(content().string(Matchers.containsString("value=\"30\"")));
        assertThat(jdbc.sql("select count(*) from org_unit_succession where predecessor_id = :id and share is not null")
                .param("id", giaSang).query(Long.class).single()).isZero();
    }
}
