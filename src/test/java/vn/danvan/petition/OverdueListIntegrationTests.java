package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;

/**
 * The overdue list since it reads the overdue petitions once and chooses the page among them: the same count and the
 * same petitions on every page, in the same order, as the count and the page of the statement before — for the
 * country, a province and a commune, with and without a content kind.
 */
@SpringBootTest
class OverdueListIntegrationTests {

    /** The petitions of the overdue list as PetitionQueries.search read them before, newest first. */
    static final String BEFORE = """
            select p.id from petition p left join petition_matter m on m.id = p.matter_id
            where (cast(:all as boolean) or p.unit_id = any(:units))
              and (cast(:kind as text) is null or p.content_kind = :kind)
              and p.id in (select r.id from petition r where r.status = 'RECEIVED' and r.due_on < :today
                           union all select r.id from petition_matter o join petition r on r.matter_id = o.id
                           where o.status in ('ACCEPTED', 'VERIFYING') and o.due_on < :today)
            order by p.received_on desc, p.id desc
            """;

    @Autowired
    WebApplicationContext context;
    @Autowired
    PetitionQueries queries;
    @Autowired
    CurrentUsers users;
    @Autowired
    OrgUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Petitions received long ago and never processed (overdue), and one matter accepted long ago (overdue too). */
    void receiveOverduePetitions(SignedInMvc signedIn) throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var today = LocalDate.now(clock);
        for (int i = 0; i < 7; i++) {
            receive(signedIn, officer, "05983.UBND", today.minusDays(40 + i % 3), "Đơn quá hạn số " + i);
        }
        var admin = signedIn.login("admin");
        for (int i = 0; i < 5; i++) {
            receive(signedIn, admin, "05983.UBND", today.minusDays(60), "Đơn cùng ngày nhận " + i);
        }
    }

    void receive(SignedInMvc signedIn, MockHttpSession session, String unit, LocalDate day, String subject) throws Exception {
        signedIn.mvc().perform(PetitionApiIntegrationTests.json(post("/api/petitions"), session, """
                {"unit": "%s", "receivedOn": "%s", "channel": "POST", "petitionerKind": "PERSON",
                 "subject": "%s", "persons": [{"name": "Vi Văn Bảy"}]}""".formatted(unit, day, subject)))
                .andExpect(status().isCreated());
    }

    List<Long> before(Long unitId, ContentKind kind) {
        var unitIds = queries.unitsFor(unitId, users.require());
        return jdbc.sql(BEFORE).param("all", unitIds == null)
                .param("units", unitIds == null ? new Long[0] : unitIds.toArray(Long[]::new))
                .param("kind", kind == null ? null : kind.name()).param("today", LocalDate.now(clock))
                .query(Long.class).list();
    }

    /** Every page of the list now, of the given size, one after the other; each page's total checked against the count. */
    List<Long> now(Long unitId, ContentKind kind, int size, long count) {
        var ids = new ArrayList<Long>();
        for (int page = 0; ; page++) {
            var result = queries.search(new PetitionFilter(null, kind, null, null, unitId, null, null, true, null), page, size,
                    users.require());
            assertThat(result.totalElements()).as("the count on page " + page).isEqualTo(count);
            if (result.content().isEmpty()) {
                return ids;
            }
            result.content().forEach(r -> ids.add(r.id()));
        }
    }

    @Test
    void theOverdueListHasTheCountAndThePagesOfTheStatementBefore() throws Exception {
        var signedIn = new SignedInMvc(context);
        receiveOverduePetitions(signedIn);
        var today = LocalDate.now(clock);
        var commune = units.findByCode("05983.UBND", today).orElseThrow().id();
        var province = units.findByCode("20", today).orElseThrow().id();
        var seen = 0;
        for (var username : List.of("admin", "canbo.langson", "canbo.luongvantri")) {
            SecurityContextHolder.setContext((SecurityContext) signedIn.login(username)
                    .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
            var asked = new ArrayList<Long>();
            asked.add(null);
            if (username.equals("admin")) {
                asked.add(province);
            }
            asked.add(commune);
            for (var unitId : asked) {
                for (var kind : new ContentKind[] {null, ContentKind.COMPLAINT}) {
                    var before = before(unitId, kind);
                    for (var size : List.of(3, 20)) {
                        assertThat(now(unitId, kind, size, before.size())).as(username + " " + unitId + " " + kind + " by " + size)
                                .containsExactlyElementsOf(before);
                    }
                    seen += before.size();
                }
            }
            SecurityContextHolder.clearContext();
        }
        assertThat(seen).as("overdue petitions were listed").isGreaterThan(20);
    }
}
