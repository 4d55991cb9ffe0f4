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

/** The queue's page shows its first items and says when more are open beyond them, rather than cutting them silently. */
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

    static final String MORE = "Chỉ hiện 300 việc đầu tiên";

    String page(String username) throws Exception {
        var signedIn = new SignedInMvc(context);
        return signedIn.mvc().perform(get("/petitions/work").session(signedIn.login(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static int rows(String page) {
        return page.split("class=\"dv-code\"", -1).length - 1;
    }

    @Test
    void aQueueLongerThanItsPageShowsItsFirstItemsAndSaysMoreAreOpen() throws Exception {
        var today = LocalDate.now(clock);
        var root = units.findByCode("VN", today).orElseThrow().id();
        var admin = new CurrentUser(0, "test.queue", "Kiểm thử hàng việc", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        var board = units.findByCode("20.BTCD", today).orElseThrow().id();
        var open = workQueue.queue(admin, false, 100_000).size();
        for (int i = open; i <= PetitionController.WORK_PAGE; i++) {
            petitions.receive(new NewPetition(board, today, Channel.POST, null, null, PetitionerKind.PERSON, 1,
                    "Kiến nghị số " + i + " về chiếu sáng đường làng", null, null, null,
                    List.of(new PersonInput(PersonRole.PETITIONER, false, "Lục Văn Hàng", null, null, null)), null, null), admin);
        }
        assertThat(workQueue.queue(admin, false, 100_000)).hasSizeGreaterThan(PetitionController.WORK_PAGE);

        var page = page("admin");
        assertThat(rows(page)).isEqualTo(PetitionController.WORK_PAGE);
        assertThat(page).contains(MORE);
    }

    @Test
    void aQueueWithinItsPageShowsEveryItemAndNoNotice() throws Exception {
        var page = page("canbo.dongkinh");
        assertThat(rows(page)).isPositive().isLessThan(PetitionController.WORK_PAGE);
        assertThat(page).doesNotContain(MORE);
    }
}
