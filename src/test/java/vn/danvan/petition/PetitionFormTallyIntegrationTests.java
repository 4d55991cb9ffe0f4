package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.form.FormQuery;
import vn.danvan.form.RowKind;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.petition.PetitionFormTally.Part;
import vn.danvan.petition.PetitionMeasures.Source;

/**
 * The petition measures read from the tally of receipts and processings (V89) give, for every measure of every form,
 * exactly the figures of the live statement over the records (V83's), per unit: for the country and a merged province,
 * with and without a content kind, over whole years, the inspection year from 15/12, partial months at either end, a
 * period inside one month, a day and several years — and again after a petition is received, processed without a
 * matter, processed into a matter and its matter decided, processed on a later month than its receipt.
 */
@SpringBootTest
class PetitionFormTallyIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    PetitionForms forms;
    @Autowired
    PetitionManagement petitions;
    @Autowired
    MatterManagement matters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgUnits units;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signIn(String username) throws Exception {
        var session = new SignedInMvc(context).login(username);
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
    }

    List<LocalDate[]> periods() {
        var today = LocalDate.now(clock);
        var year = today.getYear();
        return List.of(
                new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)},
                new LocalDate[] {LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31)},
                new LocalDate[] {LocalDate.of(year - 2, 12, 15), LocalDate.of(year - 1, 12, 14)},
                new LocalDate[] {LocalDate.of(year - 1, 12, 15), today},
                new LocalDate[] {LocalDate.of(year - 1, 3, 10), LocalDate.of(year - 1, 5, 20)},
                new LocalDate[] {LocalDate.of(year - 1, 6, 5), LocalDate.of(year - 1, 6, 25)},
                new LocalDate[] {today.withDayOfMonth(1).minusMonths(1), today.withDayOfMonth(1).minusDays(1)},
                new LocalDate[] {today.withDayOfMonth(1), today},
                new LocalDate[] {today, today},
                new LocalDate[] {LocalDate.of(year - 3, 1, 1), today});
    }

    /** The petition measures as the live statement (every row of the source read from the records) counts them. */
    Map<Long, Map<String, BigDecimal>> live(List<Long> unitIds, List<String> kinds, LocalDate from, LocalDate to) {
        var measures = PetitionMeasures.MEASURES.stream().filter(m -> m.source() == Source.PETITION).toList();
        var select = new StringBuilder("select b.unit_id");
        for (int i = 0; i < measures.size(); i++) {
            select.append(", ").append(measures.get(i).aggregate()).append(" as m").append(i);
        }
        var spec = jdbc.sql(select + " from (" + PetitionForms.from(Source.PETITION, unitIds, kinds) + ") b group by b.unit_id")
                .param("from", from).param("to", to);
        if (unitIds != null) {
            spec = spec.param("units", unitIds.toArray(Long[]::new));
        }
        if (kinds != null) {
            spec = spec.param("kinds", kinds.toArray(String[]::new));
        }
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        spec.query((RowCallbackHandler) rs -> {
            var unit = values.computeIfAbsent(rs.getLong("unit_id"), id -> new HashMap<>());
            for (int i = 0; i < measures.size(); i++) {
                unit.put(measures.get(i).key(), rs.getBigDecimal("m" + i));
            }
        });
        return values;
    }

    /** The petition measures as the form gives them now (the tally for those it answers), per unit. */
    Map<Long, Map<String, BigDecimal>> form(String unitCode, Map<String, String> parameters, LocalDate from, LocalDate to) {
        var keys = new java.util.LinkedHashSet<String>();
        PetitionMeasures.MEASURES.stream().filter(m -> m.source() == Source.PETITION).forEach(m -> keys.add(m.key()));
        var query = new FormQuery("tally", keys, parameters, unitCode, null, from, to,
                SecurityContextHolder.getContext().getAuthentication());
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        forms.rows(query).rows().stream().filter(r -> r.kind() == RowKind.UNIT).forEach(r -> values.put(r.unitId(), r.values()));
        return values;
    }

    /** Compares every petition measure of every unit; the sum of the tallied figures compared. */
    BigDecimal assertSameFigures(String unitCode, List<Long> unitIds, String what) {
        var compared = BigDecimal.ZERO;
        for (var period : periods()) {
            for (var kinds : Arrays.asList(null, List.of("COMPLAINT"), List.of("DENUNCIATION", "RECOMMENDATION"))) {
                var parameters = kinds == null ? Map.<String, String>of() : Map.of("contentKinds", String.join(",", kinds));
                var now = form(unitCode, parameters, period[0], period[1]);
                var live = live(unitIds, kinds, period[0], period[1]);
                var as = what + " " + period[0] + "…" + period[1] + " " + kinds;
                assertThat(now.keySet()).as(as + ": units").containsExactlyInAnyOrderElementsOf(live.keySet());
                for (var unit : live.entrySet()) {
                    for (var figure : unit.getValue().entrySet()) {
                        assertThat(now.get(unit.getKey()).get(figure.getKey())).as(as + ": unit " + unit.getKey() + ", " + figure.getKey())
                                .isEqualByComparingTo(figure.getValue());
                        if (PetitionFormTally.part(PetitionMeasures.BY_KEY.get(figure.getKey())) != null) {
                            compared = compared.add(figure.getValue());
                        }
                    }
                }
            }
        }
        return compared;
    }

    @Test
    void everyPetitionMeasureOfTheCountryFromTheTallyIsTheFigureOfTheLiveStatement() throws Exception {
        signIn("admin");
        assertThat(assertSameFigures("VN", null, "country")).as("the demo's petitions are counted by tallied measures").isPositive();
    }

    @Test
    void everyPetitionMeasureOfAProvinceThatTookInAnotherIn2025FromTheTallyIsTheFigureOfTheLiveStatement() throws Exception {
        signIn("admin");
        var province = units.findByCode("19", LocalDate.now(clock)).orElseThrow();
        assertSameFigures("19", units.idsWithin(units.scopePaths(province.id())), "province 19");
    }

    @Test
    void afterAReceiptAProcessingAMatterAndItsDecisionTheTallyStillGivesTheLiveFigures() throws Exception {
        var today = LocalDate.now(clock);
        var root = units.findByCode("VN", today).orElseThrow().id();
        var writer = new CurrentUser(0, "test.tally", "Kiểm thử tổng hợp", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        var unitId = units.findByCode("20", today).orElseThrow().id();
        var receipts = tally(unitId, today, "R");
        var processings = tally(unitId, today, "P");

        var earlier = petitions.receive(petition(unitId, today.minusMonths(2), "Khiếu nại về chiếu sáng đường làng"), writer);
        var guided = petitions.receive(petition(unitId, today, "Kiến nghị về hệ thống thoát nước"), writer);
        var accepted = petitions.receive(petition(unitId, today, "Khiếu nại quyết định thu hồi đất"), writer);
        assertThat(tally(unitId, today, "R")).as("two receipts of this month tallied").isEqualTo(receipts + 2);

        petitions.process(earlier.id(), new Processing(ContentKind.COMPLAINT, Field.ADMIN_LAND, true, null, Competence.OUTSIDE,
                Handling.GUIDE, null, null, 1, false, "Hướng dẫn", today, null), writer);
        petitions.process(guided.id(), new Processing(ContentKind.RECOMMENDATION, Field.OTHER, false, IneligibleReason.values()[0],
                null, Handling.FILE, null, null, 1, false, "Lưu đơn", today, null), writer);
        petitions.process(accepted.id(), new Processing(ContentKind.COMPLAINT, Field.ADMIN_LAND, true, null, Competence.WITHIN,
                Handling.ACCEPT, null, null, 1, false, "Thụ lý", today, null), writer);
        assertThat(tally(unitId, today, "P")).as("the three processings of this month tallied").isEqualTo(processings + 3);
        var matterId = jdbc.sql("select matter_id from petition where id = :id").param("id", accepted.id()).query(Long.class).single();
        matters.record(matterId, step(MatterStep.Action.ACCEPT, today, "TB-7", null), writer);
        matters.record(matterId, step(MatterStep.Action.START_VERIFICATION, today, null, null), writer);
        matters.record(matterId, step(MatterStep.Action.DECIDE, today, "QĐ-7", MatterResult.PARTLY_RIGHT), writer);

        signIn("admin");
        assertThat(assertSameFigures("VN", null, "country after the writes")).isPositive();
    }

    @Test
    void theTallyAnswersCountsOverTheIntakeAndOverTheProcessedPetitionsOwnClassificationAndNothingThatReadsTheMatter() {
        var xld = List.of("petitions.total", "petitions.carried.many", "petitions.received.other", "petitions.processed",
                "petitions.eligible.recommendation", "petitions.outside.urge");
        xld.forEach(key -> assertThat(PetitionFormTally.part(PetitionMeasures.BY_KEY.get(key))).as(key).isNotNull());
        assertThat(PetitionFormTally.part(PetitionMeasures.BY_KEY.get("petitions.carried.one"))).isEqualTo(Part.INTAKE);
        assertThat(PetitionFormTally.part(PetitionMeasures.BY_KEY.get("petitions.within.complaint"))).isEqualTo(Part.PROCESSED);
        for (var key : List.of("petitions.processed.carried", "petitions.processed.received", "petitions.replies",
                "reception.petitions", "matters.total", "cases.eligible", "cases.field.admin", "petitions.eligible.resolved.repeat",
                "petitions.eligible.not-started")) {
            assertThat(PetitionFormTally.part(PetitionMeasures.BY_KEY.get(key))).as(key + " stays live").isNull();
        }
    }

    private long tally(long unitId, LocalDate day, String event) {
        return jdbc.sql("select coalesce(sum(n), 0) from petition_form_tally where unit_id = :u and month = :m and event = :e")
                .param("u", unitId).param("m", day.withDayOfMonth(1)).param("e", event).query(Long.class).single();
    }

    private static NewPetition petition(long unitId, LocalDate day, String subject) {
        return new NewPetition(unitId, day, Channel.POST, null, null, PetitionerKind.PERSON, 1, subject, "Nội dung đơn.",
                null, null, List.of(new PersonInput(PersonRole.PETITIONER, false, "Lê Thị Tổng", "Thôn 3", null, null)),
                null, null);
    }

    private static MatterStep step(MatterStep.Action action, LocalDate day, String document, MatterResult result) {
        return new MatterStep(action, day, document, null, null, null, result, null, null, null);
    }
}
