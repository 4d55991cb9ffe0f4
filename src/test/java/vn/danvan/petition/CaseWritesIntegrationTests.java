package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;

/**
 * What each write of a petition's lifecycle leaves in the timeline, the identity grants and the audit
 * trail — the rows the combined statements (a write and its step in one statement) must keep writing.
 */
@SpringBootTest
class CaseWritesIntegrationTests {

    @Autowired
    PetitionManagement petitions;
    @Autowired
    MatterManagement matters;
    @Autowired
    OrgUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    CaseNumbers numbers;
    @Autowired
    CaseStore store;
    @Autowired
    StepWrites writes;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PetitionQueries queries;
    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    CurrentUser admin;
    long unitId;
    LocalDate today;

    record StepRow(Long petitionId, Long matterId, String kind, LocalDate onDay, String actor, String note,
                   String documentNumber, LocalDate dueOn, String rule, Integer ruleVersion) {
    }

    @BeforeEach
    void setUp() {
        today = LocalDate.now(clock);
        var root = units.findByCode("VN", today).orElseThrow().id();
        admin = new CurrentUser(0, "test.writes", "Kiểm thử ghi", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        unitId = units.findByCode("20", today).orElseThrow().id();
    }

    @Test
    void aReceivedPetitionHasOneReceivedStepWithItsDeadlineAndTheReceiverMaySeeItsIdentities() {
        var ref = petitions.receive(petition("Khiếu nại về bồi thường đất", "CV-17"), admin);

        var p = jdbc.sql("select due_on, due_rule, due_rule_version from petition where id = :id").param("id", ref.id())
                .query((rs, i) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3)}).single();
        assertThat(stepsOfPetition(ref.id())).containsExactly(new StepRow(ref.id(), null, "RECEIVED", today, "test.writes",
                null, "CV-17", (LocalDate) p[0], (String) p[1], (Integer) p[2]));
        assertThat(p[0]).as("the processing deadline is set").isNotNull();
        assertThat(grantees(ref.id())).containsExactly(0L);
        assertThat(audits("petition.received", ref.number())).isEqualTo(1);
    }

    @Test
    void acceptingOpensTheMatterWithItsFirstStepThenClassifiesAndLinksThePetitionInThatOrder() {
        var ref = petitions.receive(petition("Khiếu nại quyết định thu hồi đất", null), admin);
        petitions.process(ref.id(), accept(null), admin);

        var matterId = matterOf(ref.id());
        var steps = jdbc.sql("""
                select petition_id, matter_id, kind, on_day, actor, note, document_number, due_on, rule, rule_version
                from petition_step where petition_id = :p or matter_id = :m order by id
                """).param("p", ref.id()).param("m", matterId).query(StepRow.class).list();
        assertThat(steps).extracting(StepRow::kind).containsExactly("RECEIVED", "MATTER_OPENED", "CLASSIFIED", "LINKED_TO_MATTER");
        assertThat(steps.get(1)).isEqualTo(new StepRow(null, matterId, "MATTER_OPENED", today, "test.writes", ref.number(),
                null, null, null, null));
        assertThat(steps.get(2)).isEqualTo(new StepRow(ref.id(), matterId, "CLASSIFIED", today, "test.writes", "Thụ lý",
                null, null, null, null));
        assertThat(steps.get(3)).isEqualTo(new StepRow(ref.id(), matterId, "LINKED_TO_MATTER", today, "test.writes", "Thụ lý",
                null, null, null, null));
        assertThat(audits("petition.processed", ref.number())).isEqualTo(1);
    }

    @Test
    void aMattersTimelineOpensOnceAndNamesThePetitionOfEachStepOfItsPetitions() throws Exception {
        var first = petitions.receive(petition("Khiếu nại về đền bù cây cối trên đất thu hồi", null), admin);
        petitions.process(first.id(), accept(null), admin);
        var matterId = matterOf(first.id());
        var second = petitions.receive(petition("Khiếu nại lần nữa về đền bù cây cối", null), admin);
        petitions.process(second.id(), accept(matterId), admin);

        var kinds = new StepKind[] {StepKind.MATTER_OPENED, StepKind.CLASSIFIED, StepKind.LINKED_TO_MATTER, StepKind.CLASSIFIED,
                StepKind.LINKED_TO_MATTER};
        var steps = queries.matter(matterId, admin).steps();
        assertThat(steps).extracting(PetitionViews.Step::kind).containsExactly(kinds);
        assertThat(steps).extracting(PetitionViews.Step::petitionNumber)
                .as("the opening names the petition that opened the matter")
                .containsExactly(first.number(), first.number(), first.number(), second.number(), second.number());
        assertThat(queries.petition(first.id(), admin).steps()).extracting(PetitionViews.Step::kind)
                .containsExactly(StepKind.RECEIVED, StepKind.CLASSIFIED, StepKind.LINKED_TO_MATTER);

        var signedIn = new vn.danvan.SignedInMvc(context);
        var page = signedIn.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/matters/" + matterId)
                .session(signedIn.login("admin"))).andReturn().getResponse().getContentAsString();
        assertThat(page.split("Lập vụ việc", -1)).hasSize(2);
        assertThat(page.split("Đưa vào vụ việc", -1)).hasSize(3);
        assertThat(page).containsPattern("href=\"/petitions/" + first.id() + "\"\\s+title=\"Đơn mở vụ việc này\">"
                + java.util.regex.Pattern.quote(first.number()) + "</a>");
        assertThat(page).containsPattern("href=\"/petitions/" + second.id() + "\"\\s+title=\"Bước của đơn này\">"
                + java.util.regex.Pattern.quote(second.number()) + "</a>");

        // a matter's first step as written before session 21: a LINKED_TO_MATTER without a petition, read as the opening
        jdbc.sql("update petition_step set kind = 'LINKED_TO_MATTER' where matter_id = :m and petition_id is null")
                .param("m", matterId).update();
        assertThat(queries.matter(matterId, admin).steps()).extracting(PetitionViews.Step::kind).containsExactly(kinds);
    }

    @Test
    void eachMatterStepIsWrittenWithTheDeadlineInForceAfterItAndTheHandlerSeesEveryPetitionOfTheMatter() {
        var first = petitions.receive(petition("Khiếu nại về giải phóng mặt bằng", null), admin);
        petitions.process(first.id(), accept(null), admin);
        var matterId = matterOf(first.id());
        var second = petitions.receive(petition("Khiếu nại lần nữa về giải phóng mặt bằng", null), admin);
        petitions.process(second.id(), accept(matterId), admin);

        matters.record(matterId, step(MatterStep.Action.ACCEPT, "TB-9", null), admin);
        var handler = userId("canbo.langson");
        matters.record(matterId, step(MatterStep.Action.ASSIGN, null, handler), admin);

        var due = jdbc.sql("select due_on, due_rule, due_rule_version from petition_matter_now where id = :id").param("id", matterId)
                .query((rs, i) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3)}).single();
        assertThat(due[0]).as("acceptance sets the resolution deadline").isNotNull();
        var matterSteps = jdbc.sql("""
                select petition_id, matter_id, kind, on_day, actor, note, document_number, due_on, rule, rule_version
                from petition_step where matter_id = :m and petition_id is null order by id
                """).param("m", matterId).query(StepRow.class).list();
        assertThat(matterSteps).extracting(StepRow::kind).containsExactly("MATTER_OPENED", "ACCEPTED", "HANDLER_ASSIGNED");
        assertThat(matterSteps.get(1)).isEqualTo(new StepRow(null, matterId, "ACCEPTED", today, "test.writes", null, "TB-9",
                (LocalDate) due[0], (String) due[1], (Integer) due[2]));
        assertThat(matterSteps.get(2).dueOn()).isEqualTo(due[0]);
        assertThat(grantees(first.id())).containsExactlyInAnyOrder(0L, handler);
        assertThat(grantees(second.id())).containsExactlyInAnyOrder(0L, handler);
    }

    @Test
    void aStepOnAStaleVersionOfTheMatterWritesNothing() {
        var ref = petitions.receive(petition("Khiếu nại về cấp giấy chứng nhận", null), admin);
        petitions.process(ref.id(), accept(null), admin);
        var matterId = matterOf(ref.id());
        var stale = jdbc.sql("select version from petition_matter_now where id = :id").param("id", matterId).query(Integer.class).single();
        matters.record(matterId, step(MatterStep.Action.ACCEPT, "TB-1", null), admin);
        var steps = stepCountOfMatter(matterId);

        assertThatThrownBy(() -> matters.record(matterId, new MatterStep(MatterStep.Action.START_VERIFICATION, today, null,
                "Xác minh", null, null, null, null, null, stale), admin)).isInstanceOf(ConflictException.class);

        assertThat(stepCountOfMatter(matterId)).isEqualTo(steps);
        assertThat(jdbc.sql("select status from petition_matter_now where id = :id").param("id", matterId).query(String.class).single())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void processingAStaleVersionOfAPetitionWritesNoStep() {
        var ref = petitions.receive(petition("Kiến nghị về đường giao thông", null), admin);
        var stale = new Processing(ContentKind.COMPLAINT, Field.ADMIN_LAND, true, null, Competence.WITHIN, Handling.ACCEPT,
                null, null, 1, false, "Thụ lý", today, 7);

        assertThatThrownBy(() -> petitions.process(ref.id(), stale, admin)).isInstanceOf(ConflictException.class);

        assertThat(stepsOfPetition(ref.id())).extracting(StepRow::kind).containsExactly("RECEIVED");
    }

    @Test
    void theForwardedCopyIsReceivedAtTheCompetentUnitWithTheOriginalsNumberAndNoGrant() {
        var ref = petitions.receive(petition("Tố cáo cán bộ địa chính", null), admin);
        var target = units.findByCode("20.TTR", today).orElseThrow().id();
        petitions.process(ref.id(), new Processing(ContentKind.DENUNCIATION, Field.ADMIN_LAND, true, null, Competence.OUTSIDE,
                Handling.FORWARD, target, null, 1, false, "Chuyển đơn", today, null), admin);

        var copyId = jdbc.sql("select id from petition where forwarded_from_id = :id").param("id", ref.id()).query(Long.class).single();
        var copy = jdbc.sql("select due_on, due_rule, due_rule_version from petition where id = :id").param("id", copyId)
                .query((rs, i) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3)}).single();
        assertThat(stepsOfPetition(copyId)).containsExactly(new StepRow(copyId, null, "RECEIVED", today, "test.writes", null,
                ref.number(), (LocalDate) copy[0], (String) copy[1], (Integer) copy[2]));
        assertThat(grantees(copyId)).isEmpty();
        assertThat(jdbc.sql("select count(*) from petition_person where petition_id = :id").param("id", copyId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aUnitsNumbersFollowOneAnotherOnItsSeries() {
        var first = petitions.receive(petition("Đơn thứ nhất", null), admin).number();
        var second = petitions.receive(petition("Đơn thứ hai", null), admin).number();

        var code = units.find(unitId, today).orElseThrow().code();
        assertThat(first).startsWith(code + "-" + today.getYear() + "-");
        assertThat(Integer.parseInt(second.substring(second.lastIndexOf('-') + 1)))
                .isEqualTo(Integer.parseInt(first.substring(first.lastIndexOf('-') + 1)) + 1);
    }

    @Test
    void aNumbersSequenceHasFiveDigitsAtLeastAndGrowsPastThemUncutForPetitionsAndMatters() {
        var day = LocalDate.of(2025, 4, 7);
        var series = numbers.seriesOf(unitId, day);
        var first = petitions.receive(petitionOn(day, "Đơn đánh số thứ nhất"), admin);
        assertThat(first.number()).isEqualTo(series.code() + "-2025-" + String.format("%05d", counter(series.unitId(), "petition")));

        jdbc.sql("update petition_counter set last = greatest(last, 123455) where unit_id = :u and year = 2025 and kind = 'petition'")
                .param("u", series.unitId()).update();
        var big = petitions.receive(petitionOn(day, "Đơn đánh số thứ hai"), admin);
        var last = counter(series.unitId(), "petition");
        assertThat(last).isGreaterThan(123455);
        assertThat(big.number()).isEqualTo(series.code() + "-2025-" + last);

        petitions.process(big.id(), accept(null), admin);
        var matterNumber = jdbc.sql("select number from petition_matter_now where id = :id").param("id", matterOf(big.id()))
                .query(String.class).single();
        assertThat(matterNumber).isEqualTo("VV-" + series.code() + "-2025-" + String.format("%05d", counter(series.unitId(), "matter")));
    }

    @Test
    void aReceivedPetitionsNamedPersonsAreSavedInOrderEncryptedWithNameKeysOnlyWhenTheIdentityIsNotProtected() {
        var persons = List.of(new PersonInput(PersonRole.PETITIONER, false, "Trần Thị Một", "Thôn 1", "0912345678", "001190000011"),
                new PersonInput(PersonRole.REPRESENTATIVE, false, "  ", "Thôn 9", null, null),
                new PersonInput(PersonRole.AUTHORISED, true, "Hợp tác xã Hai", null, null, null));
        var open = petitions.receive(petitionOf(persons, ContentKind.COMPLAINT), admin);
        var hidden = petitions.receive(petitionOf(persons, ContentKind.DENUNCIATION), admin);

        for (var ref : List.of(open, hidden)) {
            assertThat(petitions.revealIdentity(ref.id(), admin)).containsExactly(
                    new PersonView(PersonRole.PETITIONER, false, "Trần Thị Một", "Thôn 1", "0912345678", "001190000011", false),
                    new PersonView(PersonRole.AUTHORISED, true, "Hợp tác xã Hai", null, null, null, false));
        }
        assertThat(personRows(open.id())).containsExactly("0|PETITIONER|f|tran thi mot|t", "1|AUTHORISED|t|hop tac xa hai|t");
        assertThat(personRows(hidden.id())).containsExactly("0|PETITIONER|f|null|t", "1|AUTHORISED|t|null|t");
        var name = jdbc.sql("select name_cipher from petition_person where petition_id = :p and ordinal = 0").param("p", open.id())
                .query(byte[].class).single();
        assertThat(new String(name, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Trần");
    }

    @Test
    void theDecisionAndItsEnforcementWriteTheirOutcomesAndAStaleDecisionWritesNone() {
        var ref = petitions.receive(petition("Khiếu nại về tiền bồi thường", null), admin);
        petitions.process(ref.id(), accept(null), admin);
        var matterId = matterOf(ref.id());
        matters.record(matterId, step(MatterStep.Action.ACCEPT, "TB-2", null), admin);
        matters.record(matterId, step(MatterStep.Action.START_VERIFICATION, null, null), admin);
        var stale = jdbc.sql("select version from petition_matter_now where id = :id").param("id", matterId).query(Integer.class).single() - 1;
        var ordered = new Outcome(new java.math.BigDecimal("12.500"), null, null, null, null, new java.math.BigDecimal("40.0"),
                0, 1, 0, 0, 2, 0, 0, 0);

        assertThatThrownBy(() -> matters.record(matterId, new MatterStep(MatterStep.Action.DECIDE, today, "QĐ-0", null, null, null,
                MatterResult.WRONG, ordered, null, stale), admin)).isInstanceOf(ConflictException.class);
        assertThat(outcomeStages(matterId)).isEmpty();

        matters.record(matterId, new MatterStep(MatterStep.Action.DECIDE, today, "QĐ-2", null, null, null, MatterResult.WRONG,
                ordered, null, null), admin);
        matters.record(matterId, step(MatterStep.Action.CLOSE, null, null), admin);

        assertThat(outcomeStages(matterId)).containsExactly("DECIDED|12.500|40.0|1|2|" + today, "ENFORCED|0.000|0.0|0|0|" + today);
        assertThat(jdbc.sql("select status from petition_matter_now where id = :id").param("id", matterId).query(String.class).single())
                .isEqualTo("CLOSED");
    }

    @Test
    void aMatterIsNotAssignedToAnOfficerWhoMayNotWorkOnItsUnitAndNothingIsWritten() {
        var ref = petitions.receive(petition("Khiếu nại về bồi thường khi mở rộng đường", null), admin);
        petitions.process(ref.id(), accept(null), admin);
        var matterId = matterOf(ref.id());
        matters.record(matterId, step(MatterStep.Action.ACCEPT, "TB-4", null), admin);
        var version = jdbc.sql("select version from petition_matter_now where id = :id").param("id", matterId).query(Integer.class).single();

        // Lạng Sơn's matter, Thái Nguyên's officer; then an account that does not exist
        for (var handler : List.of(userId("canbo.thainguyen"), 987_654L)) {
            assertThatThrownBy(() -> matters.record(matterId, step(MatterStep.Action.ASSIGN, null, handler), admin))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(InvalidInputException.Problem::field, InvalidInputException.Problem::messageKey)
                            .containsExactly(tuple("handlerId", "petition.handler.out-of-scope")));
        }
        assertThat(grantees(ref.id())).containsExactly(0L);
        assertThat(jdbc.sql("select version from petition_matter_now where id = :id").param("id", matterId).query(Integer.class).single())
                .isEqualTo(version);
    }

    long userId(String username) {
        return jdbc.sql("select id from identity_user where username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    void anAssignmentOnAStaleVersionGrantsNoIdentity() {
        var ref = petitions.receive(petition("Khiếu nại về cấp phép xây dựng", null), admin);
        petitions.process(ref.id(), accept(null), admin);
        var matterId = matterOf(ref.id());
        var stale = jdbc.sql("select version from petition_matter_now where id = :id").param("id", matterId).query(Integer.class).single();
        matters.record(matterId, step(MatterStep.Action.ACCEPT, "TB-3", null), admin);

        assertThatThrownBy(() -> matters.record(matterId, new MatterStep(MatterStep.Action.ASSIGN, today, null, null, null, null,
                null, null, userId("canbo.langson"), stale), admin)).isInstanceOf(ConflictException.class);

        assertThat(grantees(ref.id())).containsExactly(0L);
    }

    @Test
    void eachStepsAuditRecordIsWrittenByItsOwnStatementAndAStepOnAStaleVersionWritesNone() {
        var ref = petitions.receive(petition("Khiếu nại về thu hồi đất nông nghiệp", "CV-21"), admin);
        petitions.process(ref.id(), accept(null), admin);
        var matterId = matterOf(ref.id());
        var matterNumber = jdbc.sql("select number from petition_matter_now where id = :id").param("id", matterId)
                .query(String.class).single();
        var stale = jdbc.sql("select version from petition_matter_now where id = :id").param("id", matterId).query(Integer.class).single();
        matters.record(matterId, step(MatterStep.Action.ACCEPT, "TB-4", null), admin);
        assertThatThrownBy(() -> matters.record(matterId, new MatterStep(MatterStep.Action.START_VERIFICATION, today, null,
                "Xác minh", null, null, null, null, null, stale), admin)).isInstanceOf(ConflictException.class);

        var actor = vn.danvan.audit.AuditTrail.currentActor();
        assertThat(auditRows(ref.number())).containsExactly(
                String.join("|", actor, "petition.received", "petition", ref.number(), String.valueOf(unitId), "null",
                        "Khiếu nại về thu hồi đất nông nghiệp"),
                String.join("|", actor, "petition.processed", "petition", ref.number(), String.valueOf(unitId), "RECEIVED",
                        matterNumber));
        assertThat(auditRows(matterNumber)).containsExactly(
                String.join("|", actor, "petition.matter.accept", "petition_matter", matterNumber, String.valueOf(unitId), "RECEIVED",
                        "ACCEPTED"));
    }

    @Test
    void aMattersSaveKeepsOneServerPreparedStatementWhetherItsDatesAndNumbersAreSetOrNullAndSavesThem() {
        var ref = petitions.receive(petition("Khiếu nại về hỗ trợ tái định cư", null), admin);
        petitions.process(ref.id(), accept(null), admin);
        var matterId = matterOf(ref.id());
        var decided = today.minusDays(3);
        var version = store.matter(matterId).orElseThrow().version;

        // One transaction: one connection, whose driver prepares the statement on the server from its fifth execution
        // (the connection may have run it before, in another test).
        var executions = new TransactionTemplate(transactions).execute(status -> {
            var before = executionsOfThePlainSave();
            for (int i = 0; i < 10; i++) {
                var m = store.matter(matterId).orElseThrow();
                var set = i % 2 == 0;
                m.decidedOn = set ? decided : null;
                m.handlerId = set ? 4242L : null;
                m.decisionNumber = set ? "QĐ-" + i : null;
                writes.updateMatter(m, m.version);
            }
            var after = executionsOfThePlainSave();
            assertThat(after).as("one statement on the server, not one more each time a value turns null").hasSize(1);
            return after.get(0) - (before.isEmpty() ? 0 : before.get(0));
        });

        assertThat(executions).as("the statement prepared once runs the saves from the fifth, values or nulls")
                .isGreaterThanOrEqualTo(5L);
        var saved = jdbc.sql("select concat_ws('|', coalesce(cast(decided_on as text), 'null'), coalesce(cast(handler_id as text), 'null'),"
                + " coalesce(decision_number, 'null'), version) from petition_matter_now where id = :id").param("id", matterId)
                .query(String.class).single();
        assertThat(saved).isEqualTo("null|null|null|" + (version + 10));
        var m = store.matter(matterId).orElseThrow();
        m.decidedOn = decided;
        m.handlerId = 4242L;
        m.decisionNumber = "QĐ-10";
        writes.updateMatter(m, m.version);
        assertThat(jdbc.sql("select concat_ws('|', decided_on, handler_id, decision_number) from petition_matter_now where id = :id")
                .param("id", matterId).query(String.class).single()).isEqualTo(decided + "|4242|QĐ-10");
    }

    /** The executions of the connection's server-prepared matter save without step writes (its plans, generic or custom). */
    private List<Long> executionsOfThePlainSave() {
        return jdbc.sql("""
                select generic_plans + custom_plans from pg_prepared_statements
                where statement like 'with stored as (%insert into petition_matter_pending%' and statement not like '%audited as%'
                    and statement not like '%granted as%' and statement not like '%outcome as%'
                """).query(Long.class).list();
    }

    /** actor|action|type|id|unit|before's status|after's subject, matter or status, in the order written. */
    private List<String> auditRows(String entityId) {
        return jdbc.sql("""
                select concat_ws('|', actor, action, entity_type, entity_id, unit_id, coalesce(before_state ->> 'status', 'null'),
                    coalesce(after_state ->> 'subject', after_state ->> 'matter', after_state ->> 'status'))
                from audit_log where entity_id = :id order by id
                """).param("id", entityId).query(String.class).list();
    }

    private NewPetition petitionOn(LocalDate day, String subject) {
        return new NewPetition(unitId, day, Channel.POST, null, null, PetitionerKind.PERSON, 1, subject, null, null, null,
                List.of(new PersonInput(PersonRole.PETITIONER, false, "Lò Văn Số", null, null, null)), null, null);
    }

    private NewPetition petitionOf(List<PersonInput> persons, ContentKind declared) {
        return new NewPetition(unitId, today, Channel.POST, null, null, PetitionerKind.PERSON, 2, "Đơn có hai người đứng tên",
                null, null, declared, persons, null, null);
    }

    private int counter(long seriesUnit, String kind) {
        return jdbc.sql("select last from petition_counter where unit_id = :u and year = 2025 and kind = :k")
                .param("u", seriesUnit).param("k", kind).query(Integer.class).single();
    }

    private List<String> personRows(long petitionId) {
        return jdbc.sql("""
                select concat_ws('|', ordinal, role, organisation, coalesce(name_key, 'null'), identity_hash is not null)
                from petition_person where petition_id = :p order by ordinal
                """).param("p", petitionId).query(String.class).list();
    }

    private List<String> outcomeStages(long matterId) {
        return jdbc.sql("""
                select concat_ws('|', stage, recover_money, return_person_land, persons_restored, officials_disciplined, completed_on)
                from petition_outcome where matter_id = :m order by stage
                """).param("m", matterId).query(String.class).list();
    }

    private NewPetition petition(String subject, String reference) {
        return new NewPetition(unitId, today, Channel.POST, null, reference, PetitionerKind.PERSON, 1, subject, "Nội dung đơn.",
                null, null, List.of(new PersonInput(PersonRole.PETITIONER, false, "Hoàng Văn Ghi", "Thôn 2", null, null)),
                null, null);
    }

    private Processing accept(Long matterId) {
        return new Processing(ContentKind.COMPLAINT, Field.ADMIN_LAND, true, null, Competence.WITHIN, Handling.ACCEPT, null,
                matterId, 1, false, "Thụ lý", today, null);
    }

    private MatterStep step(MatterStep.Action action, String document, Long handler) {
        return new MatterStep(action, today, document, null, null, null, null, null, handler, null);
    }

    private List<StepRow> stepsOfPetition(long petitionId) {
        return jdbc.sql("""
                select petition_id, matter_id, kind, on_day, actor, note, document_number, due_on, rule, rule_version
                from petition_step where petition_id = :p order by id
                """).param("p", petitionId).query(StepRow.class).list();
    }

    private long matterOf(long petitionId) {
        return jdbc.sql("select matter_id from petition where id = :id").param("id", petitionId).query(Long.class).single();
    }

    private long stepCountOfMatter(long matterId) {
        return jdbc.sql("select count(*) from petition_step where matter_id = :m").param("m", matterId).query(Long.class).single();
    }

    private List<Long> grantees(long petitionId) {
        return jdbc.sql("select account_id from petition_identity_grant where petition_id = :p order by account_id")
                .param("p", petitionId).query(Long.class).list();
    }

    private long audits(String action, String number) {
        return jdbc.sql("select count(*) from audit_log where action = :a and entity_id = :n").param("a", action).param("n", number)
                .query(Long.class).single();
    }
}
