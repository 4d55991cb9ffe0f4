package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;

/** The queue's page shows its first items and leads to the next pages, on which the rest of the queue follows in its order. */
@SpringBootTest
@Transactional
class WorkQueuePageIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    PetitionManagement petitions;
    @Autowired
    WorkQueue workQueue;
    @Autowired
    OrgUnits units;
    @Autowired
    Clock clock;

    static final String NEXT = "rel=\"next\"";
    static final String PREVIOUS = "rel=\"prev\"";

    String page(String username, int page) throws Exception {
        var signedIn = new SignedInMvc(context);
        return signedIn.mvc().perform(get("/petitions/work").param("page", String.valueOf(page)).session(signedIn.login(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static int rows(String page) {
        return page.split("class=\"dv-code\"", -1).length - 1;
    }

    /** The numbers of the page's items, in its order. */
    static List<String> numbers(String page) {
        return java.util.regex.Pattern.compile("class=\"dv-code\">\\s*<a href=\"[^\"]*\">([^<]+)</a>").matcher(page).results()
                .map(m -> m.group(1)).toList();
    }

    @Test
    void aQueueLongerThanItsPageShowsItsFirstItemsAndLeadsToTheRestOnTheNextPage() throws Exception {
        var today = LocalDate.now(clock);
        var root = units.findByCode("VN", today).orElseThrow().id();
        var admin = new CurrentUser(0, "test.queue", "Kiểm thử hàng việc", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        var board = units.findByCode("20.BTCD", today).orElseThrow().id();
        var open = workQueue.queue(admin, false, 100_000).size();
        for (int i = open; i <= PetitionController.WORK_PAGE + 5; i++) {
            petitions.receive(new NewPetition(board, today, Channel.POST, null, null, PetitionerKind.PERSON, 1,
                    "Kiến nghị số " + i + " về chiếu sáng đường làng", null, null, null,
                    List.of(new PersonInput(PersonRole.PETITIONER, false, "Lục Văn Hàng", null, null, null)), null, null), admin);
        }
        var whole = workQueue.queue(admin, false, 100_000).stream().map(PetitionViews.WorkItem::number).toList();
        assertThat(whole).hasSizeGreaterThan(PetitionController.WORK_PAGE);

        var first = page("admin", 0);
        assertThat(rows(first)).isEqualTo(PetitionController.WORK_PAGE);
        assertThat(first).contains("Trang 1: việc 1–300", NEXT, "page=1").doesNotContain(PREVIOUS);
        assertThat(first.split(NEXT, -1)).as("the pages' links above and below the list").hasSize(3);
        var second = page("admin", 1);
        assertThat(rows(second)).isEqualTo(whole.size() - PetitionController.WORK_PAGE);
        assertThat(second).contains("Trang 2: việc 301–" + whole.size(), PREVIOUS, "page=0").doesNotContain(NEXT);
        var both = new java.util.ArrayList<>(numbers(first));
        both.addAll(numbers(second));
        assertThat(both).as("the two pages: the whole queue in its order").containsExactlyElementsOf(whole);
        var beyond = page("admin", 2);
        assertThat(rows(beyond)).isZero();
        assertThat(beyond).contains("Không còn việc nào ở trang này.", PREVIOUS);
    }

    @Test
    void aQueueWithinItsPageShowsEveryItemAndNoPages() throws Exception {
        var page = page("canbo.dongkinh", 0);
        assertThat(rows(page)).isPositive().isLessThan(PetitionController.WORK_PAGE);
        assertThat(page).doesNotContain(NEXT, PREVIOUS, "Trang 1: việc");
    }
}
