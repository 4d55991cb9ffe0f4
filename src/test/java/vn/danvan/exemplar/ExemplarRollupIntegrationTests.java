package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.orgunit.OrgUnits;

/**
 * The roll-up per province (V68) behind the dashboards and the list's count: after registrations,
 * transitions, replications and a merge of a commune into another province, every dashboard figure of
 * the country, of provinces before and after the 2025 reform and of the merged commune equals the same
 * figure counted directly over the records of the units it covers; the roll-up equals the tally summed
 * per province; the list's exact count equals the models it lists.
 */
@SpringBootTest
class ExemplarRollupIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    OrgUnits units;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    long register(MockHttpSession session, String unit, String kind, String name, String registeredOn, String field) throws Exception {
        var person = kind.equals("INDIVIDUAL") ? ", \"personName\": \"Nguyễn Văn Khéo\"" : "";
        var body = mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars"), session, """
                {"kind": "%s", "name": "%s", "unit": "%s", "registrantType": "RESIDENTIAL_AREA"%s,
                 "fields": ["%s"], "registeredOn": "%s", "fundsVnd": 1000000}""".formatted(kind, name, unit, person, field, registeredOn)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    void step(MockHttpSession session, long id, String body) throws Exception {
        mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars/" + id + "/steps"), session, body)).andExpect(status().isOk());
    }

    void recognise(MockHttpSession session, long id, LocalDate registered, String level, boolean typical) throws Exception {
        step(session, id, "{\"action\": \"START\", \"day\": \"%s\"}".formatted(registered.plusDays(2)));
        step(session, id, """
                {"action": "ASSESS", "day": "%s", "assessor": "Ban Chỉ đạo", "criteria": [{"name": "Hiệu quả", "score": 18, "max": 20}]}"""
                .formatted(registered.plusDays(4)));
        step(session, id, """
                {"action": "RECOGNISE", "day": "%s", "level": "%s", "decisionNumber": "7/QĐ-BCĐ", "issuer": "Ban Chỉ đạo"}"""
                .formatted(registered.plusDays(6), level));
        if (typical) {
            step(session, id, "{\"action\": \"MARK_TYPICAL\", \"day\": \"%s\"}".formatted(registered.plusDays(8)));
        }
    }

    /**
     * A commune added under a province, valid from the day after the 2025 reform (so that the counts of the unit lists on
     * reform day and the day before stay those of the bundled files); with a predecessor, the commune merged into it today.
     */
    long commune(long provinceId, String code, String name, Long mergedFrom) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('org_unit', 'id'))").query(Long.class).single();
        var path = jdbc.sql("select path from org_unit where id = :p").param("p", provinceId).query(String.class).single() + id + "/";
        jdbc.sql("""
                insert into org_unit (id, code, category, level, parent_id, path, depth, valid_from, source)
                values (:id, :code, 'AREA', 'COMMUNE', :parent, :path, 2, date '2025-07-02', 'test')
                """).param("id", id).param("code", code).param("parent", provinceId).param("path", path).update();
        jdbc.sql("""
                insert into org_unit_version (unit_id, valid_from, kind, name, sort_name, change)
                values (:id, date '2025-07-02', 'COMMUNE', :name, :name, 'ESTABLISHED')
                """).param("id", id).param("name", name).update();
        if (mergedFrom != null) {
            jdbc.sql("""
                    insert into org_unit_succession (predecessor_id, successor_id, effective_on, whole, kind)
                    values (:from, :to, :day, true, 'MERGED')
                    """).param("from", mergedFrom).param("to", id).param("day", LocalDate.now(clock)).update();
        }
        return id;
    }

    long provinceToday(String code) {
        return units.findByCode(code, LocalDate.now(clock)).orElseThrow().id();
    }

    @Test
    void dashboardsEqualACountOverTheRecordsAfterRegistrationsTransitionsReplicationsAndAMerge() throws Exception {
        var admin = signedIn.login("admin");
        var today = LocalDate.now(clock);
        int year = today.getYear();
        var lastYear = today.minusYears(1);
        // a commune of Lạng Sơn, and one of today's Thái Nguyên that took it in (across provinces)
        long old = commune(provinceToday("20"), "R9901", "Xã Thử Gộp", null);
        long merged = commune(provinceToday("19"), "R9902", "Xã Thử Sau Gộp", old);

        var a = register(admin, "R9901", "COLLECTIVE", "Mô hình thử cuộn A", lastYear.toString(), "ECONOMY");
        var b = register(admin, "R9901", "INDIVIDUAL", "Điển hình thử cuộn B", today.minusDays(30).toString(), "DIGITAL");
        register(admin, "R9902", "COLLECTIVE", "Mô hình thử cuộn C", today.minusDays(20).toString(), "ECONOMY");
        var d = register(admin, "01843", "COLLECTIVE", "Mô hình thử cuộn Bắc Kạn", "2024-03-04", "NEW_RURAL");
        recognise(admin, a, lastYear, "COMMUNE", true);
        recognise(admin, b, today.minusDays(30), "COMMUNE", false);
        recognise(admin, d, LocalDate.of(2024, 3, 4), "DISTRICT", false);
        step(admin, a, """
                {"action": "COMMEND", "day": "%s", "form": "CERTIFICATE_OF_MERIT", "decisionNumber": "9/QĐ-UBND", "issuer": "UBND tỉnh"}"""
                .formatted(today.minusDays(10)));
        mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars/" + a + "/replicas"), admin, """
                {"unit": "05983", "day": "%s"}""".formatted(today.minusDays(5)))).andExpect(status().isCreated());
        step(admin, b, "{\"action\": \"PAUSE\", \"day\": \"%s\", \"note\": \"Tạm dừng để thử\"}".formatted(today.minusDays(2)));

        for (var asked : List.of(new Object[] {null, year}, new Object[] {null, 2024}, new Object[] {"20", year},
                new Object[] {"19", year}, new Object[] {"19", 2024}, new Object[] {"06", 2024}, new Object[] {"R9902", year},
                new Object[] {"R9901", year - 1})) {
            var unit = (String) asked[0];
            int y = (Integer) asked[1];
            var asOf = LocalDate.of(y, 12, 31).isAfter(today) ? today : LocalDate.of(y, 12, 31);
            Long[] covered = unit == null ? null
                    : units.idsWithin(units.scopePaths(units.findByCode(unit, asOf).orElseThrow().id())).toArray(Long[]::new);
            assertThat(shown(admin, unit, y)).as("figures of %s in %d", unit == null ? "the country" : unit, y)
                    .isEqualTo(counted(covered, y));
        }
        // the merged commune counts what it took in, and the roll-up agrees with the tally it sums
        assertThat(counted(new Long[] {merged, old}, year).get("REGISTERED")).isEqualTo("1|1");
        assertThat(rollupAsRead()).isEqualTo(tallyPerBranch());
    }

    @Test
    void theListCountsExactlyFromTheRollupWhatItLists() throws Exception {
        var admin = signedIn.login("admin");
        register(admin, "05983", "INDIVIDUAL", "Điển hình đếm theo lĩnh vực", LocalDate.now(clock).minusDays(3).toString(), "SOCIAL_WELFARE");
        var lists = Map.of("unit", "20", "kind", "INDIVIDUAL", "field", "SOCIAL_WELFARE");
        var request = get("/api/exemplars").param("size", "200").session(admin);
        lists.forEach((k, v) -> request.param(k, v));
        var body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Object> content = JsonPath.read(body, "$.content");
        long total = ((Number) JsonPath.read(body, "$.totalElements")).longValue();
        assertThat(total).isPositive().isLessThan(200).isEqualTo(content.size());
        mvc.perform(get("/api/exemplars").param("q", "dem theo linh vuc").session(admin))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].name").value("Điển hình đếm theo lĩnh vực"));
        mvc.perform(get("/api/exemplars").param("q", "ĐẾM THEO").session(admin)).andExpect(jsonPath("$.totalElements").value(1));
    }

    /** The figures the dashboard API shows: key → "collective|individual". */
    Map<String, String> shown(MockHttpSession session, String unit, int year) throws Exception {
        var request = get("/api/exemplars/figures").param("year", String.valueOf(year)).session(session);
        if (unit != null) {
            request.param("unit", unit);
        }
        var body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var out = new TreeMap<String, String>();
        for (var part : List.of("headline", "byField", "byStatus", "byLevel", "byCommendation")) {
            List<Map<String, Object>> counts = JsonPath.read(body, "$." + part);
            var prefix = switch (part) {
                case "byField" -> "FIELD:";
                case "byStatus" -> "STATUS:";
                case "byLevel" -> "LEVEL:";
                case "byCommendation" -> "FORM:";
                default -> "";
            };
            for (var c : counts) {
                var value = ((Number) c.get("collective")).longValue() + "|" + ((Number) c.get("individual")).longValue();
                if (!value.equals("0|0")) {
                    out.put(prefix + c.get("key"), value);
                }
            }
        }
        return out;
    }

    /** The same figures counted over the records of the covered units (null: all), without the tally. */
    Map<String, String> counted(Long[] covered, int year) {
        var sql = """
                with e as (select * from exemplar where :all or unit_id = any(:units))
                select 'REGISTERED', count(*) filter (where kind = 'COLLECTIVE'), count(*) filter (where kind = 'INDIVIDUAL')
                  from e where year = :year
                union all
                select 'REPLICATED', count(*) filter (where kind = 'COLLECTIVE'), count(*) filter (where kind = 'INDIVIDUAL')
                  from e where year = :year and source_id is not null
                union all
                select 'FIELD:' || l.field_code, count(*) filter (where kind = 'COLLECTIVE'), count(*) filter (where kind = 'INDIVIDUAL')
                  from e join exemplar_field_link l on l.exemplar_id = e.id where e.year = :year group by 1
                union all
                select 'STATUS:' || status, count(*) filter (where kind = 'COLLECTIVE'), count(*) filter (where kind = 'INDIVIDUAL')
                  from e where year <= :year group by 1
                union all
                select 'RECOGNISED', count(distinct e.id) filter (where kind = 'COLLECTIVE'), count(distinct e.id) filter (where kind = 'INDIVIDUAL')
                  from e join exemplar_recognition r on r.exemplar_id = e.id where r.year = :year
                union all
                select 'TYPICAL', count(distinct e.id) filter (where kind = 'COLLECTIVE'), count(distinct e.id) filter (where kind = 'INDIVIDUAL')
                  from e join exemplar_recognition r on r.exemplar_id = e.id where r.year = :year and r.typical
                union all
                select 'LEVEL:' || r.level, count(distinct e.id) filter (where kind = 'COLLECTIVE'),
                       count(distinct e.id) filter (where kind = 'INDIVIDUAL')
                  from e join exemplar_recognition r on r.exemplar_id = e.id where r.year = :year group by 1
                union all
                select 'COMMENDED', count(distinct e.id) filter (where kind = 'COLLECTIVE'), count(distinct e.id) filter (where kind = 'INDIVIDUAL')
                  from e join exemplar_commendation c on c.exemplar_id = e.id where c.year = :year
                union all
                select 'FORM:' || c.form, count(*) filter (where kind = 'COLLECTIVE'), count(*) filter (where kind = 'INDIVIDUAL')
                  from e join exemplar_commendation c on c.exemplar_id = e.id where c.year = :year group by 1
                """;
        var out = new TreeMap<String, String>();
        jdbc.sql(sql).param("all", covered == null).param("units", covered == null ? new Long[0] : covered).param("year", year)
                .query((rs, n) -> {
                    var value = rs.getLong(2) + "|" + rs.getLong(3);
                    if (!value.equals("0|0")) {
                        out.put(rs.getString(1), value);
                    }
                    return null;
                }).list();
        return out;
    }

    Map<String, String> rollupAsRead() {
        return rows("select branch_id, year, measure, collective, individual from exemplar_rollup");
    }

    Map<String, String> tallyPerBranch() {
        return rows("""
                select coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id), t.year, t.measure, sum(t.collective), sum(t.individual)
                from exemplar_tally t join org_unit u on u.id = t.unit_id group by 1, 2, 3
                """);
    }

    private Map<String, String> rows(String sql) {
        var out = new TreeMap<String, String>();
        jdbc.sql(sql).query((rs, n) -> {
            var value = rs.getBigDecimal(4).stripTrailingZeros().toPlainString() + "|" + rs.getBigDecimal(5).stripTrailingZeros().toPlainString();
            if (!value.equals("0|0")) {
                out.put(rs.getLong(1) + "/" + rs.getInt(2) + "/" + rs.getString(3), value);
            }
            return null;
        }).list();
        return out;
    }
}
