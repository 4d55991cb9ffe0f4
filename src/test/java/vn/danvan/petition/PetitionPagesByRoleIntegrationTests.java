package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * A petition's and a matter's pages offer their forms that write (processing, recording a step) only to those who may
 * write the unit: a viewer reads them without forms he would be refused on saving; an officer of the unit gets them.
 */
@SpringBootTest
class PetitionPagesByRoleIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    long waitingPetition(String unit) {
        return jdbc.sql("""
                        select p.id from petition p join org_unit u on u.id = p.unit_id
                        where u.code = :unit and p.status = 'RECEIVED' order by p.id limit 1""")
                .param("unit", unit).query(Long.class).single();
    }

    long openMatter(String unit) {
        return jdbc.sql("""
                        select m.id from petition_matter m join org_unit u on u.id = m.unit_id
                        where u.code = :unit and m.status in ('ACCEPTED', 'VERIFYING') order by m.id limit 1""")
                .param("unit", unit).query(Long.class).single();
    }

    String page(String username, String path) throws Exception {
        var signedIn = new SignedInMvc(context);
        return signedIn.mvc().perform(get(path).session(signedIn.login(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aViewerReadsAPetitionAndAMatterWithoutTheirFormsThatWrite() throws Exception {
        var petition = waitingPetition("37.BTCD");
        var matter = openMatter("37.BTCD");

        var petitionPage = page("xem.ninhbinh", "/petitions/" + petition);
        assertThat(petitionPage).contains("37.BTCD-").doesNotContain("/petitions/" + petition + "/processing");
        var matterPage = page("xem.ninhbinh", "/matters/" + matter);
        assertThat(matterPage).contains("VV-37.BTCD-").doesNotContain("/matters/" + matter + "/steps");
    }

    /** A session held by a head (it has a notice of conclusion) at a unit of the province. */
    long headsSession(String province) {
        return jdbc.sql("""
                        select s.id from petition_session s join org_unit u on u.id = s.unit_id
                        where u.path like (select p.path from org_unit p where p.code = :province and p.valid_to is null) || '%'
                          and s.host <> 'OFFICE' order by s.id limit 1""")
                .param("province", province).query(Long.class).single();
    }

    @Test
    void aViewerReadsTheReceptionDeskAndASessionWithoutTheirFormsThatWrite() throws Exception {
        var session = headsSession("37");

        assertThat(page("xem.ninhbinh", "/reception")).contains("/reception/sessions/" + session)
                .doesNotContain("action=\"/reception/sessions\"");
        assertThat(page("xem.ninhbinh", "/reception/sessions/" + session))
                .doesNotContain("/reception/sessions/" + session + "/visits")
                .doesNotContain("/reception/sessions/" + session + "/conclusion")
                .contains("Thông báo kết luận");
        assertThat(page("canbo.langson", "/reception/sessions/" + headsSession("20")))
                .contains("/visits").contains("/conclusion");
    }

    @Test
    void theIntakeButtonIsOfferedToAnOfficerNotToAViewer() throws Exception {
        assertThat(page("xem.ninhbinh", "/petitions/work")).doesNotContain("href=\"/petitions/new\"");
        assertThat(page("xem.ninhbinh", "/petitions")).doesNotContain("href=\"/petitions/new\"");
        assertThat(page("tiepdan.langson", "/petitions/work")).contains("href=\"/petitions/new\"");
        assertThat(page("tiepdan.langson", "/petitions")).contains("href=\"/petitions/new\"");
        // the intake page itself: a viewer is told why there is no form
        assertThat(page("xem.ninhbinh", "/petitions/new")).doesNotContain("action=\"/petitions/new\"")
                .contains("Tài khoản của bạn chỉ được xem đơn thư, không tiếp nhận đơn.");
        assertThat(page("tiepdan.langson", "/petitions/new")).contains("action=\"/petitions/new\"");
    }

    @Test
    void anOfficerOfTheUnitGetsTheFormsThatWrite() throws Exception {
        var petition = waitingPetition("20.BTCD");
        var matter = openMatter("20.BTCD");

        assertThat(page("canbo.langson", "/petitions/" + petition)).contains("/petitions/" + petition + "/processing");
        assertThat(page("canbo.langson", "/matters/" + matter)).contains("/matters/" + matter + "/steps");
    }
}
