package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import vn.danvan.orgunit.AllocationShares;
import vn.danvan.orgunit.OrgUnits;

/**
 * The summary kept by reporting_value's own statements gives exactly the live answer: sums, averages and
 * ratios of sums, restated across the merge of Bắc Kạn into Thái Nguyên and the split of the old Kiên Mộc
 * (with its shares, and the old Bính Xá without and then with shares), after shares change, after writes,
 * imports and deletes — for the country and for provinces, whole years and quarters, in the aggregate and
 * in the pivot.
 */
@SpringBootTest
class ValueSummaryIntegrationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);

    @Autowired
    WebApplicationContext context;
    @Autowired
    Aggregates aggregates;
    @Autowired
    Pivots pivots;
    @Autowired
    ValueSummary summary;
    @Autowired
    Indicators indicators;
    @Autowired
    ReportValues values;
    @Autowired
    DataValueSets sets;
    @Autowired
    AllocationShares shares;
    @Autowired
    OrgUnits units;
    @Autowired
    CurrentUsers currentUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    SignedInMvc signedIn;
    CurrentUser admin;
    LocalDate today;

    @BeforeEach
    void setUp() throws Exception {
        signedIn = new SignedInMvc(context);
        admin = ReportingTestUsers.as(signedIn, currentUsers, "admin");
        today = LocalDate.now(clock);
    }

    @AfterEach
    void tearDown() {
        ReportingTestUsers.signOut();
    }

    String define(ValueType type, Aggregation aggregation, String numerator, String denominator) {
        var code = "T_SUM_" + aggregation + "_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100000;
        indicators.define(new IndicatorInput(code, "Chỉ tiêu tổng hợp thử " + code, null, null, type, aggregation,
                numerator == null ? IndicatorSource.ENTERED : IndicatorSource.COMPUTED, numerator == null ? "2024Q1" : null,
                numerator, denominator, null, null, null), admin);
        return code;
    }

    void save(String indicator, String unit, String period, Object value) {
        values.save(new ValueInput(indicator, unit, period, null, value, null), admin);
    }

    /** Every indicator × area × period asked through Aggregates (the summary) equals the figure counted live. */
    void assertSummaryEqualsLive(List<String> codes, List<String> areas, List<String> periods) {
        int fromSummary = 0;
        for (var code : codes) {
            var indicator = indicators.get(code);
            for (var areaCode : areas) {
                var area = units.findByCode(areaCode, today).orElseThrow();
                for (var p : periods) {
                    var period = ReportPeriod.parse(p, "period");
                    var where = code + " · " + areaCode + " · " + p;
                    var answer = aggregates.aggregate(code, areaCode, p, today, AggregateMode.RESTATED, null, admin);
                    if (indicator.isRatio()) {
                        var num = aggregates.live(indicators.get(indicator.numerator()), area, period, today, AggregateMode.RESTATED, "",
                                Aggregation.SUM);
                        var den = aggregates.live(indicators.get(indicator.denominator()), area, period, today, AggregateMode.RESTATED, "",
                                Aggregation.SUM);
                        assertSame(answer.value(), AggregateRules.ratio(num.value(), den.value(),
                                indicator.valueType() == ValueType.PERCENTAGE), where);
                        continue;
                    }
                    var live = aggregates.live(indicator, area, period, today, AggregateMode.RESTATED, "", indicator.aggregation());
                    var summed = summary.figure(indicator, indicator.aggregation(), area, period, today, AggregateMode.RESTATED, "");
                    assertThat(summed).as(where + " answered by the summary").isPresent();
                    fromSummary++;
                    assertSame(summed.get().value(), live.value(), where);
                    assertSame(answer.value(), live.value(), where + " (aggregate)");
                    assertThat(answer.valuesCounted()).as(where).isEqualTo(live.count());
                    // the year before comes from the same summary read as the figure: still what live counting gives
                    var previousLive = aggregates.live(indicator, area, period.previousYear(), today, AggregateMode.RESTATED, "",
                            indicator.aggregation());
                    assertSame(answer.previousValue(), previousLive.value(), where + " (cùng kỳ năm trước)");
                }
            }
        }
        assertThat(fromSummary).isGreaterThan(0);
        // the pivot of the country over its provinces, from the summary, gives the same cells
        var pivot = pivots.pivot(new PivotQuestion(codes, "VN", "2024", ReportPeriod.Kind.QUARTER, today, AggregateMode.RESTATED,
                null, null, null), admin);
        for (var code : codes) {
            for (var areaCode : areas) {
                for (var p : List.of("2024Q1", "2024Q2", "2024")) {
                    var one = aggregates.aggregate(code, areaCode, p, today, AggregateMode.RESTATED, null, admin);
                    var cell = pivot.cell(code, areaCode, p);
                    assertThat(cell).as(code + " · " + areaCode + " · " + p + " in the pivot").isNotNull();
                    assertSame(cell.value(), one.value(), code + " · " + areaCode + " · " + p + " (pivot)");
                    assertSame(cell.previousValue(), one.previousValue(), code + " · " + areaCode + " · " + p + " (pivot, cùng kỳ)");
                }
            }
        }
    }

    static void assertSame(Object a, Object b, String where) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            assertThat(x).as(where).isEqualByComparingTo(y);
        } else {
            assertThat(a).as(where).isEqualTo(b);
        }
    }

    @Test
    void theSummaryGivesTheLiveAnswerAcrossTheReformAfterWritesImportsDeletesAndShareChanges() {
        var sum = define(ValueType.INTEGER, Aggregation.SUM, null, null);
        var average = define(ValueType.DECIMAL, Aggregation.AVERAGE, null, null);
        var other = define(ValueType.INTEGER, Aggregation.SUM, null, null);
        var ratio = define(ValueType.PERCENTAGE, Aggregation.RATIO, sum, other);
        for (var q : List.of("2023Q2", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1")) {
            int i = q.charAt(5) - '0';
            save(sum, "01834", q, 10 * i);          // old Bắc Kạn (merged into Thái Nguyên)
            save(sum, "01837", q, 3);
            save(sum, "05431", q, 100 + i);          // old Thái Nguyên
            save(sum, "06625", q, 20 + i);           // the old Kiên Mộc, split (shares 60/40 from the demo)
            save(sum, "06622", q, 7);                // Bính Xá, split, shares not set
            save(other, "01834", q, 40);
            save(other, "06625", q, 30 + i);
            save(other, "05431", q, 50);
            save(average, "01834", q, "12.5");
            save(average, "06625", q, 40 + i);
            save(average, "05431", q, "80.25");
        }
        save(sum, "01840", "2025Q3", 9);             // a commune of today's Thái Nguyên
        var codes = List.of(sum, average, ratio);
        var areas = List.of("VN", "19", "20");
        var periods = List.of("2024", "2024Q2", "2025", "2025Q3", "2023");
        assertSummaryEqualsLive(codes, areas, periods);
        var thaiNguyen = aggregates.aggregate(sum, "19", "2024Q2", today, AggregateMode.RESTATED, null, admin);
        assertThat((BigDecimal) thaiNguyen.value()).isEqualByComparingTo("" + (20 + 3 + 102));

        // a write is in the next answer
        save(sum, "01837", "2024Q2", 1003);
        assertThat((BigDecimal) aggregates.aggregate(sum, "19", "2024Q2", today, AggregateMode.RESTATED, null, admin).value())
                .isEqualByComparingTo("" + (20 + 1003 + 102));
        // an import (one set-based statement) and a delete (as the entry grid clears a value)
        var rows = List.of(new DataValueSets.DataValue(sum, "2024Q3", "05431", null, null, "500", null, null, null, null),
                new DataValueSets.DataValue(other, "2024Q4", "01837", null, null, "1", null, null, null, null),
                new DataValueSets.DataValue(average, "2024Q3", "06622", null, null, "33.3", null, null, null, null));
        var summaryOfImport = sets.importValues(new DataValueSets.DataValueSet(null, null, null, null, rows), false, null, admin);
        assertThat(summaryOfImport.conflicts()).isEmpty();
        assertThat(summaryOfImport.importCount().imported() + summaryOfImport.importCount().updated()).isEqualTo(3);
        jdbc.sql("""
                delete from reporting_value
                where indicator_id = (select id from reporting_indicator where code = :code) and period = '2024Q1'
                  and unit_id in (select id from org_unit where code in ('01834', '06625'))
                """).param("code", sum).update();
        assertSummaryEqualsLive(codes, areas, periods);

        // shares change: the summary is rebuilt before it answers again
        var bXa = units.findByCode("06622", BEFORE).orElseThrow();
        var kienMoc = units.findByCode("06625", BEFORE).orElseThrow();
        var kienMocBefore = new HashMap<Long, BigDecimal>();
        shares.split(kienMoc.id()).parts().forEach(p -> kienMocBefore.put(p.successor().id(), p.share()));
        var bXaBefore = new HashMap<Long, BigDecimal>();
        shares.split(bXa.id()).parts().forEach(p -> bXaBefore.put(p.successor().id(), p.share()));
        try {
            // Bính Xá: 30 % to the new Kiên Mộc, the rest to its other successor — as ReportingApiIntegrationTests sets them,
            // so that the tests that read these shares afterwards see the same whichever ran last
            var bXaShares = new HashMap<Long, BigDecimal>();
            shares.split(bXa.id()).parts().forEach(p -> bXaShares.put(p.successor().id(),
                    new BigDecimal("06625".equals(p.successor().code()) ? "0.3" : "0.7")));
            shares.setShares(bXa.id(), bXaShares);
            shares.setShares(kienMoc.id(), half(kienMoc.id(), "0.5"));
            save(sum, "06622", "2024Q4", 70);
            assertSummaryEqualsLive(codes, areas, periods);
        } finally {
            if (kienMocBefore.values().stream().allMatch(java.util.Objects::nonNull)) {
                shares.setShares(kienMoc.id(), kienMocBefore);
            }
            // the other tests read Bính Xá's shares as they found them (ReportingApiIntegrationTests starts from none set)
            if (bXaBefore.values().stream().allMatch(java.util.Objects::nonNull)) {
                shares.setShares(bXa.id(), bXaBefore);
            } else {
                jdbc.sql("update org_unit_succession set share = null where predecessor_id = :id").param("id", bXa.id()).update();
            }
        }
        assertSummaryEqualsLive(codes, areas, List.of("2024", "2024Q4"));
    }

    /** The first part of the split gets {@code first}, the others share the rest evenly. */
    Map<Long, BigDecimal> half(long unitId, String first) {
        var parts = shares.split(unitId).parts();
        var result = new HashMap<Long, BigDecimal>();
        var rest = BigDecimal.ONE.subtract(new BigDecimal(first))
                .divide(BigDecimal.valueOf(Math.max(1, parts.size() - 1)), 6, java.math.RoundingMode.DOWN);
        for (int i = 0; i < parts.size(); i++) {
            result.put(parts.get(i).successor().id(), i == 0 ? new BigDecimal(first) : rest);
        }
        if (parts.size() > 2) {
            var sum = result.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            var lastId = parts.get(parts.size() - 1).successor().id();
            result.put(lastId, result.get(lastId).add(BigDecimal.ONE.subtract(sum)));
        }
        return result;
    }
}
