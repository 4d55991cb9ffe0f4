package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * The search by words within a unit subtree (read through the per-unit words index, V75) and in the
 * whole country (the words and pairs of each year, V84), its count and its pages taken from the count's hits: for the country, for
 * provinces before and after the 2025 reform (today's Thái Nguyên with the old Bắc Kạn) and for a
 * ward of each, every page and total equals a plain scan of the records for the text typed.
 */
@SpringBootTest
class ExemplarSearchIntegrationTests {

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

    void register(MockHttpSession session, String unit, String name, String registeredOn) throws Exception {
        mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars"), session, """
                {"kind": "COLLECTIVE", "name": "%s", "unit": "%s", "registrantType": "RESIDENTIAL_AREA",
                 "fields": ["NEW_RURAL"], "registeredOn": "%s"}""".formatted(name, unit, registeredOn)))
                .andExpect(status().isCreated());
    }

    @Test
    void aSearchInAProvinceOrTheCountryListsExactlyTheModelsThatContainTheTextNewestFirst() throws Exception {
        var admin = signedIn.login("admin");
        var today = LocalDate.now(clock);
        // the old Bắc Kạn (01843, now in Thái Nguyên), Lạng Sơn (05983), and words that begin others ("tim" in "tìm kiếm")
        register(admin, "01843", "Xóm nông thôn mới tìm kiếm Bắc Kạn", "2024-03-04");
        register(admin, "01843", "Nông thôn mới tìm kiếm thôn Nà Pài", today.minusDays(40).toString());
        register(admin, "05983", "Phố nông thôn mới tìm kiếm Đông Kinh", today.minusDays(10).toString());
        register(admin, "05983", "Đông Kinh dân vận khéo tìm kiếm", today.minusDays(9).toString());
        register(admin, "05983", "Khu phố tìm kiếm thứ hai", today.minusDays(9).toString());

        var asked = new ArrayList<String>();
        for (var unit : new String[] {null, "19", "20", "01843", "05983"}) {
            for (var q : List.of("nong thon moi", "NÔNG THÔN MỚI TÌM", "thon moi tim kie", "dan van kheo", "pho tim kiem",
                    "nong thon moi tim kiem bac kan", "tim", "d")) {
                for (int page = 0; page < 3; page++) {
                    var shown = shown(admin, unit, q, page);
                    var scanned = scanned(unit, q, page);
                    assertThat(shown).as("page %d of '%s' in %s", page, q, unit == null ? "the country" : unit).isEqualTo(scanned);
                    asked.add(shown);
                }
            }
        }
        // the questions were not all empty: the new models were found where they are, and only there
        assertThat(shown(admin, "19", "tim kiem bac kan", 0)).startsWith("1|");
        assertThat(shown(admin, "20", "tim kiem bac kan", 0)).isEqualTo("0|[]");
        assertThat(shown(admin, "05983", "pho nong thon moi tim", 0)).startsWith("1|");
        assertThat(asked).anyMatch(s -> !s.startsWith("0|"));
    }

    @Test
    void aSearchInTheCountryFindsNeighbouringWordsOnlySideBySideInEveryYearAsAScanDoes() throws Exception {
        var admin = signedIn.login("admin");
        var today = LocalDate.now(clock);
        // the same syllables side by side, apart, across a comma or a hyphen, in several years of registration
        register(admin, "05983", "Điển hình Nông Thanh Vịnh xóm Bản Chắt", "2019-05-06");
        register(admin, "01843", "Thanh niên tình nguyện Vịnh Hạ Long", "2019-07-08");
        register(admin, "05983", "Đoàn viên Thanh, Vịnh Mốc an ninh trật tự", "2024-02-03");
        register(admin, "01843", "Phân loại rác-thanh vịnh an ninh trật tự tốt", "2024-09-10");
        register(admin, "05983", "Tổ an ninh trật tự tự quản thanh vịnh", today.minusDays(3).toString());

        var asked = new ArrayList<String>();
        for (var year : new Integer[] {null, 2019, 2024}) {
            for (var q : List.of("nong thanh vinh", "g thanh vin", "nien tinh nguyen vinh", "thanh vinh", "an ninh trat tu",
                    "an ninh trat", "to an ninh trat tu tu quan thanh v", "rac-thanh vinh an", "doan vien thanh, vinh")) {
                for (int page = 0; page < 2; page++) {
                    var shown = shown(admin, null, year, q, page);
                    assertThat(shown).as("page %d of '%s' in %s", page, q, year).isEqualTo(scanned(null, year, q, page));
                    asked.add(shown);
                }
            }
        }
        // the pair of syllables found the model that holds them side by side, not the one that holds them apart
        assertThat(shown(admin, null, 2019, "g thanh vinh", 0)).startsWith("1|");
        assertThat(shown(admin, null, null, "nien tinh nguyen vinh", 0)).startsWith("1|");
        assertThat(asked).anyMatch(s -> !s.startsWith("0|"));
    }

    /** The list API's answer: "total|[ids of the page]". */
    String shown(MockHttpSession session, String unit, String q, int page) throws Exception {
        return shown(session, unit, null, q, page);
    }

    String shown(MockHttpSession session, String unit, Integer year, String q, int page) throws Exception {
        var request = get("/api/exemplars").param("q", q).param("size", "2").param("page", String.valueOf(page)).session(session);
        if (unit != null) {
            request.param("unit", unit);
        }
        if (year != null) {
            request.param("year", year.toString());
        }
        var body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(body, "$.content[*].id");
        return JsonPath.read(body, "$.totalElements") + "|" + ids.stream().map(Number::longValue).toList();
    }

    /** The same question as a scan of the records (the unit code read today): "total|[ids of the page]". */
    String scanned(String unit, String q, int page) {
        return scanned(unit, null, q, page);
    }

    String scanned(String unit, Integer year, String q, int page) {
        Long[] covered = unit == null ? null
                : units.idsWithin(units.scopePaths(units.findByCode(unit, LocalDate.now(clock)).orElseThrow().id())).toArray(Long[]::new);
        var ids = jdbc.sql("""
                select id from exemplar
                where (cast(:units as bigint[]) is null or unit_id = any(:units))
                  and (cast(:year as integer) is null or year = :year)
                  and (search_text like '%' || search_key(:q) || '%' or number = upper(:q))
                order by registered_on desc, id desc
                """).param("units", covered).param("year", year).param("q", q.strip()).query(Long.class).list();
        return ids.size() + "|" + ids.stream().skip(page * 2L).limit(2).toList();
    }
}
