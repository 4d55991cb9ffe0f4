package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * A leader grants a case, that is the sight of a petition's protected identities (a denouncer's), only to someone who may
 * work on the petition's unit, as a matter's handler is chosen; the petition page offers only those.
 */
@SpringBootTest
@Transactional
class IdentityGrantIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    /** A protected petition of Lạng Sơn's citizen reception board. */
    long protectedPetition() {
        return jdbc.sql("""
                        select p.id from petition p join org_unit u on u.id = p.unit_id
                        where u.code = '20.BTCD' and p.protected order by p.id limit 1""")
                .query(Long.class).single();
    }

    long account(String username) {
        return jdbc.sql("select id from identity_user where username = :u").param("u", username).query(Long.class).single();
    }

    int grants(long petition, long account) {
        return jdbc.sql("select count(*) from petition_identity_grant where petition_id = :p and account_id = :a")
                .param("p", petition).param("a", account).query(Integer.class).single();
    }

    int trail(long petition) {
        return jdbc.sql("""
                        select (select count(*) from petition_step where petition_id = :p and kind = 'IDENTITY_GRANTED')
                             + (select count(*) from audit_log a join petition p on a.entity_id = p.number
                                where p.id = :p and a.action = 'petition.identity-granted')""")
                .param("p", petition).query(Integer.class).single();
    }

    @Test
    void aDenouncersIdentityIsNotGrantedToSomeoneWhoCannotWorkOnTheCaseAndNothingIsWritten() throws Exception {
        var petition = protectedPetition();
        var signedIn = new SignedInMvc(context);
        MockHttpSession leader = signedIn.login("lanhdao.langson");
        var before = trail(petition);

        // Thái Nguyên's officer, a ward officer of Lạng Sơn (the board is the province's), an id that is no account
        for (var accountId : new long[] {account("canbo.thainguyen"), account("canbo.dongkinh"), 987_654_321L}) {
            signedIn.mvc().perform(post("/petitions/" + petition + "/grants").param("accountId", String.valueOf(accountId))
                            .session(leader).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("flashError",
                            "Không giao được: người này không làm việc được trên vụ việc của đơn vị (ngoài phạm vi công tác của họ,"
                                    + " hoặc tài khoản đã bị khóa), nên không được xem danh tính người gửi đơn."));
            assertThat(grants(petition, accountId)).as("grant to " + accountId).isZero();
        }
        assertThat(trail(petition)).as("no step, no audit record").isEqualTo(before);

        // the province's officer who works on the board's cases
        var officer = account("canbo.langson");
        signedIn.mvc().perform(post("/petitions/" + petition + "/grants").param("accountId", String.valueOf(officer))
                        .session(leader).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", org.hamcrest.Matchers.notNullValue()));
        assertThat(grants(petition, officer)).isOne();
        assertThat(trail(petition)).as("the step and the audit record").isEqualTo(before + 2);
    }

    @Test
    void thePetitionPageOffersTheBoardsStaffAndTheProvincesOfficersAndNoOneElsewhere() throws Exception {
        var petition = protectedPetition();
        var signedIn = new SignedInMvc(context);
        var page = signedIn.mvc().perform(get("/petitions/" + petition).session(signedIn.login("lanhdao.langson")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var start = page.indexOf("name=\"accountId\"");
        var select = page.substring(start, page.indexOf("</select>", start));
        var offered = Pattern.compile("\\(([a-z.]+)\\)</option>").matcher(select).results().map(r -> r.group(1)).toList();

        assertThat(offered).contains("tiepdan.langson", "canbo.langson").doesNotContain("canbo.dongkinh", "canbo.thainguyen");
    }

    @Test
    void anOfficerWhoMayNotGrantSeesNoGrantFormAndIsRefusedIfHePostsOne() throws Exception {
        var petition = protectedPetition();
        var signedIn = new SignedInMvc(context);
        var officer = signedIn.login("canbo.langson");
        var page = signedIn.mvc().perform(get("/petitions/" + petition).session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("name=\"accountId\"").doesNotContain("/grants");

        var colleague = account("tiepdan.langson");
        var before = grants(petition, colleague);
        signedIn.mvc().perform(post("/petitions/" + petition + "/grants").param("accountId", String.valueOf(colleague))
                        .session(officer).with(csrf()))
                .andExpect(flash().attribute("flashError", "Chỉ lãnh đạo đơn vị mới giao vụ việc (cho xem danh tính)."));
        assertThat(grants(petition, colleague)).isEqualTo(before);
    }
}
