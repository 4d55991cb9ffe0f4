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
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.audit.AuditTrail;
import vn.danvan.calendar.LegalDeadlines;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.OrgScope;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;

/**
 * A matter's next step runs on the matter as this instance committed it last (RecentCases), without reading it: the kept
 * matter must be the matter as read again after every kind of step, a matter saved since by another instance must be
 * read again rather than overwritten or wrongly refused, and nothing rolled back may be kept.
 */
@SpringBootTest
class RecentCasesIntegrationTests {

    @Autowired
    PetitionManagement petitions;
    @Autowired
    MatterManagement matters;
    @Autowired
    RecentCases recent;
    @Autowired
    CaseStore store;
    @Autowired
    OrgUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    LegalDeadlines deadlines;
    @Autowired
    OrgScope scope;
    @Autowired
    CaseWorkers workers;
    @Autowired
    AuditTrail audit;
    @Autowired
    LastWrites last;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    CaseNumbers numbers;

    CurrentUser admin;
    long unitId;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = LocalDate.now(clock);
        var root = units.findByCode("VN", today).orElseThrow().id();
        admin = new CurrentUser(0, "test.recent", "Kiểm thử vụ việc giữ lại", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        unitId = units.findByCode("20", today).orElseThrow().id();
    }

    @Test
    void afterEveryKindOfStepTheKeptMatterIsTheMatterAsReadAgain() {
        var matterId = openedMatter("Khiếu nại về bồi thường khi thu hồi đất ở");
        assertKeptAsRead(matterId, "the new matter of the classification");

        var handler = jdbc.sql("select id from identity_user where username = 'canbo.langson'").query(Long.class).single();
        var steps = List.of(
                step(MatterStep.Action.ACCEPT, "TB-21", null, null, null),
                step(MatterStep.Action.ASSIGN, null, null, handler, null),
                step(MatterStep.Action.START_VERIFICATION, null, null, null, null),
                step(MatterStep.Action.HOLD_DIALOGUE, null, null, null, null),
                step(MatterStep.Action.SUSPEND, null, "Chờ kết quả giám định", null, null),
                step(MatterStep.Action.RESUME, null, null, null, null),
                step(MatterStep.Action.FLAG_HOT, null, "Đông người tụ tập", null, null),
                step(MatterStep.Action.WITHDRAW_PARTLY, null, "Rút một phần nội dung", null, null),
                step(MatterStep.Action.DECIDE, "QĐ-21", null, null, MatterResult.PARTLY_RIGHT),
                step(MatterStep.Action.CLOSE, null, "Đã thi hành", null, null));
        for (var step : steps) {
            matters.record(matterId, step, admin);
            assertKeptAsRead(matterId, step.action().name());
        }
        var read = store.matter(matterId).orElseThrow();
        assertThat(read.status).isEqualTo(MatterStatus.CLOSED);
        assertThat(read.suspendedEver).as("a suspension was recorded").isTrue();
        assertThat(read.dueOn).isNotNull();
        assertThat(read.version).isEqualTo(steps.size());
    }

    @Test
    void aMatterSavedElsewhereSinceItWasKeptIsReadAgainAndTheStepIsSavedOnItsNewState() {
        var matterId = openedMatter("Khiếu nại về cấp giấy chứng nhận quyền sử dụng đất");
        matters.record(matterId, step(MatterStep.Action.ACCEPT, "TB-22", null, null, null), admin);
        // another instance behind the load balancer starts the verification: this instance still keeps the matter ACCEPTED
        transactions.executeWithoutResult(s -> otherInstance().record(matterId,
                step(MatterStep.Action.START_VERIFICATION, null, null, null, null), admin));
        assertThat(recent.matter(matterId).orElseThrow().status).isEqualTo(MatterStatus.ACCEPTED);

        // on the kept matter a decision would be refused (not verified): it is decided on the matter as it is
        matters.record(matterId, step(MatterStep.Action.DECIDE, "QĐ-22", null, null, MatterResult.WRONG), admin);

        assertThat(store.matter(matterId).orElseThrow().status).isEqualTo(MatterStatus.DECIDED);
        assertThat(matterStepKinds(matterId)).containsExactly("MATTER_OPENED", "ACCEPTED", "VERIFICATION_STARTED", "DECIDED");
        assertKeptAsRead(matterId, "after the step on the matter read again");
    }

    @Test
    void aStepLegalOnlyOnTheKeptMatterIsRefusedAsOnTheSavedOneAndSavesNothing() {
        var matterId = openedMatter("Khiếu nại về hỗ trợ tái định cư");
        matters.record(matterId, step(MatterStep.Action.ACCEPT, "TB-23", null, null, null), admin);
        transactions.executeWithoutResult(s -> otherInstance().record(matterId,
                step(MatterStep.Action.START_VERIFICATION, null, null, null, null), admin));

        assertThatThrownBy(() -> matters.record(matterId, step(MatterStep.Action.START_VERIFICATION, null, null, null, null), admin))
                .isInstanceOf(InvalidInputException.class);

        assertThat(matterStepKinds(matterId)).containsExactly("MATTER_OPENED", "ACCEPTED", "VERIFICATION_STARTED");
        assertThat(recent.matter(matterId)).as("the stale matter is forgotten").isEmpty();
        assertThat(audits(matterId, "petition.matter.start-verification")).isEqualTo(1);
    }

