package vn.danvan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * What an inspection or a dialogue does with the tasks it assigned: reads them per origin and per unit subtree,
 * reads the responsible unit's follow-up reports, and accepts a task as done — never before a report — or sends
 * it back.
 */
@SpringBootTest
class OriginTasksIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TaskAssignments assignments;
    @Autowired
    OriginTasks originTasks;
    @Autowired
    TaskManagement management;
    @Autowired
    CurrentUsers users;
    @Autowired
    OrgUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    SignedInMvc signedIn;
    LocalDate today;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        today = LocalDate.now(clock);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    CurrentUser user(String username) throws Exception {
        MockHttpSession session = signedIn.login(username);
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"));
        return users.require();
    }

    long unit(String code) {
        return units.findByCode(code, today).orElseThrow().id();
    }

    TaskOrigin origin() {
        return new TaskOrigin("TESTORIGIN", TaskAssignmentsIntegrationTests.MEETING.incrementAndGet());
    }

    @Test
    void aTaskIsAcceptedAsDoneOnlyAfterTheResponsibleUnitFiledAFollowUpReport() throws Exception {
        var province = user("canbo.langson");
        var origin = origin();
        var id = assignments.assign(origin, unit("20"), List.of(
                new NewTask("Kiện toàn Ban Chỉ đạo Quy chế dân chủ ở cơ sở", unit("05983"), null, today.plusDays(20), null)),
                province).get(0);
        var version = originTasks.byOrigins(origin.kind(), List.of(origin.id())).get(origin.id()).get(0).version();

        var asProvince = province;
        var refused = catchThrowableOfType(InvalidInputException.class, () -> originTasks.accept(origin, id, version, asProvince));
        assertThat(refused.problems()).extracting(InvalidInputException.Problem::field).containsExactly("followUpReport");

        var ward = user("canbo.luongvantri");
        management.report(id, new TaskManagement.Progress(today, 60, "Đã có quyết định kiện toàn", null, null, null), ward);
        assertThat(originTasks.followUps(origin, id)).extracting(OriginTasks.FollowUp::text).containsExactly("Đã có quyết định kiện toàn");

        province = user("canbo.langson");
        var current = originTasks.byOrigins(origin.kind(), List.of(origin.id())).get(origin.id()).get(0);
        originTasks.accept(origin, id, current.version(), province);

        var accepted = originTasks.byOrigins(origin.kind(), List.of(origin.id())).get(origin.id()).get(0);
        assertThat(accepted.task().status()).isEqualTo("DONE");
        assertThat(accepted.task().progressPercent()).isEqualTo(100);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'plan.task-accepted' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCompletionSentBackReopensTheTaskAndAStaleVersionIsAConflict() throws Exception {
        var province = user("canbo.langson");
        var origin = origin();
        var id = assignments.assign(origin, unit("20"), List.of(
                new NewTask("Công khai kết quả giải quyết kiến nghị", unit("05977"), null, today.plusDays(5), null)),
                province).get(0);
        management.report(id, new TaskManagement.Progress(today, 100, "Đã niêm yết", null, null, null), user("canbo.dongkinh"));
        province = user("canbo.langson");
        var done = originTasks.byOrigins(origin.kind(), List.of(origin.id())).get(origin.id()).get(0);
        assertThat(done.task().status()).isEqualTo("DONE");

        var blank = catchThrowableOfType(InvalidInputException.class,
                () -> originTasks.sendBack(origin, id, " ", done.version(), user("canbo.langson")));
        assertThat(blank.problems()).extracting(InvalidInputException.Problem::field).containsExactly("reason");
        originTasks.sendBack(origin, id, "Chưa có biên bản niêm yết", done.version(), province);

        var reopened = originTasks.byOrigins(origin.kind(), List.of(origin.id())).get(origin.id()).get(0);
        assertThat(reopened.task().status()).isEqualTo("IN_PROGRESS");
        var stale = province;
        assertThatThrownBy(() -> originTasks.accept(origin, id, done.version(), stale)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aProvincesOverdueListHoldsItsWardsOverdueTasksOfThatKindAndAnotherProvinceSeesNone() throws Exception {
        var province = user("canbo.langson");
        var origin = origin();
        var ids = assignments.assign(origin, unit("20"), List.of(
                new NewTask("Quá hạn", unit("05983"), null, today.minusDays(2), null),
                new NewTask("Còn hạn", unit("05977"), null, today.plusDays(2), null)), province);

        var overdue = originTasks.ofKind(origin.kind(), unit("20"), TaskStatus.OVERDUE, 0, 50, province);
        assertThat(overdue.content()).extracting(a -> a.task().taskId()).contains(ids.get(0)).doesNotContain(ids.get(1));
        assertThat(overdue.content()).allMatch(a -> a.task().status().equals("OVERDUE"));

        var elsewhere = user("canbo.thainguyen");
        assertThat(originTasks.ofKind(origin.kind(), null, null, 0, 50, elsewhere).content())
                .extracting(a -> a.task().taskId()).doesNotContainAnyElementsOf(ids);
        assertThatThrownBy(() -> originTasks.ofKind(origin.kind(), unit("20"), null, 0, 50, elsewhere)).isInstanceOf(NotFoundException.class);
    }
}
