package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.NotFoundException;

/**
 * The read path's fewer statements give the same answers: the aggregate reads the summary's state with
 * its rows in one statement (and still rebuilds a stale summary before answering from it), and the
 * export resolves a unit code once per code (the unit valid on each period's last day picked from its
 * holders) and names the units in its one read of the values.
 */
@SpringBootTest
class ReadPathIntegrationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    WebApplicationContext context;
    @Autowired
    Aggregates aggregates;
    @Autowired
    Indicators indicators;
    @Autowired
    ReportValues values;
    @Autowired
    DataValueSets sets;
    @Autowired
    OrgUnits units;
    @Autowired
    CurrentUsers currentUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    CurrentUser admin;
    LocalDate today;

    @BeforeEach
    void setUp() throws Exception {
        admin = ReportingTestUsers.as(new SignedInMvc(context), currentUsers, "admin");
        today = LocalDate.now(clock);
    }

    @AfterEach
    void tearDown() {
        ReportingTestUsers.signOut();
    }

    String define() {
        var code = "T_READ_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100000;
        indicators.define(new IndicatorInput(code, "Chỉ tiêu đọc thử " + code, null, null, ValueType.INTEGER, Aggregation.SUM,
                IndicatorSource.ENTERED, "2024Q1", null, null, null, null, null), admin);
        return code;
    }

    void save(String indicator, String unit, String period, Object value) {
        values.save(new ValueInput(indicator, unit, period, null, value, null), admin);
    }

    @Test
    void aStaleSummaryIsRebuiltBeforeTheAggregateAnswersFromItAndAWriteIsInTheNextAnswer() {
        var code = define();
        save(code, "01834", "2024Q2", 11);           // old Bắc Kạn, merged into Thái Nguyên
        save(code, "05431", "2024Q3", 100);          // old Thái Nguyên
        save(code, "01834", "2023Q2", 5);
        // as a change of the unit tree or of a share does: the summary is no longer current
        jdbc.sql("update reporting_summary_state set generation = generation + 1 where id = 1").update();
        var answer = aggregates.aggregate(code, "19", "2024", today, AggregateMode.RESTATED, null, admin);
        assertThat((BigDecimal) answer.value()).isEqualByComparingTo("111");
        assertThat((BigDecimal) answer.previousValue()).isEqualByComparingTo("5");
        assertThat(jdbc.sql("select built_generation = generation and built_on = :today from reporting_summary_state where id = 1")
                .param("today", today).query(Boolean.class).single()).as("rebuilt by the read").isTrue();
        var thaiNguyen = units.findByCode("19", today).orElseThrow();
        var live = aggregates.live(indicators.get(code), thaiNguyen, ReportPeriod.parse("2024", "period"), today,
                AggregateMode.RESTATED, "", Aggregation.SUM);
        assertThat((BigDecimal) answer.value()).isEqualByComparingTo(live.value());

        save(code, "01837", "2024Q4", 1000);
        var country = aggregates.aggregate(code, "VN", "2024", today, AggregateMode.RESTATED, null, admin);
        assertThat((BigDecimal) country.value()).isEqualByComparingTo("1111");
        assertThat(country.valuesCounted()).isEqualTo(3);
    }

    @Test
    void anExportAcrossTheReformNamesEachPeriodsUnitByTheReusedCodeItHeldThen() {
        var code = define();
        save(code, "06625", "2024Q4", 20);           // the old Kiên Mộc
        save(code, "06625", "2025Q4", 3);            // the new Kiên Mộc, same code
        var set = sets.export(List.of(code), List.of("2024Q4", "2025Q4"), List.of("06625"), false, admin);
        assertThat(set.dataValues()).extracting(v -> v.period() + " " + v.orgUnit() + " " + v.value())
                .containsExactly("2024Q4 06625 20", "2025Q4 06625 3");
        var holders = jdbc.sql("""
                select v.period || ' ' || v.unit_id from reporting_value v join reporting_indicator i on i.id = v.indicator_id
                where i.code = :c order by v.period
                """).param("c", code).query(String.class).list();
        assertThat(holders.get(0).split(" ")[1]).as("two different units hold the code").isNotEqualTo(holders.get(1).split(" ")[1]);
        // a period-by-period export lists the same rows
        var oneByOne = new java.util.ArrayList<String>();
        for (var period : List.of("2024Q4", "2025Q4")) {
            sets.export(List.of(code), List.of(period), List.of("06625"), false, admin).dataValues()
                    .forEach(v -> oneByOne.add(v.period() + " " + v.orgUnit() + " " + v.value()));
        }
        assertThat(oneByOne).containsExactly("2024Q4 06625 20", "2025Q4 06625 3");
    }

    @Test
    void anExportNamingACodeNoUnitHeldOnOneOfThePeriodsLastDaysIsNotFound() {
        var code = define();
        var newOnly = jdbc.sql("""
                select u.code from org_unit u
                where u.valid_from > date '2024-12-31'
                  and not exists (select 1 from org_unit o where o.code = u.code and (o.valid_from is null or o.valid_from <= date '2024-12-31'))
                order by u.code limit 1
                """).query(String.class).single();
        assertThatThrownBy(() -> sets.export(List.of(code), List.of("2025Q4", "2024Q4"), List.of(newOnly), false, admin))
                .isInstanceOf(NotFoundException.class);
        assertThat(sets.export(List.of(code), List.of("2025Q4"), List.of(newOnly), false, admin).dataValues()).isEmpty();
    }
}
