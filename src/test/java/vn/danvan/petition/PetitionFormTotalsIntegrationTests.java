package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.form.FormQuery;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.petition.PetitionMeasures.AggregateKind;

/**
 * A computed indicator reads the petition provider's total alone ({@link PetitionForms#total}: one statement per
 * measure over the subtree's records, no row per unit); for every measure — counts of records, counts of distinct
 * cases, sums — it equals the total row of the full form ({@link PetitionForms#rows}) for the country, for a province
 * that took in another in 2025 (Thái Nguyên, with records of a commune of the old Bắc Kạn dated before the reform)
 * and for a commune, over years, a quarter and several years, with and without a content kind.
 *
 * <p>The records of the old Bắc Kạn commune are written in the test's transaction and rolled back after it.
 */
@SpringBootTest
@Transactional
class PetitionFormTotalsIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    PetitionForms forms;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgUnits units;
    @Autowired
    Clock clock;

    @BeforeEach
    void signIn() throws Exception {
        var session = new SignedInMvc(context).login("admin");
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    List<LocalDate[]> periods() {
        var today = LocalDate.now(clock);
        var year = today.getYear();
        var quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        return List.of(
                new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)},
                new LocalDate[] {LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30)},
                new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)},
                new LocalDate[] {LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31)},
                new LocalDate[] {quarterStart.minusMonths(3), quarterStart.minusDays(1)},
                new LocalDate[] {LocalDate.of(2023, 7, 1), today});
    }

    /**
     * Records of a commune of the old Bắc Kạn (ended with the 2025 reform, now within Thái Nguyên's subtree) in 2023 and
     * 2024: matters decided, closed and still open, with outcomes; petitions processed, carried over, forwarded,
     * anonymous, by a group, received at reception, replied; a reception session with visits, one of them a crowd.
     *
     * @return the commune's id
     */
    long oldBacKanRecords() {
        var province = units.findByCode("19", LocalDate.now(clock)).orElseThrow();
        var own = province.path();
        var commune = jdbc.sql("""
                select id from org_unit
                where id = any(:ids) and level = 'COMMUNE' and valid_to < '2025-07-01' and path not like :own || '%'
                order by id limit 1
                """).param("ids", units.idsWithin(units.scopePaths(province.id())).toArray(Long[]::new)).param("own", own)
                .query(Long.class).single();
        jdbc.sql("""
                insert into petition_matter (number, unit_id, title, content_kind, field, round, follow_up, status, accepted_on,
                                             due_on, decided_on, result, closed_on)
                values ('T-TOTAL-M1', :u, 'Khiếu nại bồi thường', 'COMPLAINT', 'ADMIN_LAND', 1, false, 'DECIDED', '2024-03-10',
                        '2024-05-10', '2024-05-20', 'PARTLY_RIGHT', null),
                       ('T-TOTAL-M2', :u, 'Tố cáo cán bộ địa chính', 'DENUNCIATION', 'CORRUPTION', 2, true, 'VERIFYING', '2024-09-01',
                        '2024-12-01', null, null, null),
                       ('T-TOTAL-M3', :u, 'Khiếu nại trợ cấp', 'COMPLAINT', 'ADMIN_POLICY', 1, false, 'CLOSED', '2023-11-01',
                        '2024-01-31', '2024-01-15', 'RIGHT', '2024-02-20'),
                       ('T-TOTAL-M4', :u, 'Khiếu nại rút đơn', 'COMPLAINT', 'ADMIN_OTHER', 1, false, 'WITHDRAWN', '2024-02-01',
                        '2024-04-01', null, null, '2024-02-15')
                """).param("u", commune).update();
        jdbc.sql("""
                insert into petition_outcome (matter_id, stage, recover_money, recover_land, persons_disciplined, orgs_restored)
                select id, 'DECIDED', 120.5, 300, 2, 1 from petition_matter where number in ('T-TOTAL-M1', 'T-TOTAL-M3')
                union all
                select id, 'ENFORCED', 80, 150, 1, 1 from petition_matter where number = 'T-TOTAL-M3'
                """).update();
        jdbc.sql("""
                insert into petition_session (unit_id, kind, host, held_on, created_by)
                values (:u, 'REGULAR', 'OFFICE', '2024-03-01', 'test'), (:u, 'PERIODIC', 'HEAD', '2024-08-20', 'test')
                """).param("u", commune).update();
        jdbc.sql("""
                insert into petition_visit (session_id, unit_id, visited_on, persons_count, crowd, matter_id, first_time, summary, created_by)
                select s.id, :u, s.held_on, v.persons, v.crowd, (select id from petition_matter where number = v.matter), v.first_time,
                       'Công dân trình bày', 'test'
                from petition_session s
                join (values ('2024-03-01'::date, 1, false, 'T-TOTAL-M1', true), ('2024-03-01'::date, 2, false, 'T-TOTAL-M1', false),
                             ('2024-08-20'::date, 7, true, 'T-TOTAL-M2', true), ('2024-08-20'::date, 1, false, null, true))
                     v (day, persons, crowd, matter, first_time) on v.day = s.held_on
                where s.unit_id = :u
                """).param("u", commune).update();
        jdbc.sql("""
                insert into petition (number, unit_id, received_on, channel, petitioner_kind, signers_count, subject, status, content_kind,
                                      field, eligible, competence, handling, processed_on, reply_received_on, matter_id, created_by)
                select p.number, :u, p.received, p.channel, p.kind, p.signers, 'Đơn thử', p.status, p.content_kind, p.field, p.eligible,
                       p.competence, p.handling, p.processed, p.replied, (select id from petition_matter where number = p.matter), 'test'
                from (values
                    ('T-TOTAL-P1', '2024-03-01'::date, 'RECEPTION', 'PERSON', 1, 'PROCESSED', 'COMPLAINT', 'ADMIN_LAND', true, 'WITHIN', 'ACCEPT',
                     '2024-03-05'::date, null::date, 'T-TOTAL-M1'),
                    ('T-TOTAL-P2', '2024-03-02', 'POST', 'GROUP', 4, 'PROCESSED', 'COMPLAINT', 'ADMIN_LAND', true, 'WITHIN', 'ACCEPT',
                     '2024-03-06', null, 'T-TOTAL-M1'),
                    ('T-TOTAL-P3', '2024-08-20', 'RECEPTION', 'PERSON', 1, 'PROCESSED', 'DENUNCIATION', 'CORRUPTION', true, 'WITHIN', 'ACCEPT',
                     '2024-08-25', null, 'T-TOTAL-M2'),
                    ('T-TOTAL-P4', '2023-10-20', 'POST', 'PERSON', 1, 'PROCESSED', 'COMPLAINT', 'ADMIN_POLICY', true, 'WITHIN', 'ACCEPT',
                     '2023-10-25', null, 'T-TOTAL-M3'),
                    ('T-TOTAL-P5', '2023-12-20', 'POST', 'GROUP', 3, 'RECEIVED', null, null, null, null, null, null, null, null),
                    ('T-TOTAL-P6', '2024-05-28', 'EMAIL', 'PERSON', 1, 'PROCESSED', 'RECOMMENDATION', 'ADMIN_POLICY', true, 'OUTSIDE', 'FORWARD',
                     '2024-06-01', '2024-07-01', null),
                    ('T-TOTAL-P7', '2024-07-07', 'POST', 'ANONYMOUS', 1, 'PROCESSED', 'DENUNCIATION', 'OTHER', false, null, 'FILE',
                     '2024-07-09', null, null),
                    ('T-TOTAL-P8', '2024-01-25', 'RECEPTION', 'PERSON', 1, 'PROCESSED', 'COMPLAINT', 'ADMIN_OTHER', true, 'WITHIN', 'ACCEPT',
                     '2024-01-30', null, 'T-TOTAL-M4'),
                    ('T-TOTAL-P9', '2024-10-02', 'RECEPTION', 'PERSON', 1, 'PROCESSED', 'REFLECTION', 'JUSTICE', true, 'OUTSIDE', 'GUIDE',
                     '2024-10-04', '2024-10-20', null))
                    p (number, received, channel, kind, signers, status, content_kind, field, eligible, competence, handling, processed,
                       replied, matter)
                """).param("u", commune).update();
        return commune;
    }

    /** The unit holding the code today, by id (as reporting asks: codes were reused in 2025, "19" was the old Thái Nguyên). */
    FormQuery query(String unitCode, Map<String, String> parameters, LocalDate from, LocalDate to) {
        var unit = units.findByCode(unitCode, LocalDate.now(clock)).orElseThrow();
        return new FormQuery("totals", forms.measures(), parameters, null, unit.id(), from, to,
                SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * Asserts, for every measure, that the total alone equals the total row of the full form, and returns per kind of
     * measure (count, distinct cases, sum) how many of them counted something.
     */
    Map<AggregateKind, Integer> assertTotalsOfTheFullForm(String unitCode, Map<String, String> parameters, LocalDate from, LocalDate to) {
        var query = query(unitCode, parameters, from, to);
        var full = forms.rows(query).rows().get(0);
        var total = forms.total(query);
        var what = unitCode + " " + from + "…" + to + " " + parameters;
        assertThat(total.keySet()).as(what + ": every measure asked").containsExactlyElementsOf(query.measures());
        var counted = new EnumMap<AggregateKind, Integer>(AggregateKind.class);
        for (var measure : PetitionMeasures.MEASURES) {
            assertThat(total.get(measure.key())).as(what + ": " + measure.key()).isEqualByComparingTo(full.value(measure.key()));
            if (total.get(measure.key()).signum() != 0) {
                counted.merge(measure.how().kind(), 1, Integer::sum);
            }
        }
        return counted;
    }

    @Test
    void theTotalAloneEqualsTheFullFormsTotalRowForEveryMeasureOfTheCountry() {
        oldBacKanRecords();
        var counted = new EnumMap<AggregateKind, Integer>(AggregateKind.class);
        for (var period : periods()) {
            for (var parameters : List.of(Map.<String, String>of(), Map.of("contentKinds", "COMPLAINT"))) {
                assertTotalsOfTheFullForm("VN", parameters, period[0], period[1]).forEach((k, n) -> counted.merge(k, n, Integer::sum));
            }
        }
        assertThat(counted).as("counts, distinct cases and sums each counted something").containsOnlyKeys(AggregateKind.values());
    }

    @Test
    void theTotalAloneEqualsTheFullFormsTotalRowForEveryMeasureOfAProvinceAcrossThe2025Reform() {
        oldBacKanRecords();
        var counted = new EnumMap<AggregateKind, Integer>(AggregateKind.class);
        for (var period : periods()) {
            for (var parameters : List.of(Map.<String, String>of(), Map.of("contentKinds", "COMPLAINT,DENUNCIATION"))) {
                assertTotalsOfTheFullForm("19", parameters, period[0], period[1]).forEach((k, n) -> counted.merge(k, n, Integer::sum));
            }
        }
        assertThat(counted).as("counts, distinct cases and sums each counted something").containsOnlyKeys(AggregateKind.values());
        // 2024 is before the demo's records: Thái Nguyên's figures of that year are the old Bắc Kạn commune's
        var year2024 = forms.total(query("19", Map.of(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
        assertThat(year2024.get("petitions.total")).as("P1-P3, P5 carried, P6-P9").isEqualByComparingTo("8");
        assertThat(year2024.get("petitions.processed")).as("P1-P3, P6-P9").isEqualByComparingTo("7");
        assertThat(year2024.get("cases.finished")).as("M1 decided, M4 withdrawn").isEqualByComparingTo("2");
        assertThat(year2024.get("cases.eligible")).as("M1, M2, M4, P6, P9").isEqualByComparingTo("5");
        assertThat(year2024.get("matters.petitions")).as("M1's two, M2's, M3's, M4's").isEqualByComparingTo("5");
        assertThat(year2024.get("matters.ordered.recover-money")).as("M1's and M3's decisions").isEqualByComparingTo("241");
        assertThat(year2024.get("enforcement.done.recover-land")).as("M3 closed in 2024").isEqualByComparingTo("150");
        assertThat(year2024.get("visits.total")).isEqualByComparingTo("4");
        assertThat(year2024.get("visits.persons")).isEqualByComparingTo("11");
        assertThat(year2024.get("visits.cases")).as("M1 twice in one session counts once").isEqualByComparingTo("3");
    }

    @Test
    void theTotalAloneEqualsTheFullFormsTotalRowForEveryMeasureOfACommune() {
        var counted = new EnumMap<AggregateKind, Integer>(AggregateKind.class);
        for (var period : periods()) {
            assertTotalsOfTheFullForm("05983", Map.of(), period[0], period[1]).forEach((k, n) -> counted.merge(k, n, Integer::sum));
        }
        assertThat(counted).as("the demo's petitions of Phường Lương Văn Tri: counts and distinct cases")
                .containsKeys(AggregateKind.COUNT, AggregateKind.CASES);
    }

    @Test
    void theTotalAloneAnswersOnlyTheMeasuresAskedInTheirOrder() {
        var asked = new java.util.LinkedHashSet<>(List.of("cases.finished", "petitions.total", "visits.persons"));
        var today = LocalDate.now(clock);
        var query = new FormQuery("totals", asked, Map.of(), "20", null, today.minusYears(1), today,
                SecurityContextHolder.getContext().getAuthentication());
        // by code here: the unit holding it at the period's end
        var total = forms.total(query);
        assertThat(new ArrayList<>(total.keySet())).containsExactlyElementsOf(asked);
        var full = forms.rows(query).rows().get(0);
        asked.forEach(m -> assertThat(total.get(m)).as(m).isEqualByComparingTo(full.value(m)));
        assertThat(total.get("petitions.total")).as("Lạng Sơn's demo petitions").isPositive();
    }
}
