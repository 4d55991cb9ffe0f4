package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;

/**
 * The officer's queue since the conditions are chosen in Java (no "cast(:all as boolean) or …", whose generic plan
 * read every waiting petition and every matter of the country): the same items in the same order as the statement
 * before — for a province officer, a commune officer and the administrator (every unit), all and urgent only.
 */
@SpringBootTest
class WorkQueueIntegrationTests {

    /**
     * PetitionQueries.queue's statement before session 9, the reference; with "mine" false for a matter without a
     * handler since session 19 (null sorted first under "desc": unassigned matters came above everything), and ordered
     * since session 20 by the due date that runs (a decided or suspended matter's is shown as none, and sorted so).
     */
    static final String BEFORE = """
            (select 'PETITION' as type, p.id, p.due_on, p.received_on as since, false as mine
             from petition p
             where p.status = 'RECEIVED' and (cast(:all as boolean) or p.unit_id = any(:units))
               and (not cast(:urgent as boolean) or p.due_on <= :soon))
            union all
            (select 'MATTER', m.id, case when m.status in ('ACCEPTED', 'VERIFYING') then m.due_on end,
                    coalesce(m.accepted_on, cast(m.created_at as date)),
                    coalesce(m.handler_id = :me, false)
             from petition_matter m
             where m.status in ('RECEIVED', 'ACCEPTED', 'VERIFYING', 'SUSPENDED', 'DECIDED')
               and (cast(:all as boolean) or m.unit_id = any(:units))
               and (not cast(:urgent as boolean) or (m.status in ('ACCEPTED', 'VERIFYING') and m.due_on <= :soon)))
            order by mine desc, due_on nulls last, since, type, id
            """;

    @Autowired
    WebApplicationContext context;
    @Autowired
    WorkQueue workQueue;
    @Autowired
    CurrentUsers users;
    @Autowired
    OrgScope scope;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signIn(String username) throws Exception {
        var session = new SignedInMvc(context).login(username);
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
    }

    /** The items of the statement before, in its order, each with its order keys (mine, due, since). */
    Map<String, String> asBefore(boolean urgent) {
        var user = users.require();
        var unitIds = scope.readableUnitIds(user);
        var items = new LinkedHashMap<String, String>();
        jdbc.sql(BEFORE).param("all", unitIds == null)
                .param("units", unitIds == null ? new Long[0] : unitIds.toArray(Long[]::new))
                .param("urgent", urgent).param("soon", workQueue.dueSoonLimit(LocalDate.now(clock))).param("me", user.id())
                .query((RowCallbackHandler) rs -> items.put(rs.getString("type") + " " + rs.getLong("id"),
                        rs.getObject("mine") + " " + rs.getObject("due_on") + " " + rs.getObject("since")));
        return items;
    }

    List<String> now(boolean urgent, int limit) {
        var items = workQueue.queue(users.require(), urgent, limit);
        return items.stream().map(i -> i.type() + " " + i.id()).toList();
    }

    @Test
    void everyOfficersQueueHoldsTheItemsOfTheStatementBeforeInTheSameOrder() throws Exception {
        var seen = 0;
        for (var username : List.of("canbo.langson", "canbo.thainguyen", "canbo.luongvantri", "admin")) {
            signIn(username);
            for (var urgent : List.of(false, true)) {
                var before = asBefore(urgent);
                var now = now(urgent, 100_000);
                assertThat(now).as(username + (urgent ? ", urgent" : "")).containsExactlyInAnyOrderElementsOf(before.keySet());
                // the order: the same (mine, due, since) sequence; items with equal keys may come in any order
                assertThat(now.stream().map(before::get).toList()).as(username + " order").containsExactlyElementsOf(before.values());
                seen += now.size();
            }
            signOut();
        }
        assertThat(seen).as("the demo's officers have waiting petitions and open matters").isPositive();
    }