    @Test
    void aStepRolledBackWithItsCallersTransactionIsNotKept() {
        var matterId = openedMatter("Khiếu nại về giá đất bồi thường");
        matters.record(matterId, step(MatterStep.Action.ACCEPT, "TB-24", null, null, null), admin);
        var kept = recent.matter(matterId).orElseThrow().version;

        transactions.executeWithoutResult(s -> {
            matters.record(matterId, step(MatterStep.Action.START_VERIFICATION, null, null, null, null), admin);
            s.setRollbackOnly();
        });

        assertThat(recent.matter(matterId).orElseThrow().version).isEqualTo(kept);
        assertKeptAsRead(matterId, "after the rollback");
        matters.record(matterId, step(MatterStep.Action.START_VERIFICATION, null, null, null, null), admin);
        assertThat(store.matter(matterId).orElseThrow().status).isEqualTo(MatterStatus.VERIFYING);
    }

    @Test
    void aKeptMatterIsACopyThatTheStepsChangesDoNotReach() {
        var matterId = openedMatter("Khiếu nại về xây dựng lấn chiếm");
        var copy = recent.matter(matterId).orElseThrow();
        copy.status = MatterStatus.CLOSED;
        copy.title = "đã sửa";

        assertThat(recent.matter(matterId).orElseThrow().status).isEqualTo(MatterStatus.RECEIVED);
        assertKeptAsRead(matterId, "after a copy was changed");
    }

    @Test
    void aReceivedPetitionIsKeptAsReadAgainAndProcessedOnTheKeptCopy() {
        var ref = petitions.receive(petition("Kiến nghị về sửa đường liên thôn"), admin);
        assertPetitionKeptAsRead(ref.id(), "after its receipt");

        var processed = petitions.process(ref.id(), accept(), admin);

        assertPetitionKeptAsRead(ref.id(), "after its processing");
        var read = store.petition(ref.id()).orElseThrow();
        assertThat(read.status).isEqualTo("PROCESSED");
        assertThat(read.matterId).isEqualTo(processed.matterId());
        assertThat(read.version).isEqualTo(1);
        assertKeptAsRead(processed.matterId(), "the matter it opened");
    }

    @Test
    void aPetitionProcessedElsewhereSinceItWasKeptIsRefusedAsProcessedAndNothingIsSavedTwice() {
        var ref = petitions.receive(petition("Kiến nghị về đèn chiếu sáng ngõ xóm"), admin);
        // another instance processes it: this instance still keeps it RECEIVED
        var elsewhere = new CaseStore(jdbc, last, new RecentCases());
        transactions.executeWithoutResult(s -> new PetitionProcessing(elsewhere, deadlines, scope, units, audit, jdbc, clock,
                numbers, new StepWrites(jdbc, last, new RecentCases())).process(ref.id(), accept(), admin));
        assertThat(recent.petition(ref.id()).orElseThrow().status).isEqualTo("RECEIVED");

        assertThatThrownBy(() -> petitions.process(ref.id(), accept(), admin)).isInstanceOf(InvalidInputException.class)
                .hasMessage("handling: petition.already-processed");

        assertThat(jdbc.sql("select count(*) from petition_step where petition_id = :p and kind = 'CLASSIFIED'")
                .param("p", ref.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from petition_matter where opened_for = :p").param("p", ref.id())
                .query(Long.class).single()).as("one matter opened").isEqualTo(1);
        assertThat(recent.petition(ref.id())).as("the stale petition is forgotten").isEmpty();
    }

    /** The same step service on a cache of its own: another instance of the application, on the same database. */
    private MatterSteps otherInstance() {
        return new MatterSteps(store, new StepWrites(jdbc, last, new RecentCases()), deadlines, scope, workers, audit, clock);
    }

    private void assertKeptAsRead(long matterId, String when) {
        assertThat(recent.matter(matterId)).as(when).get().usingRecursiveComparison().isEqualTo(store.matter(matterId).orElseThrow());
    }

    private void assertPetitionKeptAsRead(long petitionId, String when) {
        assertThat(recent.petition(petitionId)).as(when).get().usingRecursiveComparison()
                .isEqualTo(store.petition(petitionId).orElseThrow());
    }

    private long openedMatter(String subject) {
        var ref = petitions.receive(petition(subject), admin);
        petitions.process(ref.id(), accept(), admin);
        return jdbc.sql("select matter_id from petition where id = :id").param("id", ref.id()).query(Long.class).single();
    }

    private NewPetition petition(String subject) {
        return new NewPetition(unitId, today, Channel.POST, null, null, PetitionerKind.PERSON, 1, subject, "Nội dung đơn.", null,
                null, List.of(new PersonInput(PersonRole.PETITIONER, false, "Nông Văn Giữ", "Thôn 3", null, null)), null, null);
    }

    private Processing accept() {
        return new Processing(ContentKind.COMPLAINT, Field.ADMIN_LAND, true, null, Competence.WITHIN, Handling.ACCEPT, null, null,
                1, false, "Thụ lý", today, null);
    }

    private MatterStep step(MatterStep.Action action, String document, String note, Long handler, MatterResult result) {
        return new MatterStep(action, today, document, note, null, null, result, null, handler, null);
    }

    private List<String> matterStepKinds(long matterId) {
        return jdbc.sql("select kind from petition_step where matter_id = :m and petition_id is null order by id")
                .param("m", matterId).query(String.class).list();
    }

    private long audits(long matterId, String action) {
        return jdbc.sql("""
                select count(*) from audit_log a join petition_matter m on m.number = a.entity_id
                where m.id = :m and a.action = :a
                """).param("m", matterId).param("a", action).query(Long.class).single();
    }
}
