package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

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
                    select number from petition where search_text like '%' || search_key(:t) || '%'
                    order by received_on desc, id desc limit 200
                    """).param("t", text).query(String.class).list();
            var total = jdbc.sql("select count(*) from petition where search_text like '%' || search_key(:t) || '%'")
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
}
