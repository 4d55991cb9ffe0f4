package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * The work cycle's figures as computed indicators (V43): plans and tasks (provider {@code plan}) and
 * conferences (provider {@code meeting}) plug into reporting as providers, and every figure answers
 * the count of the records it lists — against the demo data: Lạng Sơn's 2019 plan and the tasks of the
 * briefing of 28/3/2019 (S01), the seed conferences, Thái Nguyên's plan of this year.
 */
@SpringBootTest
class WorkCycleIndicatorsIntegrationTests {

    private static final List<String> PLAN_INDICATORS = List.of("KE_HOACH_BAN_HANH", "KE_HOACH_TRIEN_KHAI_BAN_HANH",
            "NHIEM_VU_DUOC_GIAO", "NHIEM_VU_HOAN_THANH", "NHIEM_VU_HOAN_THANH_DUNG_HAN", "NHIEM_VU_QUA_HAN");
    private static final List<String> MEETING_INDICATORS = List.of("HOI_NGHI_DA_TO_CHUC", "HOI_NGHI_GIAO_BAN_DA_TO_CHUC",
            "HOI_NGHI_SO_KET_TONG_KET", "BUOI_LAM_VIEC_DOAN_KIEM_TRA", "Y_KIEN_TAI_HOI_NGHI", "NHIEM_VU_TU_KET_LUAN_HOI_NGHI");

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.time.Clock clock;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    BigDecimal value(MockHttpSession session, String indicator, String unit, String period) throws Exception {
        var response = mvc.perform(get("/api/values/aggregate").session(session).param("indicator", indicator).param("unit", unit)
                .param("period", period)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        Object v = JsonPath.read(response.getContentAsString(), "$.value");
        return v == null ? null : new BigDecimal(v.toString());
    }

    List<Map<String, Object>> records(MockHttpSession session, String indicator, String unit, String period) throws Exception {
        var response = mvc.perform(get("/api/values/records").session(session).param("indicator", indicator).param("unit", unit)
                .param("period", period).param("limit", "500")).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JsonPath.read(response.getContentAsString(), "$");
    }

    static List<String> paths(List<Map<String, Object>> records) {
        return records.stream().map(r -> (String) r.get("path")).toList();
    }

    static List<String> labels(List<Map<String, Object>> records) {
        return records.stream().map(r -> (String) r.get("label")).toList();
    }

    long count(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void everyWorkCycleFigureOfLangSonAnswersTheCountOfTheRecordsItLists() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var anyCounted = BigDecimal.ZERO;
        for (var period : List.of("2019Q1", "2019Q2", "2019", "2021")) {
            for (var indicator : concat(PLAN_INDICATORS, MEETING_INDICATORS)) {
                var value = value(officer, indicator, "20", period);
                var listed = records(officer, indicator, "20", period);
                assertThat(value).as(indicator + " " + period).isEqualByComparingTo(BigDecimal.valueOf(listed.size()));
                assertThat(paths(listed)).as(indicator).allMatch(p -> p.matches("/(plans|tasks|meetings)/\\d+"));
                anyCounted = anyCounted.add(value);
            }
        }
        assertThat(anyCounted).isPositive();
    }

    @Test
    void theTasksOfTheSecondQuarterOf2019AreCountedAsTheTaskRecordsSayAndTheOnTimeShareIsTheRatioOfTheSums() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var params = Map.<String, Object>of("from", LocalDate.of(2019, 4, 1), "to", LocalDate.of(2019, 6, 30));
        var subtree = """
                from plan_task t join org_unit u on u.id = t.responsible_unit_id
                where t.status <> 'CANCELLED' and t.due_on between :from and :to
                  and u.path like (select path from org_unit where code = '20' and validity @> current_date) || '%'
                """;
        var assigned = count("select count(*) " + subtree, params);
        var done = count("select count(*) " + subtree + " and t.status = 'DONE'", params);
        var onTime = count("select count(*) " + subtree + " and t.status = 'DONE' and t.done_on <= t.due_on", params);
        // overdue as of the quarter's last day, which has passed: due before 30/6 and not done by then
        var overdue = count("select count(*) " + subtree
                + " and t.due_on < :to and (t.status in ('NOT_STARTED', 'IN_PROGRESS') or (t.status = 'DONE' and t.done_on > :to))", params);
        assertThat(value(officer, "NHIEM_VU_DUOC_GIAO", "20", "2019Q2")).isEqualByComparingTo(BigDecimal.valueOf(assigned));
        assertThat(value(officer, "NHIEM_VU_HOAN_THANH", "20", "2019Q2")).isEqualByComparingTo(BigDecimal.valueOf(done));
        assertThat(value(officer, "NHIEM_VU_HOAN_THANH_DUNG_HAN", "20", "2019Q2")).isEqualByComparingTo(BigDecimal.valueOf(onTime));
        assertThat(value(officer, "NHIEM_VU_QUA_HAN", "20", "2019Q2")).isEqualByComparingTo(BigDecimal.valueOf(overdue));
        // Lạng Sơn's 2019 plan: the government dân vận task (due 30/6, done 28/6) was on time, and the five tasks of the
        // 28/3/2019 briefing's conclusion fall due on 30/6 too
        assertThat(assigned).isGreaterThanOrEqualTo(6);
        assertThat(labels(records(officer, "NHIEM_VU_HOAN_THANH_DUNG_HAN", "20", "2019Q2")))
                .contains("Đổi mới, nâng cao chất lượng, hiệu quả công tác dân vận chính quyền");
        assertThat(labels(records(officer, "NHIEM_VU_QUA_HAN", "20", "2019Q2")))
                .doesNotContain("Đổi mới, nâng cao chất lượng, hiệu quả công tác dân vận chính quyền");
        var share = value(officer, "TY_LE_NHIEM_VU_DUNG_HAN", "20", "2019Q2");
        assertThat(share.doubleValue()).isCloseTo(100.0 * onTime / assigned, within(0.01));
    }

