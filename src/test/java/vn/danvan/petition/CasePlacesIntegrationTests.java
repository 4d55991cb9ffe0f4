package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;

/**
 * The place a petition or a visit is about is an administrative area: a body picked in the unit picker (a ward's
 * People's Committee) is kept as the ward it serves, so the hot-spot rule counts the ward's petitions together; a unit
 * that serves no area, or none that exists, is refused at the field and nothing is saved.
 */
@SpringBootTest
@Transactional
class CasePlacesIntegrationTests {

    @Autowired
    PetitionManagement petitions;
    @Autowired
    ReceptionDesk desk;
    @Autowired
    OrgUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    CurrentUser admin;
    long board;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = LocalDate.now(clock);
        var root = units.findByCode("VN", today).orElseThrow().id();
        admin = new CurrentUser(0, "test.places", "Kiểm thử địa bàn", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        board = units.findByCode("20.BTCD", today).orElseThrow().id();
    }

    long unit(String code) {
        return units.findByCode(code, today).orElseThrow().id();
    }

    NewPetition about(Long place) {
        return new NewPetition(board, today, Channel.POST, null, null, PetitionerKind.PERSON, 1, "Khiếu nại về tiếng ồn công trường",
                "Nội dung đơn.", place, null, List.of(new PersonInput(PersonRole.PETITIONER, false, "Lò Văn Địa", null, null, null)),
                null, null);
    }

    Long placeOf(long petition) {
        // a row whose place is null: single() refuses a null value
        return jdbc.sql("select place_unit_id from petition where id = :id").param("id", petition).query(Long.class).list().get(0);
    }

    int petitionCount() {
        return jdbc.sql("select count(*) from petition").query(Integer.class).single();
    }

    @Test
    void aWardsPeoplesCommitteePickedAsThePlaceIsKeptAsTheWardAndAWardAsItself() {
        var byBody = petitions.receive(about(unit("05977.UBND")), admin);
        var byArea = petitions.receive(about(unit("05977")), admin);
        var province = petitions.receive(about(unit("20")), admin);
        var none = petitions.receive(about(null), admin);

        assertThat(placeOf(byBody.id())).isEqualTo(unit("05977"));
        assertThat(placeOf(byArea.id())).isEqualTo(unit("05977"));
        assertThat(placeOf(province.id())).isEqualTo(unit("20"));
        assertThat(placeOf(none.id())).isNull();
    }

    @Test
    void aPlaceThatIsNoAreaIsRefusedAtItsFieldAndNothingIsSaved() {
        var before = petitionCount();
        var centralBody = jdbc.sql("""
                        select u.id from org_unit u join org_unit p on p.id = u.parent_id
                        where p.code = 'VN' and u.category = 'BODY' order by u.id limit 1""")
                .query(Long.class).single();

        for (var place : new long[] {centralBody, 987_654_321L}) {
            assertThatThrownBy(() -> petitions.receive(about(place), admin))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.problems()).hasSize(1);
                        assertThat(e.problems().get(0).field()).isEqualTo("placeUnitId");
                        assertThat(e.problems().get(0).messageKey()).isEqualTo("petition.place.not-an-area");
                    });
        }
        assertThat(petitionCount()).isEqualTo(before);
    }

    @Test
    void aPlaceAskedAgainIsTheSameAreaOnAnyDayAndARefusedPlaceIsRefusedEveryTime() {
        // the area of a unit is kept after it was first read (units' category, level and parent never change)
        var first = petitions.receive(about(unit("05977.UBND")), admin);
        var again = petitions.receive(about(unit("05977.UBND")), admin);
        var earlier = new NewPetition(board, today.minusYears(1), Channel.POST, null, null, PetitionerKind.PERSON, 1,
                "Khiếu nại về tiếng ồn công trường", "Nội dung đơn.", unit("05977.UBND"), null,
                List.of(new PersonInput(PersonRole.PETITIONER, false, "Lò Văn Địa", null, null, null)), null, null);
        var lastYear = petitions.receive(earlier, admin);

        assertThat(List.of(placeOf(first.id()), placeOf(again.id()), placeOf(lastYear.id())))
                .containsOnly(unit("05977"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> petitions.receive(about(987_654_321L), admin))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.problems().get(0).field()).isEqualTo("placeUnitId"));
        }
    }

    @Test
    void aVisitAboutAWardsPeoplesCommitteeIsAboutTheWardAndSoIsThePetitionHandedOverAtIt() {
        var session = desk.openSession(new ReceptionDesk.NewSession(board, SessionKind.REGULAR, SessionHost.OFFICE,
                SessionMode.IN_PERSON, today, "Trụ sở Ban Tiếp công dân tỉnh", null, null, false), admin);
        var visit = desk.recordVisit(session, new ReceptionDesk.NewVisit(1, 0, null, true, ContentKind.REFLECTION,
                "Phản ánh tiếng ồn công trường ban đêm", unit("05977.UBND"), false, null, null, null, null,
                List.of(new PersonInput(PersonRole.VISITOR, false, "Lò Văn Địa", null, null, null)), true, null), admin);

        var visitPlace = jdbc.sql("select place_unit_id from petition_visit where id = :id").param("id", visit.id())
                .query(Long.class).single();
        var petitionPlace = jdbc.sql("select place_unit_id from petition where number = :n").param("n", visit.petitionNumber())
                .query(Long.class).single();
        assertThat(visitPlace).isEqualTo(unit("05977"));
        assertThat(petitionPlace).isEqualTo(unit("05977"));
    }
    @Test
    void aVisitAboutNoAreaAndInstructedToNoUnitIsRefusedAtBothFieldsAndNothingIsSaved() {
        var session = desk.openSession(new ReceptionDesk.NewSession(board, SessionKind.PERIODIC, SessionHost.HEAD,
                SessionMode.IN_PERSON, today, "Trụ sở Ban Tiếp công dân tỉnh", "Hồ Tiến Thiệu", "Chủ tịch", false), admin);
        var visits = jdbc.sql("select count(*) from petition_visit").query(Integer.class).single();

        assertThatThrownBy(() -> desk.recordVisit(session, new ReceptionDesk.NewVisit(1, 0, null, true, ContentKind.REFLECTION,
                "Phản ánh tiếng ồn công trường ban đêm", 987_654_321L, false, null, "Giao Sở Tài nguyên và Môi trường xem xét",
                987_654_322L, today.plusDays(15), List.of(new PersonInput(PersonRole.VISITOR, false, "Lò Văn Địa", null, null, null)),
                true, null), admin))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field, InvalidInputException.Problem::messageKey)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("placeUnitId", "petition.place.not-an-area"),
                                org.assertj.core.groups.Tuple.tuple("instructionUnitId", "petition.visit.instruction-unit-unknown")));
        assertThat(jdbc.sql("select count(*) from petition_visit").query(Integer.class).single()).isEqualTo(visits);
    }
}