    @Test
    void theMattersAssignedToTheOfficerComeFirstMarkedSoThenEverythingByDueDateUnassignedMattersAmongThem() throws Exception {
        signIn("canbo.dongkinh");
        var before = asBefore(false);
        var items = workQueue.queue(users.require(), false, 100_000);
        var assigned = items.stream().filter(PetitionViews.WorkItem::assignedToMe).map(i -> i.type() + " " + i.id()).toList();
        var handled = jdbc.sql("""
                        select 'MATTER ' || m.id from petition_matter m join identity_user u on u.id = m.handler_id
                        where u.username = 'canbo.dongkinh' and m.status in ('RECEIVED', 'ACCEPTED', 'VERIFYING', 'SUSPENDED', 'DECIDED')""")
                .query(String.class).list();
        // the matters of the officer's units handled by the officer (a matter may be assigned outside them)
        var queued = items.stream().map(i -> i.type() + " " + i.id()).filter(handled::contains).toList();
        assertThat(assigned).as("the demo assigns matters to canbo.dongkinh").isNotEmpty().containsExactlyInAnyOrderElementsOf(queued);
        assertThat(items.subList(0, assigned.size())).allMatch(PetitionViews.WorkItem::assignedToMe);
        // after them, by due date with the undated last: an unassigned matter's null "mine" once sorted it first
        var dues = items.subList(assigned.size(), items.size()).stream()
                .map(i -> before.get(i.type() + " " + i.id()).split(" ")[1]).toList();
        var dated = dues.stream().takeWhile(d -> !d.equals("null")).toList();
        assertThat(dated).isNotEmpty().isSorted();
        assertThat(dues.subList(dated.size(), dues.size())).allMatch(d -> d.equals("null"));
        // the due dates the page shows are in that order: none shown ("—") comes only after every one shown
        var shown = items.subList(assigned.size(), items.size()).stream().map(i -> i.due() == null ? null : i.due().dueOn()).toList();
        var shownDated = shown.stream().takeWhile(java.util.Objects::nonNull).toList();
        assertThat(shownDated).isNotEmpty().isSorted();
        assertThat(shown.subList(shownDated.size(), shown.size())).containsOnlyNulls();
        var signedIn = new SignedInMvc(context);
        var page = signedIn.mvc().perform(get("/petitions/work").session(signedIn.login("canbo.dongkinh")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.split("Được giao cho tôi", -1)).hasSize(Math.min(assigned.size(), 300) + 1);
    }

    @Test
    void thePagesOfAQueueAreTheWholeQueueInItsOrderNoItemRepeatedOrSkipped() throws Exception {
        signIn("admin");
        var whole = now(false, 100_000);
        assertThat(whole).as("the demo's whole queue").hasSizeGreaterThan(20);
        var paged = new java.util.ArrayList<String>();
        for (int offset = 0; ; offset += 7) {
            var page = workQueue.queue(users.require(), false, offset, 7).stream().map(i -> i.type() + " " + i.id()).toList();
            paged.addAll(page);
            if (page.size() < 7) {
                break;
            }
        }
        assertThat(paged).containsExactlyElementsOf(whole);
        var signedIn = new SignedInMvc(context);
        var session = signedIn.login("admin");
        var api = signedIn.mvc().perform(get("/api/petitions/queue").param("page", "2").param("size", "5").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> types = JsonPath.read(api, "$[*].type");
        List<Integer> ids = JsonPath.read(api, "$[*].id");
        var third = java.util.stream.IntStream.range(0, ids.size()).mapToObj(i -> types.get(i) + " " + ids.get(i)).toList();
        assertThat(third).as("the API's third page of five").containsExactlyElementsOf(whole.subList(10, 15));
        signedIn.mvc().perform(get("/api/petitions/queue").param("page", "100000").session(session))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void aLimitedQueueIsTheFirstItemsOfTheWholeQueue() throws Exception {
        signIn("canbo.langson");
        var before = asBefore(false);
        assertThat(before).hasSizeGreaterThan(3);
        var limited = now(false, 3);
        assertThat(limited.stream().map(before::get).toList()).containsExactlyElementsOf(before.values().stream().limit(3).toList());
    }
}
