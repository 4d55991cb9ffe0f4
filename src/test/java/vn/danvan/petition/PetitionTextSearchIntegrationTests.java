package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.SignedInMvc;
import vn.danvan.orgunit.OrgUnits;

/**
 * A search by words (the words index, V76, narrowing; the containment check deciding) finds exactly
 * the petitions a plain scan of the accent-free text finds, in the same order — on the demo data,
 * whose petitions lie in units before and after the 2025 merger of provinces and communes.
 */
@SpringBootTest
class PetitionTextSearchIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgUnits units;
    @Autowired
    Clock clock;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    @Test
    void aSearchByWordsFindsTheSamePetitionsInTheSameOrderAsAScanOfTheText() throws Exception {
        var admin = signedIn.login("admin", SignedInMvc.ADMIN_PASSWORD);
        // whole words, a first word that may end a longer one ("hu hoi" inside "thu hồi"), a last word cut short,
        // accents typed or not, a phrase across the subject and "Nội dung đơn:" of the content, and a miss
        var texts = List.of("thu hoi dat", "hu hoi da", "Thu hồi đất", "noi dung don", "boi thuong", "giai phong mat bang",
                "don thu", "dat dai", "xay dung trai phep", "khong co dau nay");
        var nonEmpty = 0;
        for (var text : texts) {
            var expected = jdbc.sql("""
                    select number from petition where search_key(subject || ' ' || coalesce(content, '')) like '%' || search_key(:t) || '%'
                    order by received_on desc, id desc limit 200
                    """).param("t", text).query(String.class).list();
            var total = jdbc.sql("select count(*) from petition where search_key(subject || ' ' || coalesce(content, '')) like '%' || search_key(:t) || '%'")
                    .param("t", text).query(Long.class).single();
            var body = mvc.perform(get("/api/petitions").param("text", text).param("size", "200").session(admin))
                    .andReturn().getResponse().getContentAsString();
            List<String> numbers = JsonPath.read(body, "$.content[*].number");
            Number found = JsonPath.read(body, "$.totalElements");
            assertThat(numbers).as(text).containsExactlyElementsOf(expected);
            assertThat(found.longValue()).as(text).isEqualTo(Math.min(total, PetitionQueries.SEARCH_COUNT_CAP + 1));
            if (!expected.isEmpty()) {
                nonEmpty++;
            }
        }
        assertThat(nonEmpty).as("searches that find petitions in the demo data").isGreaterThanOrEqualTo(4);
    }

    @Autowired
    PetitionYearSearch yearSearch;

    /**
     * The newest hits of a search by words for a page past the hits counted (PetitionYearSearch.newest: the newest texts
     * walked, else windows of days combined with the words index) are the newest hits a scan of the texts finds, in the
     * same order, whether the walk holds them (a few asked) or the windows widen to the first day (more asked than there
     * are).
     */
    @Test
    @org.springframework.transaction.annotation.Transactional
    void theNewestHitsOfASearchByWordsAreThoseAScanFindsNewestFirst() {
        var today = LocalDate.now(clock);
        var first = jdbc.sql("select min(received_on) from petition").query(LocalDate.class).single().withDayOfYear(1);
        var checked = 0;
        for (var text : List.of("thu hoi dat", "boi thuong", "noi dung don", "hu hoi da", "dat dai")) {
            var terms = PetitionSearchWords.terms(text);
            for (long end : new long[] {1, 3, 20, 100_000}) {
                var expected = jdbc.sql("""
                        select petition_id from petition_text where strpos(search_text, search_key(:t)) > 0 and received_on >= :first
                        order by received_on desc, petition_id desc limit :end
                        """).param("t", text).param("first", first).param("end", end).query(Long.class).list();
                var params = new java.util.LinkedHashMap<String, Object>(java.util.Map.of("text", text));
                var found = yearSearch.newest("where true" + PetitionSearchConditions.WORDS, params, terms, null, first, today, end);
                assertThat(found).as(text + ", " + end).extracting(PetitionYearSearch.Hit::id).containsExactlyElementsOf(expected);
                checked += expected.size();
            }
        }
        assertThat(checked).as("hits compared").isGreaterThan(20);
    }

    /**
     * A state asked is the petition's (RECEIVED, PROCESSED) or its matter's (every matter state): the search finds the
     * petitions in that state or whose matter is, whichever statement PetitionSearchConditions.state chooses for it.
     */
    @Test
    void aSearchByStateFindsThePetitionsInThatStateOrWhoseMatterIsInIt() throws Exception {
        var admin = signedIn.login("admin", SignedInMvc.ADMIN_PASSWORD);
        var states = new java.util.ArrayList<>(List.of("RECEIVED", "PROCESSED"));
        for (var s : MatterStatus.values()) {
            if (!states.contains(s.name())) {
                states.add(s.name());
            }
        }
        var nonEmpty = 0;
        for (var state : states) {
            var expected = jdbc.sql("""
                    select p.number from petition p left join petition_matter m on m.id = p.matter_id
                    where p.status = :s or m.status = :s order by p.received_on desc, p.id desc limit 200
                    """).param("s", state).query(String.class).list();
            var total = jdbc.sql("""
                    select count(*) from petition p left join petition_matter m on m.id = p.matter_id where p.status = :s or m.status = :s
                    """).param("s", state).query(Long.class).single();
            var body = mvc.perform(get("/api/petitions").param("state", state).param("size", "200").session(admin))
                    .andReturn().getResponse().getContentAsString();
            List<String> numbers = JsonPath.read(body, "$.content[*].number");
            Number found = JsonPath.read(body, "$.totalElements");
            assertThat(numbers).as(state).containsExactlyElementsOf(expected);
            assertThat(found.longValue()).as(state).isEqualTo(total);
            // a later page is chosen among the petitions found, in the same order
            var second = mvc.perform(get("/api/petitions").param("state", state).param("size", "3").param("page", "1").session(admin))
                    .andReturn().getResponse().getContentAsString();
            List<String> secondNumbers = JsonPath.read(second, "$.content[*].number");
            assertThat(secondNumbers).as(state + ", page 2 of 3 rows").containsExactlyElementsOf(expected.subList(Math.min(3, expected.size()),
                    Math.min(6, expected.size())));
            if (total > 0) {
                nonEmpty++;
            }
        }
        assertThat(nonEmpty).as("states the demo petitions or their matters are in").isGreaterThanOrEqualTo(5);
        assertThat(PetitionSearchConditions.state("PROCESSED")).doesNotContain("m.status");
        assertThat(PetitionSearchConditions.state("DECIDED")).doesNotContain("p.status");
    }

    @Test
    void aSearchByWordsStaysWithinTheOfficersUnitsAndItsFilters() throws Exception {
        var officer = signedIn.login("canbo.langson");
        // the officer's units: every unit ever inside the province or the units that passed into it (OrgScope)
        var units = jdbc.sql("""
                with recursive origin(id) as (
                    select (select r.unit_id from identity_role_assignment r join identity_user i on i.id = r.user_id
                            where i.username = 'canbo.langson' order by r.id limit 1)
                    union
                    select s.predecessor_id from org_unit_succession s join origin o on s.successor_id = o.id
                )
                select distinct u.id from org_unit u join org_unit s on s.id in (select id from origin)
                where u.path ~>=~ s.path and u.path ~<~ (left(s.path, -1) || '0')
                """).query(Long.class).list();
        var body = mvc.perform(get("/api/petitions").param("text", "noi dung don").param("kind", "COMPLAINT").param("size", "200")
                .session(officer)).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(body, "$.content[*].id");
        assertThat(ids).isNotEmpty();
        for (var id : ids) {
            var row = jdbc.sql("select unit_id, content_kind from petition where id = :id").param("id", id.longValue())
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
            assertThat(units).contains((Long) row[0]);
            assertThat(row[1]).isEqualTo("COMPLAINT");
        }
    }

    @Test
    @Transactional
    void aSearchByWordsOverYearsAndInAMergedProvinceListsThePetitionsOfAScanPageByPage() throws Exception {
        var admin = signedIn.login("admin", SignedInMvc.ADMIN_PASSWORD);
        var today = LocalDate.now(clock);
        var thaiNguyen = units.findByCode("19", today).orElseThrow();
        var covered = units.idsWithin(units.scopePaths(thaiNguyen.id()));
        var todays = units.subtree(thaiNguyen.id(), today).stream().map(u -> u.id()).toList();
        // a commune of the old Bắc Kạn (or old Thái Nguyên), ended in the 2025 reform: outside today's subtree, inside its records
        var ended = jdbc.sql("""
                select id from org_unit where id = any(:covered) and level = 'COMMUNE' and valid_to < date '2025-07-02'
                order by id limit 1
                """).param("covered", covered.toArray(Long[]::new)).query(Long.class).single();
        assertThat(todays).doesNotContain(ended);
        var commune = units.subtree(thaiNguyen.id(), today).stream().filter(u -> u.level().name().equals("COMMUNE"))
                .findFirst().orElseThrow().id();
        var elsewhere = units.findByCode("20", today).orElseThrow().id();
        // 1,400 petitions of a common phrase over eight years (more than the count's cap of 1,001, about 175 a year),
        // a third in the ended commune before the reform, a third elsewhere; and a rare name in four years,
        // side by side and apart
        jdbc.sql("""
                insert into petition (number, unit_id, received_on, channel, petitioner_kind, subject, content, status, created_by)
                select 'YS-' || g, case g % 3 when 0 then case when y < 2025 then :ended else :commune end
                                          when 1 then :elsewhere else :commune end,
                       make_date(y, 1 + g % 12, 1 + g % 28), (select channel from petition order by id limit 1), 'PERSON',
                       'Đề nghị thu hồi đất vườn số ' || g, 'Nội dung đơn: hộ ông ' || g || ' đề nghị xem xét.', 'RECEIVED', 'test'
                from generate_series(1, 1400) g, lateral (select least(2019 + g % 8, extract(year from current_date)::int) as y) d
                where make_date(y, 1 + g % 12, 1 + g % 28) < current_date
                """).param("ended", ended).param("commune", commune).param("elsewhere", elsewhere).update();
        var names = List.of(new Object[] {"2019-05-06", ended, "Đơn của bà Nông Thanh Vịnh xóm Bản Chắt"},
                new Object[] {"2021-07-08", elsewhere, "Ông Nông Thanh, Vịnh Mốc đề nghị"},
                // the first word typed after a bracket: V99 pairs the letters that end "(nong" with the next word
                new Object[] {"2022-09-10", elsewhere, "Đơn của hộ (Nông Thanh Vịnh) xóm Mốc"},
                new Object[] {"2024-02-03", ended, "Hộ Nông Thanh Vịnh khiếu nại"},
                new Object[] {today.minusDays(3).toString(), commune, "Bà nông thanh vịnh tố cáo"});
        for (var n : names) {
            jdbc.sql("""
                    insert into petition (number, unit_id, received_on, channel, petitioner_kind, subject, status, created_by)
                    values (:number, :unit, cast(:day as date), (select channel from petition order by id limit 1), 'PERSON', :subject,
                            'RECEIVED', 'test')
                    """).param("number", "YN-" + n[0]).param("unit", n[1]).param("day", n[0]).param("subject", n[2]).update();
        }
        // every petition's kept text is its folded subject and content, under its unit, area and day (V101's trigger)
        assertThat(jdbc.sql("""
                select count(*) from petition p join org_unit u on u.id = p.unit_id
                left join petition_text t on t.petition_id = p.id
                where t.petition_id is null or t.search_text <> search_key(p.subject || ' ' || coalesce(p.content, ''))
                   or t.unit_id <> p.unit_id or t.area_id <> unit_area(u.id, u.path) or t.received_on <> p.received_on
                """).query(Long.class).single()).isZero();
        var asked = new ArrayList<String>();
        // the whole country unasked (the year's keys), today's Thái Nguyên (its three areas' keys: its own and the old
        // Bắc Kạn's and Thái Nguyên's, V101) and the country asked by its code (every unit: too many areas, the year's keys)
        for (var unit : new String[] {null, "19", "VN"}) {
            for (var period : new String[][] {{null, null}, {"2021-01-01", "2024-12-31"}}) {
                for (var text : List.of("thu hoi dat vuon", "hoi dat", "nong thanh vinh", "g thanh vin", "thanh vinh", "de nghi",
                        "vuon so 1", "dat vuon so 14", "ong 13")) {
                    // the first pages (read among the years found whole), a page past them, and one past the cap
                    for (var page : new int[] {0, 1, 45, 49, 60}) {
                        var shown = shown(admin, unit, period, text, page);
                        assertThat(shown).as("page %d of '%s' in %s %s…%s", page, text, unit, period[0], period[1])
                                .isEqualTo(scanned("19".equals(unit) ? covered : null, period, text, page));
                        asked.add(shown);
                    }
                }
            }
        }
        assertThat(asked).as("searches with more hits than the cap").anyMatch(s -> s.startsWith("1001|"));
        assertThat(asked).as("searches with a few hits").anyMatch(s -> s.startsWith("2|") || s.startsWith("3|"));
        // the ended commune's petitions are found under today's Thái Nguyên
        assertThat(shown(admin, "19", new String[] {null, null}, "nong thanh vinh", 0)).startsWith("3|");
    }

    /** The API's answer, 20 a page: "total|[numbers of the page]". */
    String shown(org.springframework.mock.web.MockHttpSession session, String unit, String[] period, String text, int page)
            throws Exception {
        var request = get("/api/petitions").param("text", text).param("size", "20").param("page", String.valueOf(page))
                .session(session);
        if (unit != null) {
            request.param("unit", unit);
        }
        if (period[0] != null) {
            request.param("from", period[0]).param("to", period[1]);
        }
        var body = mvc.perform(request).andReturn().getResponse().getContentAsString();
        List<String> numbers = JsonPath.read(body, "$.content[*].number");
        Number total = JsonPath.read(body, "$.totalElements");
        return total + "|" + new ArrayList<>(numbers);
    }

    /** The same as a scan of the folded text: "total|[numbers of the page]". */
    String scanned(List<Long> units, String[] period, String text, int page) {
        // the text kept beside each petition (V101, checked equal to its folded subject and content below)
        var where = "join petition_text t on t.petition_id = p.id where t.search_text like '%' || search_key(:t) || '%'"
                + (units == null ? "" : " and p.unit_id = any(:units)")
                + (period[0] == null ? "" : " and p.received_on between cast(:from as date) and cast(:to as date)");
        var params = new java.util.HashMap<String, Object>();
        params.put("t", text);
        if (units != null) {
            params.put("units", units.toArray(Long[]::new));
        }
        if (period[0] != null) {
            params.put("from", period[0]);
            params.put("to", period[1]);
        }
        var total = jdbc.sql("select count(*) from petition p " + where).params(params).query(Long.class).single();
        var numbers = jdbc.sql("select p.number from petition p " + where + " order by p.received_on desc, p.id desc limit 20 offset "
                + page * 20).params(params).query(String.class).list();
        return Math.min(total, PetitionQueries.SEARCH_COUNT_CAP + 1) + "|" + numbers;
    }
}
