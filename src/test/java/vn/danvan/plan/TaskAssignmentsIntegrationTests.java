package vn.danvan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The API the meeting module calls: a conference's conclusion assigns tasks, and the next briefing reads
 * where they stand — in assignment order, overdue derived from today, validated like the task form.
 */
@SpringBootTest
class TaskAssignmentsIntegrationTests {

    static final AtomicLong MEETING = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    WebApplicationContext context;
    @Autowired
    TaskAssignments assignments;
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

    CurrentUser user(String username) throws Exception {
        MockHttpSession session = signedIn.login(username);
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"));
        return users.require();
    }

    long unit(String code) {
        return units.findByCode(code, today).orElseThrow().id();
    }

    @Test
    void assignedTasksAreReadBackByOriginInOrderWithTheirStatusAsOfToday() throws Exception {
        try {
            var officer = user("canbo.langson");
            var origin = new TaskOrigin("MEETING", MEETING.incrementAndGet());
            var ids = assignments.assign(origin, unit("20"), List.of(
                    new NewTask("Báo cáo kết quả thực hiện Chỉ thị 16/CT-TTg quý II", unit("05983"), List.of(unit("05977")),
                            today.minusDays(3), "Gửi Ban Dân vận Tỉnh ủy"),
                    new NewTask("Tổ chức hội nghị sơ kết", unit("05977"), null, today.plusDays(10), null)), officer);

            var tasks = assignments.byOrigin(origin);

            assertThat(tasks).extracting(OriginTask::taskId).containsExactlyElementsOf(ids);
            assertThat(tasks.get(0).status()).isEqualTo("OVERDUE");
            assertThat(tasks.get(0).responsibleUnitName()).isEqualTo("Phường Lương Văn Tri");
            assertThat(tasks.get(1).status()).isEqualTo("NOT_STARTED");
            assertThat(tasks.get(1).progressPercent()).isZero();
            assertThat(tasks.get(1).lastUpdateOn()).isNull();
            var audited = jdbc.sql("select count(*) from audit_log where action = 'plan.task-created' and entity_id in (:ids)")
                    .param("ids", ids.stream().map(String::valueOf).toList()).query(Long.class).single();
            assertThat(audited).isEqualTo(2);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aTaskWithoutDeadlineIsRefusedNamingItsIndexAndNothingIsWritten() throws Exception {
        try {
            var officer = user("canbo.langson");
            var origin = new TaskOrigin("MEETING", MEETING.incrementAndGet());
            var error = catchThrowableOfType(InvalidInputException.class, () -> assignments.assign(origin, unit("20"), List.of(
                    new NewTask("Nhiệm vụ hợp lệ", unit("05983"), List.of(), today.plusDays(5), null),
                    new NewTask(" ", unit("05977"), List.of(), null, null)), officer));

            assertThat(error.problems()).extracting(InvalidInputException.Problem::field)
                    .containsExactlyInAnyOrder("tasks[1].title", "tasks[1].dueOn");
            assertThat(assignments.byOrigin(origin)).isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void anOfficerCannotAssignTasksForAnotherProvince() throws Exception {
        try {
            var officer = user("canbo.thainguyen");
            var origin = new TaskOrigin("MEETING", MEETING.incrementAndGet());
            catchThrowableOfType(NotFoundException.class, () -> assignments.assign(origin, unit("20"), List.of(
                    new NewTask("Nhiệm vụ", unit("05983"), List.of(), today.plusDays(5), null)), officer));
            assertThat(assignments.byOrigin(origin)).isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
