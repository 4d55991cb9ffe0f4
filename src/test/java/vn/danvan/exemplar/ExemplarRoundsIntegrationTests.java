package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * Rounds: a commune's yearly assessment round lists its models being implemented and shows the
 * result table; a ceremony picks typical models across a subtree and commends them all or none.
 */
@SpringBootTest
class ExemplarRoundsIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Clock clock;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    long model(MockHttpSession session, String unit, String name, String registeredOn, boolean recognise) throws Exception {
        var body = mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars"), session, """
                {"kind": "COLLECTIVE", "name": "%s", "unit": "%s", "registrantType": "RESIDENTIAL_AREA", "fields": ["ECONOMY"],
                 "registeredOn": "%s"}""".formatted(name, unit, registeredOn)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        step(session, id, """
                {"action": "START", "day": "%s"}""".formatted(registeredOn));
        if (recognise) {
            step(session, id, """
                    {"action": "ASSESS", "day": "%s", "assessor": "Hội đồng", "criteria": [{"name": "Hiệu quả", "score": 18, "max": 20}]}"""
                    .formatted(registeredOn));
            step(session, id, """
                    {"action": "RECOGNISE", "day": "%s", "level": "COMMUNE", "decisionNumber": "7/QĐ-UBND", "issuer": "UBND phường"}"""
                    .formatted(registeredOn));
        }
        return id;
    }

    void step(MockHttpSession session, long id, String body) throws Exception {
        mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars/" + id + "/steps"), session, body)).andExpect(status().isOk());
    }

    @Test
    void anAssessmentRoundListsTheModelsBeingImplementedAndShowsWhoPassed() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var year = LocalDate.now(clock).getYear();
        var today = LocalDate.now(clock).toString();
        var first = model(officer, "05983", "Mô hình đợt đánh giá một", today, false);
        var second = model(officer, "05983", "Mô hình đợt đánh giá hai", today, false);
        var created = mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars/rounds"), officer, """
                {"kind": "ASSESSMENT", "unit": "05983", "name": "Đánh giá năm %d", "fromYear": %d,
                 "criteria": [{"name": "Hiệu quả", "max": 50}, {"name": "Sự tham gia của dân", "max": 50}]}""".formatted(year, year)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long round = ((Number) JsonPath.read(created, "$.id")).longValue();
        List<Number> listed = JsonPath.read(created, "$.items[*].exemplarId");
        assertThat(listed.stream().map(Number::longValue).toList()).contains(first, second);

        mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars/rounds/" + round + "/assessments"), officer, """
                {"exemplarId": %d, "scores": [40, 35], "day": "%s"}""".formatted(first, today))).andExpect(status().isOk());
        mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars/rounds/" + round + "/assessments"), officer, """
                {"exemplarId": %d, "scores": [10, 12], "day": "%s"}""".formatted(second, today)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.exemplarId == " + first + ")].passed").value(Matchers.contains(true)))
                .andExpect(jsonPath("$.items[?(@.exemplarId == " + second + ")].passed").value(Matchers.contains(false)))
                .andExpect(jsonPath("$.items[?(@.exemplarId == " + first + ")].total").value(Matchers.contains(75.0)));
        // a score above the criterion's maximum is refused, naming the criterion
        mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars/rounds/" + round + "/assessments"), officer, """
                {"exemplarId": %d, "scores": [60, 10], "day": "%s"}""".formatted(second, today)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Hiệu quả")));
        mvc.perform(get("/api/exemplars/" + first).session(officer)).andExpect(jsonPath("$.status").value("ASSESSED"));
        mvc.perform(get("/exemplars/rounds/" + round).session(officer)).andExpect(status().isOk());
        mvc.perform(get("/api/exemplars/rounds/" + round).session(signedIn.login("canbo.dongkinh"))).andExpect(status().isNotFound());
    }

    @Test
    void aCeremonyCommendsEveryPickedModelOrNone() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var year = LocalDate.now(clock).getYear();
        var day = LocalDate.now(clock).minusDays(2).toString();
        var a = model(officer, "05977", "Mô hình lễ khen thưởng A", day, true);
        var b = model(officer, "05977", "Mô hình lễ khen thưởng B", day, true);
        var created = mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars/rounds"), officer, """
                {"kind": "CEREMONY", "unit": "05977", "name": "Biểu dương giai đoạn", "fromYear": %d, "toYear": %d,
                 "ceremonyOn": "%s", "decisionNumber": "99/QĐ-UBND", "issuer": "Chủ tịch UBND tỉnh", "form": "CERTIFICATE_OF_MERIT"}"""
                .formatted(year - 1, year, LocalDate.now(clock))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long round = ((Number) JsonPath.read(created, "$.id")).longValue();
        int version = JsonPath.read(created, "$.version");

        // B is paused after being picked: closing refuses, names B, and commends nobody
        mvc.perform(ExemplarIntegrationTests.json(put("/api/exemplars/rounds/" + round + "/selection"), officer, """
                {"exemplarIds": [%d, %d], "version": %d}""".formatted(a, b, version))).andExpect(status().isOk());
        step(officer, b, """
                {"action": "PAUSE"}""");
        var bNumber = JsonPath.read(mvc.perform(get("/api/exemplars/" + b).session(officer)).andReturn().getResponse().getContentAsString(),
                "$.number").toString();
        mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars/rounds/" + round + "/close"), officer, """
                {"version": %d}""".formatted(version + 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(bNumber)));
        mvc.perform(get("/api/exemplars/" + a).session(officer)).andExpect(jsonPath("$.commendations").isEmpty());

        // picking A alone, the ceremony closes: A is typical and commended under the ceremony's decision
        mvc.perform(ExemplarIntegrationTests.json(put("/api/exemplars/rounds/" + round + "/selection"), officer, """
                {"exemplarIds": [%d], "version": %d}""".formatted(a, version + 1))).andExpect(status().isOk());
        mvc.perform(ExemplarIntegrationTests.json(post("/api/exemplars/rounds/" + round + "/close"), officer, """
                {"version": %d}""".formatted(version + 2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(get("/api/exemplars/" + a).session(officer))
                .andExpect(jsonPath("$.status").value("COMMENDED"))
                .andExpect(jsonPath("$.recognitions[0].typical").value(true))
                .andExpect(jsonPath("$.commendations[0].decisionNumber").value("99/QĐ-UBND"));
        mvc.perform(ExemplarIntegrationTests.json(put("/api/exemplars/rounds/" + round + "/selection"), officer, """
                {"exemplarIds": [%d], "version": %d}""".formatted(a, version + 3)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theDemoHasAClosedCeremonyAndAnOpenAssessmentRound() throws Exception {
        var admin = signedIn.login("admin");
        mvc.perform(get("/api/exemplars/rounds").session(admin))
                .andExpect(jsonPath("$[?(@.kind == 'CEREMONY' && @.status == 'CLOSED')]").isNotEmpty())
                .andExpect(jsonPath("$[?(@.kind == 'ASSESSMENT')]").isNotEmpty());
        mvc.perform(get("/exemplars/rounds").session(admin)).andExpect(status().isOk());
    }
}
