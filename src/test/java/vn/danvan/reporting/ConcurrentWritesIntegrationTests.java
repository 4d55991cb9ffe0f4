package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;

/**
 * Writers running at once over the same provinces, quarters and indicators (so over the same summary
 * rows of every province and of the country, and over some of the same values): two dataValueSets
 * imports in parallel threads, and officers saving values one by one in parallel threads. All finish
 * without a deadlock, and afterwards the summary equals a fresh GROUP BY of reporting_value over the
 * summary's weights for every indicator × area × quarter they touched.
 */
@SpringBootTest
class ConcurrentWritesIntegrationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final List<String> QUARTERS = List.of("2025Q3", "2025Q4", "2026Q1", "2026Q2");

    @Autowired
    WebApplicationContext context;
    @Autowired
    Indicators indicators;
    @Autowired
    ReportValues values;
    @Autowired
    DataValueSets sets;
    @Autowired
    Aggregates aggregates;
    @Autowired
    CurrentUsers currentUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    CurrentUser admin;
    List<String> communes;

    @BeforeEach
    void setUp() throws Exception {
        admin = ReportingTestUsers.as(new SignedInMvc(context), currentUsers, "admin");
        communes = jdbc.sql("""
                select code from org_unit
                where category = 'AREA' and level = 'COMMUNE' and valid_from <= date '2025-07-01' and valid_to is null
                order by code limit 600
                """).query(String.class).list();
        assertThat(communes).hasSizeGreaterThan(100);
    }

    @AfterEach
    void tearDown() {
        ReportingTestUsers.signOut();
    }

    List<String> defineSums(int n) {
        var codes = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            var code = "T_CONC_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100000;
            indicators.define(new IndicatorInput(code, "Chỉ tiêu ghi đồng thời " + code, null, null, ValueType.INTEGER, Aggregation.SUM,
                    IndicatorSource.ENTERED, "2025Q3", null, null, null, null, null), admin);
            codes.add(code);
        }
        // the summary is current (rebuilt if the tree changed) before the writes, so that they keep it
        aggregates.aggregate(codes.get(0), "VN", "2025Q3", LocalDate.now(clock), AggregateMode.RESTATED, null, admin);
        return codes;
    }

    List<DataValueSets.DataValue> randomRows(List<String> codes, int size, long seed) {
        var random = new Random(seed);
        var keys = new LinkedHashSet<String>();
        while (keys.size() < size) {
            keys.add(codes.get(random.nextInt(codes.size())) + "|" + communes.get(random.nextInt(communes.size())) + "|"
                    + QUARTERS.get(random.nextInt(QUARTERS.size())));
        }
        var rows = new ArrayList<DataValueSets.DataValue>();
        for (var key : keys) {
            var k = key.split("\\|");
            rows.add(new DataValueSets.DataValue(k[0], k[2], k[1], null, null, String.valueOf(random.nextInt(500)), null, null, null,
                    null));
        }
        return rows;
    }

    /** Runs the tasks at the same moment in their own threads, as the signed-in administrator; returns their results. */
    <T> List<T> together(List<java.util.concurrent.Callable<T>> tasks) throws Exception {
        var security = SecurityContextHolder.getContext();
        var pool = Executors.newFixedThreadPool(tasks.size());
        var start = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<T>>();
            for (var task : tasks) {
                futures.add(pool.submit(() -> {
                    SecurityContextHolder.setContext(security);
                    start.await();
                    try {
                        return task.call();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** The summary's rows of the indicators equal a fresh GROUP BY of the values over the weights. */
    void assertSummaryEqualsGroupBy(List<String> codes) {
        var ids = codes.stream().map(c -> indicators.get(c).id()).toArray(Long[]::new);
        record Cell(long indicatorId, long areaId, String period, String optionCombo, BigDecimal total, BigDecimal weight, int counted,
                    int apart) {
        }
        var fresh = jdbc.sql("""
                select v.indicator_id, w.area_id, v.period, v.option_combo,
                       coalesce(sum(w.weight * v.value), 0) as total, coalesce(sum(w.weight), 0) as weight,
                       cast(count(*) filter (where w.weight > 0) as int) as counted,
                       cast(count(*) filter (where w.weight is null) as int) as apart
                from reporting_value v
                join reporting_summary_weight w on w.unit_id = v.unit_id and (w.weight is null or w.weight > 0)
                where v.indicator_id = any(cast(:ids as bigint[])) and v.value is not null
                group by 1, 2, 3, 4
                order by 1, 2, 3, 4
                """).param("ids", ids).query(Cell.class).list();
        var kept = jdbc.sql("""
                select indicator_id, area_id, period, option_combo, total, weight, counted, apart
                from reporting_summary
                where indicator_id = any(cast(:ids as bigint[])) and (counted <> 0 or apart <> 0 or total <> 0 or weight <> 0)
                order by 1, 2, 3, 4
                """).param("ids", ids).query(Cell.class).list();
        assertThat(fresh).as("values were written").isNotEmpty();
        assertThat(kept).hasSameSizeAs(fresh);
        for (int i = 0; i < fresh.size(); i++) {
            var f = fresh.get(i);
            var k = kept.get(i);
            var where = f.indicatorId() + " · area " + f.areaId() + " · " + f.period();
            assertThat(List.of(k.indicatorId(), k.areaId(), k.period(), k.optionCombo())).as(where)
                    .isEqualTo(List.of(f.indicatorId(), f.areaId(), f.period(), f.optionCombo()));
            assertThat(k.total()).as(where + " total").isEqualByComparingTo(f.total());
            assertThat(k.weight()).as(where + " weight").isEqualByComparingTo(f.weight());
            assertThat(k.counted()).as(where + " counted").isEqualTo(f.counted());
            assertThat(k.apart()).as(where + " apart").isEqualTo(f.apart());
        }
    }

    @Test
    void twoImportsRunningAtOnceBothSucceedAndTheSummaryEqualsAFreshGroupBy() throws Exception {
        var codes = defineSums(6);
        // a first import, so that the parallel ones both insert and update (the upsert's two kinds of rows)
        var first = sets.importValues(new DataValueSets.DataValueSet(null, null, null, null, randomRows(codes, 1500, 1)), false, null, admin);
        assertThat(first.status()).isEqualTo("SUCCESS");
        long alone = System.nanoTime();
        var single = sets.importValues(new DataValueSets.DataValueSet(null, null, null, null, randomRows(codes, 3000, 4)), false, null, admin);
        assertThat(single.status()).isEqualTo("SUCCESS");
        System.out.printf("one import of 3,000 values alone: %d ms%n", (System.nanoTime() - alone) / 1_000_000);
        var waits = new ConcurrentHashMap<String, Integer>();
        var running = new AtomicBoolean(true);
        var sampler = new Thread(() -> {
            while (running.get()) {
                jdbc.sql("""
                        select coalesce(wait_event_type || ':' || wait_event, 'cpu') from pg_stat_activity
                        where state = 'active' and query like '%reporting_value%' and pid <> pg_backend_pid()
                        """).query(String.class).list().forEach(w -> waits.merge(w, 1, Integer::sum));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        var results = together(List.<java.util.concurrent.Callable<DataValueSets.ImportSummary>>of(
                () -> sets.importValues(new DataValueSets.DataValueSet(null, null, null, null, randomRows(codes, 3000, 2)), false, null, admin),
                () -> sets.importValues(new DataValueSets.DataValueSet(null, null, null, null, randomRows(codes, 3000, 3)), false, null, admin)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        running.set(false);
        sampler.join();
        System.out.printf("two parallel imports of 3,000 values: %d ms; samples of the writers' waits: %s%n", millis, waits);
        for (var r : results) {
            assertThat(r.status()).isEqualTo("SUCCESS");
            assertThat(r.importCount().imported() + r.importCount().updated()).isEqualTo(3000);
        }
        assertSummaryEqualsGroupBy(codes);
    }

    @Test
    void valuesSavedOneByOneInParallelThreadsKeepTheSummaryEqualToAFreshGroupBy() throws Exception {
        var codes = defineSums(3);
        var tasks = new ArrayList<java.util.concurrent.Callable<Integer>>();
        for (int t = 0; t < 4; t++) {
            long seed = 10 + t;
            tasks.add(() -> {
                var random = new Random(seed);
                int saved = 0;
                for (int i = 0; i < 150; i++) {
                    // a few communes only, so that the threads often write the same values and summary rows
                    values.save(new ValueInput(codes.get(random.nextInt(codes.size())), communes.get(random.nextInt(20)),
                            QUARTERS.get(random.nextInt(2)), null, random.nextInt(100), null), admin);
                    saved++;
                }
                return saved;
            });
        }
        assertThat(together(tasks)).containsOnly(150);
        assertSummaryEqualsGroupBy(codes);
        // and the aggregate answered from the summary is the live one
        var today = LocalDate.now(clock);
        for (var code : codes) {
            for (var quarter : QUARTERS.subList(0, 2)) {
                var answer = aggregates.aggregate(code, "VN", quarter, today, AggregateMode.RESTATED, null, admin);
                var live = aggregates.live(indicators.get(code), jdbcUnit("VN", today), vn.danvan.form.ReportPeriod.parse(quarter, "period"),
                        today, AggregateMode.RESTATED, "", Aggregation.SUM);
                assertThat(answer.valuesCounted()).as(code + " · " + quarter).isEqualTo(live.count());
                ValueSummaryIntegrationTests.assertSame(answer.value(), live.value(), code + " · " + quarter);
            }
        }
    }

    @Autowired
    vn.danvan.orgunit.OrgUnits units;

    vn.danvan.orgunit.OrgUnit jdbcUnit(String code, LocalDate day) {
        return units.findByCode(code, day).orElseThrow();
    }
}
