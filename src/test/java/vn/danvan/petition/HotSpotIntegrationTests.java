package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;

/**
 * Hot spots seen early: a crowd delegation on a matter puts it on the board with its reason, a
 * matter that is only overdue is watched but not flagged, a manual flag needs a reason, and a crowd's
 * representatives are checked.
 */
@SpringBootTest
class HotSpotIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Clock clock;
    @Autowired
    ReceptionDesk desk;
    @Autowired
    OrgUnits units;
    @Autowired
    CurrentUsers users;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    /** A complaint accepted on the given day, its place not recorded (so no place-load signal from the demo records). */
    String acceptedComplaint(MockHttpSession officer, String subject, LocalDate day) throws Exception {
        var received = mvc.perform(PetitionApiIntegrationTests.json(post("/api/petitions"), officer, """
                {"unit": "05983.UBND", "receivedOn": "%s", "channel": "IN_PERSON", "petitionerKind": "PERSON",
                 "subject": "%s", "persons": [{"name": "Lục Văn Đông"}]}""".formatted(day, subject)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(received, "$.number");
        mvc.perform(PetitionApiIntegrationTests.json(post("/api/petitions/" + number + "/processing"), officer, """
                {"contentKind": "COMPLAINT", "field": "ADMIN_LAND", "eligible": true, "competence": "WITHIN", "handling": "ACCEPT",
                 "day": "%s"}""".formatted(day))).andExpect(status().isOk());
        String matter = JsonPath.read(mvc.perform(get("/api/petitions/" + number).session(officer)).andReturn().getResponse()
                .getContentAsString(), "$.matter.number");
        step(officer, matter, "{\"action\": \"ACCEPT\", \"day\": \"%s\"}".formatted(day));
        return matter;
    }

    void step(MockHttpSession officer, String matter, String body) throws Exception {
        var response = mvc.perform(PetitionApiIntegrationTests.json(post("/api/matters/" + matter + "/steps"), officer, body))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    }

    List<String> reasons(MockHttpSession session, String matter) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/matters/" + matter).session(session)).andReturn().getResponse().getContentAsString(),
                "$.hotReasons");
    }

    String board(MockHttpSession session) throws Exception {
        return mvc.perform(get("/api/hot-spots").session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aCrowdDelegationOnAMatterPutsItOnTheBoardWithItsReason() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var today = LocalDate.now(clock);
        var matter = acceptedComplaint(officer, "Khiếu nại mức bồi thường dự án mở rộng chợ Đông Kinh", today.minusDays(3));
        assertThat(reasons(officer, matter)).doesNotContain("CROWD");
        assertThat(board(officer)).doesNotContain(matter);

        var matterId = ((Number) JsonPath.read(mvc.perform(get("/api/matters/" + matter).session(officer)).andReturn().getResponse()
                .getContentAsString(), "$.id")).longValue();
        var unit = units.findByCode("05983.UBND", today).orElseThrow();
        var user = signedInUser(officer);
        var session = desk.openSession(new ReceptionDesk.NewSession(unit.id(), SessionKind.REGULAR, SessionHost.OFFICE,
                SessionMode.IN_PERSON, today, "Trụ sở tiếp công dân phường", null, null, false), user);
        var visit = desk.recordVisit(session, new ReceptionDesk.NewVisit(8, 2, matterId, false, ContentKind.COMPLAINT,
                "Tám hộ dân cùng khiếu nại mức bồi thường", null, false, null, null, null, null,
                List.of(new PersonInput(PersonRole.REPRESENTATIVE, false, "Hà Văn Một", null, null, null),
                        new PersonInput(PersonRole.REPRESENTATIVE, false, "Hà Thị Hai", null, null, null)), false, null), user);
        assertThat(visit.crowd()).isTrue();

        assertThat(reasons(officer, matter)).contains("CROWD");
        var json = board(officer);
        List<String> flagged = JsonPath.read(json, "$[*].matters[*].number");
        assertThat(flagged).contains(matter);
        List<List<String>> why = JsonPath.read(json, "$[*].matters[?(@.number == '" + matter + "')].reasons");
        assertThat(why.get(0)).contains("CROWD");
        // another ward's officer does not see it on his board
        assertThat(board(signedIn.login("canbo.dongkinh"))).doesNotContain(matter);
    }

    @Test
    void anOverdueMatterAloneIsWatchedNotFlaggedUntilAnOfficerFlagsItWithAReason() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var matter = acceptedComplaint(officer, "Khiếu nại việc cấp phép xây dựng nhà xưởng", LocalDate.now(clock).minusDays(80));
        var detail = mvc.perform(get("/api/matters/" + matter).session(officer)).andReturn().getResponse().getContentAsString();
        assertThat((Boolean) JsonPath.read(detail, "$.due.overdue")).isTrue();
        assertThat(reasons(officer, matter)).as("one signal alone is watched, not flagged").isEmpty();
        assertThat(board(officer)).doesNotContain(matter);
        var refused = mvc.perform(PetitionApiIntegrationTests.json(post("/api/matters/" + matter + "/steps"), officer,
                "{\"action\": \"FLAG_HOT\"}")).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(refused, "$.errors[0].field")).isEqualTo("note");
        step(officer, matter, "{\"action\": \"FLAG_HOT\", \"note\": \"Nhiều hộ dân kéo đến trụ sở UBND phường\"}");
        assertThat(reasons(officer, matter)).contains("OVERDUE", "MANUAL");
        assertThat(board(officer)).contains(matter, "Nhiều hộ dân kéo đến trụ sở UBND phường");
    }

    @Test
    void manyPetitionsAboutTheSameMatterWithinTheWindowAreASignalThatPutsAnOverdueMatterOnTheBoard() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var today = LocalDate.now(clock);
        var matter = acceptedComplaint(officer, "Khiếu nại phương án bồi thường cây trồng dự án hồ chứa", today.minusDays(80));
        // the matter's first petition (80 days ago) and three more in the window: four, under the threshold of five
        for (int i = 1; i <= 4; i++) {
            var day = i == 4 ? today.minusDays(120) : today.minusDays(10 * i);
            var received = mvc.perform(PetitionApiIntegrationTests.json(post("/api/petitions"), officer, """
                    {"unit": "05983.UBND", "receivedOn": "%s", "channel": "POST", "petitionerKind": "PERSON",
                     "subject": "Hộ thứ %d khiếu nại phương án bồi thường cây trồng", "persons": [{"name": "Lục Văn Đông"}]}"""
                    .formatted(day, i))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            String number = JsonPath.read(received, "$.number");
            mvc.perform(PetitionApiIntegrationTests.json(post("/api/petitions/" + number + "/processing"), officer, """
                    {"contentKind": "COMPLAINT", "field": "ADMIN_LAND", "eligible": true, "competence": "WITHIN", "handling": "ACCEPT",
                     "matter": "%s", "day": "%s"}""".formatted(matter, today))).andExpect(status().isOk());
        }
        // the fourth joined was received before the window (120 days ago): four in the window
        var detail = mvc.perform(get("/api/matters/" + matter).session(officer)).andReturn().getResponse().getContentAsString();
        assertThat((Boolean) JsonPath.read(detail, "$.due.overdue")).isTrue();
        assertThat((List<?>) JsonPath.read(detail, "$.petitions")).hasSize(5);
        assertThat(reasons(officer, matter)).as("overdue alone (four petitions in the window): watched, not flagged").isEmpty();
        assertThat(board(officer)).doesNotContain(matter);

        var received = mvc.perform(PetitionApiIntegrationTests.json(post("/api/petitions"), officer, """
                {"unit": "05983.UBND", "receivedOn": "%s", "channel": "IN_PERSON", "petitionerKind": "PERSON",
                 "subject": "Hộ thứ năm khiếu nại phương án bồi thường cây trồng", "persons": [{"name": "Lục Thị Năm"}]}"""
                .formatted(today))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String fifth = JsonPath.read(received, "$.number");
        mvc.perform(PetitionApiIntegrationTests.json(post("/api/petitions/" + fifth + "/processing"), officer, """
                {"contentKind": "COMPLAINT", "field": "ADMIN_LAND", "eligible": true, "competence": "WITHIN", "handling": "ACCEPT",
                 "matter": "%s", "day": "%s"}""".formatted(matter, today))).andExpect(status().isOk());

        assertThat(reasons(officer, matter)).containsExactly("MANY_PETITIONS_ON_MATTER", "OVERDUE");
        var json = board(officer);
        List<List<String>> why = JsonPath.read(json, "$[*].matters[?(@.number == '" + matter + "')].reasons");
        assertThat(why).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly("MANY_PETITIONS_ON_MATTER", "OVERDUE");
        var page = mvc.perform(get("/hot-spots").session(officer)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nhiều đơn về cùng vụ việc");
    }

    /** A petition about the place, received on the day and classified in the field; guided elsewhere when not accepted. */
    String petitionAbout(MockHttpSession officer, String place, String field, LocalDate day, boolean accept) throws Exception {
        var received = mvc.perform(PetitionApiIntegrationTests.json(post("/api/petitions"), officer, """
                {"unit": "05983.UBND", "receivedOn": "%s", "channel": "POST", "petitionerKind": "PERSON", "place": "%s",
                 "subject": "Đơn về việc ở xã %s", "persons": [{"name": "Nông Văn Xã"}]}""".formatted(day, place, place)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(received, "$.number");
        mvc.perform(PetitionApiIntegrationTests.json(post("/api/petitions/" + number + "/processing"), officer, """
                {"contentKind": "COMPLAINT", "field": "%s", "eligible": true, "competence": "%s", "handling": "%s", "day": "%s"}"""
                .formatted(field, accept ? "WITHIN" : "OUTSIDE", accept ? "ACCEPT" : "GUIDE", day))).andExpect(status().isOk());
        if (!accept) {
            return number;
        }
        String matter = JsonPath.read(mvc.perform(get("/api/petitions/" + number).session(officer)).andReturn().getResponse()
                .getContentAsString(), "$.matter.number");
        step(officer, matter, "{\"action\": \"ACCEPT\", \"day\": \"%s\"}".formatted(day));
        return matter;
    }

    @Test
    void manyPetitionsAboutOnePlaceInTheMattersFieldFlagItsMattersOfThatFieldNotThoseOfOtherFields() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var today = LocalDate.now(clock);
        // a commune of Lạng Sơn that no petition is about yet
        var place = jdbc.sql("""
                select u.code from org_unit u
                where u.category = 'AREA' and u.level = 'COMMUNE' and u.code like '05%' and u.valid_to is null
                  and not exists (select 1 from petition p where p.place_unit_id = u.id)
                order by u.code limit 1""").query(String.class).single();
        var land = petitionAbout(officer, place, "ADMIN_LAND", today.minusDays(80), true);
        var policy = petitionAbout(officer, place, "ADMIN_POLICY", today.minusDays(80), true);
        for (int i = 0; i < 8; i++) {
            petitionAbout(officer, place, "ADMIN_LAND", today.minusDays(5 + i), false);
        }
        // ten petitions about the place in the window, nine of them about land: under the threshold of ten in one field
        assertThat(reasons(officer, land)).as("overdue alone").isEmpty();

        petitionAbout(officer, place, "ADMIN_LAND", today, false);
        assertThat(reasons(officer, land)).containsExactly("MANY_PETITIONS_IN_PLACE", "OVERDUE");
        assertThat(reasons(officer, policy)).as("the policy matter: one petition of its field there").isEmpty();
        var json = board(officer);
        assertThat(json).contains(land).doesNotContain(policy);
    }

    @Test
    void aCrowdOfMoreThanTenChoosesAtMostFiveRepresentatives() throws Exception {
        var today = LocalDate.now(clock);
        var unit = units.findByCode("05983.UBND", today).orElseThrow();
        var user = signedInUser(signedIn.login("canbo.luongvantri"));
        var session = desk.openSession(new ReceptionDesk.NewSession(unit.id(), SessionKind.REGULAR, SessionHost.OFFICE,
                SessionMode.IN_PERSON, today, null, null, null, false), user);
        var error = catchThrowableOfType(InvalidInputException.class, () -> desk.recordVisit(session,
                new ReceptionDesk.NewVisit(14, 6, null, true, ContentKind.RECOMMENDATION, "Kiến nghị làm đường", null, false, null,
                        null, null, null, List.of(), false, null), user));
        assertThat(error.problems()).extracting(InvalidInputException.Problem::field).contains("representativesCount");
    }

    private vn.danvan.identity.CurrentUser signedInUser(MockHttpSession session) {
        var context = (org.springframework.security.core.context.SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return users.require();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
