package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;
import vn.danvan.SignedInMvc;

/** Who the matter page offers as a matter's handler: those ASSIGN accepts, from the matter's unit and the units above it. */
@SpringBootTest
class MatterHandlersIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MatterManagement matters;

    @Test
    void aBoardsMatterOffersTheBoardsStaffAndTheProvincesOfficersAndNoOneElsewhere() throws Exception {
        var matter = jdbc.sql("""
                        select m.id, m.unit_id from petition_matter m join org_unit u on u.id = m.unit_id
                        where u.code = '20.BTCD' and m.status = 'ACCEPTED' order by m.id limit 1""")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        var signedIn = new SignedInMvc(context);
        var page = signedIn.mvc().perform(get("/matters/" + matter[0]).session(signedIn.login("canbo.langson")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var select = page.substring(page.indexOf("name=\"handlerId\""), page.indexOf("</select>", page.indexOf("name=\"handlerId\"")));
        var offered = Pattern.compile("\\(([a-z.]+)\\)</option>").matcher(select).results().map(r -> r.group(1)).toList();

        // the board's reception officer and the province's officer who handles its matters in the demo
        assertThat(offered).contains("tiepdan.langson", "canbo.langson").doesNotContain("canbo.dongkinh", "canbo.thainguyen");
        for (var username : offered) {
            var id = jdbc.sql("select id from identity_user where username = :u").param("u", username).query(Long.class).single();
            assertThat(matters.mayHandle(id, matter[1])).as(username).isTrue();
        }
    }
    @Test
    void aDisabledAccountIsNoLongerAHandlerAndIsOneAgainOnceEnabled() {
        var unit = jdbc.sql("select id from org_unit where code = '20.BTCD'").query(Long.class).single();
        var id = jdbc.sql("select id from identity_user where username = 'tiepdan.langson'").query(Long.class).single();
        assertThat(matters.mayHandle(id, unit)).isTrue();
        jdbc.sql("update identity_user set enabled = false where id = :id").param("id", id).update();
        try {
            assertThat(matters.mayHandle(id, unit)).isFalse();
        } finally {
            jdbc.sql("update identity_user set enabled = true where id = :id").param("id", id).update();
        }
        assertThat(matters.mayHandle(id, unit)).isTrue();
        assertThat(matters.mayHandle(-1, unit)).as("no such account").isFalse();
    }
    @Test
    void theSecondOfTwoOfficersIsToldAndKeepsWhatHeTypedOnTheNewerVersion() throws Exception {
        var matter = jdbc.sql("""
                        select m.id from petition_matter_now m join org_unit u on u.id = m.unit_id
                        where u.code = '20.BTCD' and m.status = 'ACCEPTED' order by m.id desc limit 1""")
                .query(Long.class).single();
        var read = jdbc.sql("select version from petition_matter_now where id = :id").param("id", matter).query(Integer.class).single();
        var signedIn = new SignedInMvc(context);
        var first = signedIn.login("canbo.langson");
        var second = signedIn.login("tiepdan.langson");
        signedIn.mvc().perform(post("/matters/" + matter + "/steps").session(first).with(csrf())
                        .param("action", "FLAG_HOT").param("note", "Đông người tập trung").param("version", String.valueOf(read)))
                .andExpect(status().is3xxRedirection());

        var page = HtmlUtils.htmlUnescape(signedIn.mvc().perform(post("/matters/" + matter + "/steps").session(second).with(csrf())
                        .param("action", "FLAG_HOT").param("note", "Khiếu kiện kéo dài nhiều năm").param("version", String.valueOf(read)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page).contains("vừa được người khác cập nhật").contains("Đông người tập trung")
                .as("what the second officer typed is still in the form").contains(">Khiếu kiện kéo dài nhiều năm</textarea>")
                .as("on the newer version").contains("name=\"version\" value=\"" + (read + 1) + "\"");
        assertThat(jdbc.sql("select count(*) from petition_step where matter_id = :id and kind = 'HOT_FLAGGED' and note like 'Khiếu kiện%'")
                .param("id", matter).query(Long.class).single()).as("nothing of the second save was written").isZero();

        // the demo matter as it was for the other tests: no manual flag
        signedIn.mvc().perform(post("/matters/" + matter + "/steps").session(first).with(csrf())
                        .param("action", "UNFLAG_HOT").param("version", String.valueOf(read + 1)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select hot_manual from petition_matter_now where id = :id").param("id", matter)
                .query(Boolean.class).single()).isFalse();
    }
}