    @Test
    void aTaskIsOverdueAsOfThePeriodsLastDayOrTodayWhicheverIsEarlier() throws Exception {
        var officer = signedIn.login("canbo.langson");
        // 2019, judged on 31/12/2019: the briefing's "friendly government" model task (due 30/6, not done) is overdue, the
        // plan's task on "Dân vận khéo" (due 31/12) is not yet
        var overdue2019 = labels(records(officer, "NHIEM_VU_QUA_HAN", "20", "2019"));
        assertThat(overdue2019).contains("Thực hiện điểm mô hình “Chính quyền thân thiện”")
                .doesNotContain("Nâng cao chất lượng, hiệu quả phong trào thi đua “Dân vận khéo”");

        // this year, judged today: Thái Nguyên's task due ten days ago is overdue, the one due on 31/12 is not
        var today = LocalDate.now(clock);
        var thaiNguyen = signedIn.login("canbo.thainguyen");
        var year = String.valueOf(today.getYear());
        var overdueNow = labels(records(thaiNguyen, "NHIEM_VU_QUA_HAN", "19", year));
        assertThat(overdueNow).doesNotContain("Chuẩn bị tổng kết Chương trình phối hợp giai đoạn 2022–2026");
        if (today.minusDays(10).getYear() == today.getYear()) {
            assertThat(overdueNow).contains("Tuyên truyền về công tác dân vận trên báo, đài của tỉnh");
        }
        assertThat(labels(records(thaiNguyen, "NHIEM_VU_DUOC_GIAO", "19", year)))
                .contains("Chuẩn bị tổng kết Chương trình phối hợp giai đoạn 2022–2026");
        assertThat(paths(records(thaiNguyen, "KE_HOACH_TRIEN_KHAI_BAN_HANH", "19", year))).allMatch(p -> p.startsWith("/plans/"))
                .isNotEmpty();
    }

    @Test
    void theBriefingOf28March2019IsHeldInTheFirstQuarterWithItsConclusionTasks() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var s01 = jdbc.sql("select id from meeting where kind = 'QUARTERLY_BRIEFING' and starts_at = timestamp '2019-03-28 14:00'")
                .query(Long.class).single();
        assertThat(paths(records(officer, "HOI_NGHI_GIAO_BAN_DA_TO_CHUC", "20", "2019Q1"))).contains("/meetings/" + s01);
        assertThat(paths(records(officer, "HOI_NGHI_DA_TO_CHUC", "20", "2019Q1"))).contains("/meetings/" + s01);
        assertThat(paths(records(officer, "HOI_NGHI_GIAO_BAN_DA_TO_CHUC", "20", "2019Q3"))).doesNotContain("/meetings/" + s01);
        // the second-quarter briefing of 11/7/2019 makes two in the year
        assertThat(value(officer, "HOI_NGHI_GIAO_BAN_DA_TO_CHUC", "20", "2019")).isGreaterThanOrEqualTo(BigDecimal.valueOf(2));

