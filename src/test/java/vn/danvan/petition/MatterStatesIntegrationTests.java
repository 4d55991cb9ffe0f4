package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.form.FormQuery;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;

/**
 * A matter's steps write its pending state (V118); the matter's row, which the lists, queues and forms read, takes it
 * when the pending states are applied — before any of them reads, so a reader never sees a matter behind its last
 * step. The scheduled application is off in the tests' configuration, so that what a step leaves pending is seen here.
 */
@SpringBootTest
class MatterStatesIntegrationTests {

    @Autowired
    PetitionManagement petitions;
    @Autowired
    MatterManagement matters;
    @Autowired
    MatterStates states;
    @Autowired
    WorkQueue workQueue;
    @Autowired
    PetitionForms forms;
    @Autowired
    OrgUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    WebApplicationContext context;

    CurrentUser admin;
    long unitId;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = LocalDate.now(clock);
        var root = units.findByCode("VN", today).orElseThrow().id();
        admin = new CurrentUser(0, "test.states", "Kiểm thử trạng thái", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        unitId = units.findByCode("20", today).orElseThrow().id();
        states.applyNow();
    }

    @Test
    void twoStepsLeaveOnePendingStateThatTheQueueAppliesBeforeReadingSoTheRowIsWrittenOnceAndTheQueueShowsTheLastStep() {
        var matterId = newMatter("Khiếu nại về hỗ trợ chuyển đổi nghề");
        var before = row(matterId);

        matters.record(matterId, step(MatterStep.Action.ACCEPT, "TB-5"), admin);
        matters.record(matterId, step(MatterStep.Action.START_VERIFICATION, null), admin);

        assertThat(row(matterId)).as("the row has not taken the steps yet").isEqualTo(before);
        assertThat(jdbc.sql("select status || '|' || version from petition_matter_pending where id = :id").param("id", matterId)
                .query(String.class).list()).containsExactly("VERIFYING|" + (version(before) + 2));
        assertThat(jdbc.sql("select status from petition_matter_now where id = :id").param("id", matterId)
                .query(String.class).single()).isEqualTo("VERIFYING");

        var item = workQueue.queue(admin, false, 0, 100_000).stream()
                .filter(i -> i.type().equals("MATTER") && i.id() == matterId).findFirst().orElseThrow();

        assertThat(item.status()).isEqualTo("VERIFYING");
        assertThat(item.due()).isNotNull();
        assertThat(row(matterId)).startsWith("VERIFYING|" + (version(before) + 2) + "|");
        assertThat(pending()).as("nothing is left pending").isZero();
    }

    @Test
    void aStepOnTheVersionBeforeAPendingStateIsRefusedAndSoIsOneOnTheVersionBeforeAnAppliedState() {
        var matterId = newMatter("Khiếu nại về giá bồi thường");
        var read = version(row(matterId));
        matters.record(matterId, step(MatterStep.Action.ACCEPT, "TB-6"), admin);

        assertThatThrownBy(() -> matters.record(matterId, stepOn(MatterStep.Action.START_VERIFICATION, read), admin))
                .isInstanceOf(ConflictException.class);

        states.applyNow();
        assertThatThrownBy(() -> matters.record(matterId, stepOn(MatterStep.Action.START_VERIFICATION, read), admin))
                .isInstanceOf(ConflictException.class);
        matters.record(matterId, stepOn(MatterStep.Action.START_VERIFICATION, read + 1), admin);
        assertThat(jdbc.sql("select status from petition_matter_now where id = :id").param("id", matterId)
                .query(String.class).single()).isEqualTo("VERIFYING");
    }

    @Test
    void aFormCountsAMatterDecidedAMomentAgoAndItsPetitionCarriesTheDecision() throws Exception {
        var matterId = newMatter("Khiếu nại về cấp giấy chứng nhận");
        matters.record(matterId, step(MatterStep.Action.ACCEPT, "TB-7"), admin);
        matters.record(matterId, step(MatterStep.Action.START_VERIFICATION, null), admin);
        var session = new SignedInMvc(context).login("admin");
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
        var query = new FormQuery("totals", Set.of("matters.finished"), Map.of(), "20", null, today.withDayOfYear(1), today,
                SecurityContextHolder.getContext().getAuthentication());
        var finishedBefore = forms.total(query).get("matters.finished").intValue();

        matters.record(matterId, new MatterStep(MatterStep.Action.DECIDE, today, "QĐ-7", null, null, null, MatterResult.RIGHT,
                null, null, null), admin);

        assertThat(forms.total(query).get("matters.finished").intValue()).isEqualTo(finishedBefore + 1);
        assertThat(jdbc.sql("select matter_finished_on from petition where matter_id = :id").param("id", matterId)
                .query(LocalDate.class).single()).as("the decision carried into the petition").isEqualTo(today);
    }

