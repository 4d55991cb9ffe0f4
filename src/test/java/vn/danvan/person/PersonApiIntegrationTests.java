package vn.danvan.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/** People over HTTP: titles over time, accent-insensitive search, bad input naming the field, scope. */
@SpringBootTest
class PersonApiIntegrationTests {

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
    void aPersonsTitleFollowsThePositionsHeldOnEachDay() throws Exception {
        var user = signedIn.login("canbo.langson");
        var created = mvc.perform(post("/api/people").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Lường Thị Thử\", \"gender\": \"FEMALE\", \"ownerUnit\": \"20\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        for (var body : new String[] {
                "{\"unit\": \"20.SNV\", \"title\": \"Phó Giám đốc Sở Nội vụ\", \"validFrom\": \"2030-01-01\", \"validTo\": \"2031-12-31\"}",
                "{\"unit\": \"20.UBND\", \"title\": \"Phó Chủ tịch UBND tỉnh\", \"validFrom\": \"2032-01-01\"}",
                "{\"unit\": \"20.TU\", \"title\": \"Tỉnh ủy viên\", \"validFrom\": \"2031-06-01\"}"}) {
            mvc.perform(post("/api/people/" + id + "/positions").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/people/" + id + "/title").param("on", "2030-06-01").session(user))
                .andExpect(jsonPath("$.title").value("Phó Giám đốc Sở Nội vụ"));
        mvc.perform(get("/api/people/" + id + "/title").param("on", "2031-07-01").session(user))
                .andExpect(jsonPath("$.title").value("Phó Giám đốc Sở Nội vụ, Tỉnh ủy viên"));
        mvc.perform(get("/api/people/" + id + "/title").param("on", "2033-01-01").session(user))
                .andExpect(jsonPath("$.title").value("Phó Chủ tịch UBND tỉnh, Tỉnh ủy viên"));
        mvc.perform(get("/api/people/" + id + "/title").param("on", "2029-01-01").session(user))
                .andExpect(jsonPath("$.title").value(""));
        mvc.perform(get("/api/people").param("q", "luong thi thu").session(user))
                .andExpect(jsonPath("$.totalElements").value(1));
        // outside Lạng Sơn the person is not found
        mvc.perform(get("/api/people/" + id).session(signedIn.login("canbo.thainguyen"))).andExpect(status().isNotFound());
        // every change is in the audit trail: the person and each of the three positions
        var audited = jdbc.sql("""
                select action from audit_log where entity_type = 'person' and entity_id = :id order by id""")
                .param("id", String.valueOf(id)).query(String.class).list();
        assertThat(audited).containsExactly("person.created", "person.position-added", "person.position-added", "person.position-added");
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(post("/api/people").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \" \", \"birthYear\": 1800}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fullName"))
                .andExpect(jsonPath("$.errors[1].field").value("birthYear"));
        var created = mvc.perform(post("/api/people").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Vi Văn Kiểm\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/people/" + id + "/positions").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unit\": \"20.SNV\", \"title\": \"Chuyên viên\", \"validFrom\": \"2030-05-01\", \"validTo\": \"2030-04-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("heldTo"));
        // a position in another province's unit is out of the officer's write scope
        mvc.perform(post("/api/people/" + id + "/positions").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unit\": \"37.UBND\", \"title\": \"Chuyên viên\", \"validFrom\": \"2030-05-01\"}"))
                .andExpect(status().isNotFound());
    }
}
