package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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

    /** PetitionQueries.queue's statement before session 9, the reference. */
    static final String BEFORE = """
            (select 'PETITION' as type, p.id, p.due_on, p.received_on as since, false as mine
             from petition p
             where p.status = 'RECEIVED' and (cast(:all as boolean) or p.unit_id = any(:units))
               and (not cast(:urgent as boolean) or p.due_on <= :soon))
            union all
            (select 'MATTER', m.id, m.due_on, coalesce(m.accepted_on, cast(m.created_at as date)), m.handler_id = :me
             from petition_matter m
             where m.status in ('RECEIVED', 'ACCEPTED', 'VERIFYING', 'SUSPENDED', 'DECIDED')
               and (cast(:all as boolean) or m.unit_id = any(:units))
               and (not cast(:urgent as boolean) or (m.status in ('ACCEPTED', 'VERIFYING') and m.due_on <= :soon)))
            order by mine desc, due_on nulls last, since, type, id
            """;

    @Autowired
    WebApplicationContext context;
    @Autowired
    PetitionQueries queries;
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

    record Key(String type, long id, LocalDate dueOn, LocalDate since, boolean mine) {
    }

    /** The queue's order keys: equal keys may come in any order, so both lists are compared by (keys, type, id). */
    List<String> asBefore(boolean urgent) {
        var user = users.require();
        var unitIds = scope.readableUnitIds(user);
        return jdbc.sql(BEFORE).param("all", unitIds == null)
                .param("units", unitIds == null ? new Long[0] : unitIds.toArray(Long[]::new))
                .param("urgent", urgent).param("soon", queries.dueSoonLimit(LocalDate.now(clock))).param("me", user.id())
                .query((rs, n) -> rs.getString("type") + " " + rs.getLong("id")).list();
    }

    List<String> now(boolean urgent, int limit) {
        var items = queries.queue(users.require(), urgent, limit);
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
                assertThat(now).as(username + (urgent ? ", urgent" : "")).containsExactlyInAnyOrderElementsOf(before);
                // the order: the same (mine, due, since) sequence; ties may come in any order
                var nowKeys = now.stream().map(this::orderKey).toList();
                var beforeKeys = before.stream().map(this::orderKey).toList();
                assertThat(nowKeys).as(username + " order").isEqualTo(beforeKeys);
                seen += now.size();
            }
            signOut();
        }
        assertThat(seen).as("the demo's officers have waiting petitions and open matters").isPositive();
    }

    @Test
    void aLimitedQueueIsTheFirstItemsOfTheWholeQueue() throws Exception {
        signIn("canbo.langson");
        var whole = now(false, 100_000);
        assertThat(whole).hasSizeGreaterThan(3);
        var limited = now(false, 3);
        assertThat(limited.stream().map(this::orderKey).toList()).isEqualTo(whole.subList(0, 3).stream().map(this::orderKey).toList());
    }

    String orderKey(String item) {
        var parts = item.split(" ");
        var id = Long.parseLong(parts[1]);
        var user = users.require();
        var sql = parts[0].equals("PETITION")
                ? "select false as mine, due_on, received_on as since from petition where id = :id"
                : "select handler_id = :me as mine, due_on,"
                        + " coalesce(accepted_on, cast(created_at as date)) as since from petition_matter where id = :id";
        var spec = jdbc.sql(sql).param("id", id);
        if (!parts[0].equals("PETITION")) {
            spec = spec.param("me", user.id());
        }
        return spec.query((rs, n) -> rs.getObject("mine") + " " + rs.getObject("due_on", LocalDate.class) + " "
                + rs.getObject("since", LocalDate.class)).single();
    }
}