        var conclusionTasks = jdbc.sql("""
                        select '/tasks/' || id from plan_task
                        where origin_kind = 'MEETING' and origin_id = :m and status <> 'CANCELLED'""")
                .param("m", s01).query(String.class).list();
        assertThat(conclusionTasks).hasSize(5);
        assertThat(paths(records(officer, "NHIEM_VU_TU_KET_LUAN_HOI_NGHI", "20", "2019Q1"))).containsAll(conclusionTasks);
        assertThat(value(officer, "NHIEM_VU_TU_KET_LUAN_HOI_NGHI", "20", "2019Q1"))
                .isGreaterThanOrEqualTo(BigDecimal.valueOf(conclusionTasks.size()));
    }

    @Test
    void opinionsAndWorkingSessionsAreCountedForTheHostAndMergedProvincesKeepTheirConferences() throws Exception {
        var officer = signedIn.login("canbo.langson");
        // S00: the interagency team in Lạng Sơn on 28/6/2021, with the provincial People's Committee's opinion
        var s00 = jdbc.sql("select id from meeting where kind = 'INSPECTION_WORKING_SESSION' and starts_at = timestamp '2021-06-28 14:00'")
                .query(Long.class).single();
        assertThat(paths(records(officer, "BUOI_LAM_VIEC_DOAN_KIEM_TRA", "20", "2021Q2"))).contains("/meetings/" + s00);
        var opinions = count("select count(*) from meeting_opinion where meeting_id = :m", Map.of("m", s00));
        assertThat(opinions).isPositive();
        assertThat(paths(records(officer, "Y_KIEN_TAI_HOI_NGHI", "20", "2021Q2")).stream().filter(("/meetings/" + s00)::equals))
                .hasSize((int) opinions);

        // S03: Bắc Kạn's six-month review of 20/7/2018 counts for today's Thái Nguyên, into which Bắc Kạn passed
        var s03 = jdbc.sql("select id from meeting where kind = 'SIX_MONTH_REVIEW' and starts_at::date = date '2018-07-20'")
                .query(Long.class).single();
        var thaiNguyen = signedIn.login("canbo.thainguyen");
        assertThat(paths(records(thaiNguyen, "HOI_NGHI_SO_KET_TONG_KET", "19", "2018"))).contains("/meetings/" + s03);
        assertThat(paths(records(officer, "HOI_NGHI_SO_KET_TONG_KET", "20", "2018"))).doesNotContain("/meetings/" + s03);
    }

    @Test
    void aCommuneOfficerCountsTheirOwnWardsTasksButAnotherWardIsNotFound() throws Exception {
        var dongKinh = signedIn.login("canbo.dongkinh");
        // the Đông Kinh part of the "Dân vận khéo" task delegated in 2019: due 30/11, at 40 %, overdue at the year's end
        var assigned = records(dongKinh, "NHIEM_VU_DUOC_GIAO", "05977", "2019");
        assertThat(labels(assigned)).contains("Xây dựng, nhân rộng mô hình “Dân vận khéo” ở phường Đông Kinh")
                .doesNotContain("Xây dựng, nhân rộng mô hình “Dân vận khéo” ở phường Lương Văn Tri");
        assertThat(value(dongKinh, "NHIEM_VU_DUOC_GIAO", "05977", "2019")).isEqualByComparingTo(BigDecimal.valueOf(assigned.size()));
        assertThat(labels(records(dongKinh, "NHIEM_VU_QUA_HAN", "05977", "2019")))
                .contains("Xây dựng, nhân rộng mô hình “Dân vận khéo” ở phường Đông Kinh");

        for (var indicator : List.of("NHIEM_VU_DUOC_GIAO", "HOI_NGHI_DA_TO_CHUC", "TY_LE_NHIEM_VU_DUNG_HAN")) {
            mvc.perform(get("/api/values/aggregate").session(dongKinh).param("indicator", indicator).param("unit", "05983")
                    .param("period", "2019")).andExpect(status().isNotFound());
            mvc.perform(get("/api/values/records").session(dongKinh).param("indicator", indicator).param("unit", "05983")
                    .param("period", "2019")).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/values/aggregate").session(dongKinh).param("indicator", "NHIEM_VU_DUOC_GIAO").param("unit", "20")
                .param("period", "2019")).andExpect(status().isNotFound());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