    @Test
    void aReaderInsideAWritingTransactionAppliesThePendingStatesInThatTransactionAndTheScheduledApplicationAppliesTheRest() {
        var first = newMatter("Kiến nghị về đường giao thông nông thôn");
        var second = newMatter("Kiến nghị về nước sạch");
        matters.record(first, step(MatterStep.Action.ACCEPT, "TB-8"), admin);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            workQueue.queue(admin, false, 0, 10);
            assertThat(pending()).isZero();
            status.setRollbackOnly();
        });
        assertThat(pending()).as("rolled back with the reader's transaction").isEqualTo(1);

        matters.record(second, step(MatterStep.Action.ACCEPT, "TB-9"), admin);
        states.applyPending();
        assertThat(pending()).as("a state recorded a moment ago has not settled yet").isEqualTo(2);

        settle();
        states.applyPending();
        assertThat(pending()).isZero();
        assertThat(jdbc.sql("select string_agg(status, ',' order by id) from petition_matter where id in (:a, :b)")
                .param("a", first).param("b", second).query(String.class).single()).isEqualTo("ACCEPTED,ACCEPTED");
    }

    @Test
    void theScheduledApplicationSkipsAStateWhoseMatterAStepIsWritingAndDoesNotWaitForIt() throws Exception {
        var busy = newMatter("Khiếu nại về lối đi chung");
        var quiet = newMatter("Khiếu nại về tiền thuê đất");
        matters.record(busy, step(MatterStep.Action.ACCEPT, "TB-10"), admin);
        matters.record(quiet, step(MatterStep.Action.ACCEPT, "TB-11"), admin);
        settle();
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var step = Executors.newSingleThreadExecutor();
        try {
            // a step in progress on the busy matter: its pending state's row is locked until it commits
            var inProgress = step.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("select id from petition_matter_pending where id = :id for update").param("id", busy).query(Long.class).single();
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            held.await();

            var applied = states.applySettled(Duration.ofSeconds(2));

            assertThat(applied).isEqualTo(1);
            assertThat(jdbc.sql("select id from petition_matter_pending where id in (:a, :b)").param("a", busy).param("b", quiet)
                    .query(Long.class).list()).containsExactly(busy);
            release.countDown();
            inProgress.get();
        } finally {
            release.countDown();
            step.shutdown();
        }
        assertThat(states.applySettled(Duration.ofSeconds(2))).isEqualTo(1);
        assertThat(jdbc.sql("select string_agg(status, ',' order by id) from petition_matter where id in (:a, :b)")
                .param("a", busy).param("b", quiet).query(String.class).single()).isEqualTo("ACCEPTED,ACCEPTED");
    }

    @Test
    void thePendingStatesTableIsVacuumedWhenItHasGrownWithStatesAppliedAndDeletedButNotWhenItHasNot() {
        // states written and deleted as applications do, faster than autovacuum comes
        for (int round = 0; round < 6 && pages() <= MatterStates.COMPACT_PAGES; round++) {
            jdbc.sql("""
                    insert into petition_matter_pending (id, unit_id, title, content_kind, field, place_unit_id, remote,
                        complexity, status, extensions, withdrawn_partly, hot_manual, updated_at, version)
                    select id, unit_id, title, content_kind, field, place_unit_id, remote, complexity, status, extensions,
                        withdrawn_partly, hot_manual, updated_at, version
                    from petition_matter
                    """).update();
            jdbc.sql("delete from petition_matter_pending").update();
        }
        var grown = pages();
        assertThat(grown).isGreaterThan(MatterStates.COMPACT_PAGES);

        states.compactIfGrown();

        var compacted = pages();
        assertThat(compacted).as("vacuumed: the empty pages given back").isLessThan(grown);

        // a few states written and deleted: the table has not grown past the threshold, no vacuum gives their pages back
        jdbc.sql("""
                insert into petition_matter_pending (id, unit_id, title, content_kind, field, place_unit_id, remote,
                    complexity, status, extensions, withdrawn_partly, hot_manual, updated_at, version)
                select id, unit_id, title, content_kind, field, place_unit_id, remote, complexity, status, extensions,
                    withdrawn_partly, hot_manual, updated_at, version
                from petition_matter order by id limit 20
                """).update();
        jdbc.sql("delete from petition_matter_pending").update();
        var small = pages();
        assertThat(small).isGreaterThan(compacted).isLessThanOrEqualTo(MatterStates.COMPACT_PAGES);

        states.compactIfGrown();

        assertThat(pages()).isEqualTo(small);
    }

    private long pages() {
        return jdbc.sql("select pg_relation_size('petition_matter_pending') / 8192").query(Long.class).single();
    }

    /** As if the pending states had been recorded a minute ago. */
    private void settle() {
        jdbc.sql("update petition_matter_pending set updated_at = updated_at - interval '1 minute'").update();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long newMatter(String subject) {
        var ref = petitions.receive(new NewPetition(unitId, today, Channel.POST, null, null, PetitionerKind.PERSON, 1, subject,
                "Nội dung đơn.", null, null, List.of(new PersonInput(PersonRole.PETITIONER, false, "Lê Thị Chờ", "Thôn 3", null, null)),
                null, null), admin);
        petitions.process(ref.id(), new Processing(ContentKind.COMPLAINT, Field.ADMIN_LAND, true, null, Competence.WITHIN,
                Handling.ACCEPT, null, null, 1, false, "Thụ lý", today, null), admin);
        return jdbc.sql("select matter_id from petition where id = :id").param("id", ref.id()).query(Long.class).single();
    }

    private static MatterStep step(MatterStep.Action action, String document) {
        return new MatterStep(action, null, document, null, null, null, null, null, null, null);
    }

    private MatterStep stepOn(MatterStep.Action action, int version) {
        return new MatterStep(action, today, null, null, null, null, null, null, null, version);
    }

    /** status|version|due of the matter's row. */
    private String row(long matterId) {
        return jdbc.sql("select concat_ws('|', status, version, coalesce(cast(due_on as text), '-')) from petition_matter where id = :id")
                .param("id", matterId).query(String.class).single();
    }

    private static int version(String row) {
        return Integer.parseInt(row.split("\\|")[1]);
    }

    private long pending() {
        return jdbc.sql("select count(*) from petition_matter_pending").query(Long.class).single();
    }
}
