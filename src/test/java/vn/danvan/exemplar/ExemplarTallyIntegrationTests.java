package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tally behind the dashboard (V40) against the records it summarises: every figure of every unit
 * and year equals the same figure counted directly from the models, recognitions, commendations,
 * fields and results; two writers of the same unit and year at once are both counted.
 */
@SpringBootTest
class ExemplarTallyIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    /** unit/year/measure → "collective|individual", counted from the records without the tally. */
    Map<String, String> countedFromTheRecords() {
        var sql = """
                select e.unit_id, e.year, 'REGISTERED' m, count(*) filter (where kind = 'COLLECTIVE'), count(*) filter (where kind = 'INDIVIDUAL')
                  from exemplar e group by 1, 2
                union all
                select e.unit_id, e.year, 'REPLICATED', count(*) filter (where kind = 'COLLECTIVE'), count(*) filter (where kind = 'INDIVIDUAL')
                  from exemplar e where e.source_id is not null group by 1, 2
                union all
                select e.unit_id, e.year, 'STATUS:' || e.status, count(*) filter (where kind = 'COLLECTIVE'), count(*) filter (where kind = 'INDIVIDUAL')
                  from exemplar e group by 1, 2, 3
                union all
                select e.unit_id, e.year, 'FUNDS', coalesce(sum(e.funds_vnd) filter (where kind = 'COLLECTIVE'), 0),
                       coalesce(sum(e.funds_vnd) filter (where kind = 'INDIVIDUAL'), 0)
                  from exemplar e group by 1, 2
                union all
                select e.unit_id, e.year, 'SOCIALISED', coalesce(sum(e.socialised_vnd) filter (where kind = 'COLLECTIVE'), 0),
                       coalesce(sum(e.socialised_vnd) filter (where kind = 'INDIVIDUAL'), 0)
                  from exemplar e group by 1, 2
                union all
                select e.unit_id, e.year, 'FIELD:' || l.field_code, count(*) filter (where kind = 'COLLECTIVE'), count(*) filter (where kind = 'INDIVIDUAL')
                  from exemplar_field_link l join exemplar e on e.id = l.exemplar_id group by 1, 2, 3
                union all
                select e.unit_id, r.year, 'RECOGNISED', count(distinct e.id) filter (where kind = 'COLLECTIVE'),
                       count(distinct e.id) filter (where kind = 'INDIVIDUAL')
                  from exemplar_recognition r join exemplar e on e.id = r.exemplar_id group by 1, 2
                union all
                select e.unit_id, r.year, 'TYPICAL', count(distinct e.id) filter (where kind = 'COLLECTIVE'),
                       count(distinct e.id) filter (where kind = 'INDIVIDUAL')
                  from exemplar_recognition r join exemplar e on e.id = r.exemplar_id where r.typical group by 1, 2
                union all
                select e.unit_id, r.year, 'LEVEL:' || r.level, count(distinct e.id) filter (where kind = 'COLLECTIVE'),
                       count(distinct e.id) filter (where kind = 'INDIVIDUAL')
                  from exemplar_recognition r join exemplar e on e.id = r.exemplar_id group by 1, 2, 3
                union all
                select e.unit_id, c.year, 'COMMENDED', count(distinct e.id) filter (where kind = 'COLLECTIVE'),
                       count(distinct e.id) filter (where kind = 'INDIVIDUAL')
                  from exemplar_commendation c join exemplar e on e.id = c.exemplar_id group by 1, 2
                union all
                select e.unit_id, c.year, 'FORM:' || c.form, count(*) filter (where kind = 'COLLECTIVE'), count(*) filter (where kind = 'INDIVIDUAL')
                  from exemplar_commendation c join exemplar e on e.id = c.exemplar_id group by 1, 2, 3
                union all
                select e.unit_id, x.year, 'RESULT:' || x.measure, coalesce(sum(x.value) filter (where kind = 'COLLECTIVE'), 0),
                       coalesce(sum(x.value) filter (where kind = 'INDIVIDUAL'), 0)
                  from exemplar_result x join exemplar e on e.id = x.exemplar_id group by 1, 2, 3
                """;
        var counted = new TreeMap<String, String>();
        jdbc.sql(sql).query((rs, n) -> {
            var c = rs.getBigDecimal(4);
            var i = rs.getBigDecimal(5);
            if (c.signum() != 0 || i.signum() != 0) {
                counted.put(rs.getLong(1) + "/" + rs.getInt(2) + "/" + rs.getString(3), text(c) + "|" + text(i));
            }
            return null;
        }).list();
        return counted;
    }

    Map<String, String> tally() {
        var tally = new TreeMap<String, String>();
        jdbc.sql("select unit_id, year, measure, collective, individual from exemplar_tally").query((rs, n) ->
                tally.put(rs.getLong(1) + "/" + rs.getInt(2) + "/" + rs.getString(3), text(rs.getBigDecimal(4)) + "|"
                        + text(rs.getBigDecimal(5)))).list();
        return tally;
    }

    static String text(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    @Test
    void everyFigureOfTheTallyEqualsTheSameFigureCountedFromTheRecords() {
        var counted = countedFromTheRecords();
        assertThat(counted).as("the demo has models to count").hasSizeGreaterThan(100);
        assertThat(tally()).isEqualTo(counted);
    }

    @Test
    void theRebuildInOneStatementGivesTheTallyTheWritersKept() {
        var kept = tally();
        assertThat(kept).as("the demo's writers kept a tally").hasSizeGreaterThan(100);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from exemplar_tally").update();
            jdbc.sql("select exemplar_tally_rebuild()").query((rs, n) -> null).list();
        });
        assertThat(tally()).isEqualTo(kept).isEqualTo(countedFromTheRecords());
    }

    @Test
    void movingAModelToAnotherUnitMovesItsRecognitionsAndResultsOfEveryYear() {
        var model = jdbc.sql("""
                select e.id, e.unit_id from exemplar e where exists (select 1 from exemplar_recognition r where r.exemplar_id = e.id)
                order by e.id limit 1""").query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        var otherUnit = jdbc.sql("select id from org_unit where id <> :unit and code = '05977' order by id desc limit 1").param("unit", model[1])
                .query(Long.class).optional().orElseGet(() -> jdbc.sql("select min(id) from org_unit where id <> :unit")
                        .param("unit", model[1]).query(Long.class).single());
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    insert into exemplar_result (exemplar_id, year, measure, value)
                    select id, year + 2, 'PEOPLE_REACHED', 120 from exemplar where id = :id""").param("id", model[0]).update();
            assertThat(tally()).isEqualTo(countedFromTheRecords());
            jdbc.sql("update exemplar set unit_id = :unit where id = :id").param("unit", otherUnit).param("id", model[0]).update();
            assertThat(tally()).isEqualTo(countedFromTheRecords());
            tx.setRollbackOnly();
        });
    }

    @Test
    void twoWritersOfTheSameUnitAndYearAtOnceAreBothCounted() throws Exception {
        var unit = jdbc.sql("select id from org_unit where code = '05983' order by id desc limit 1").query(Long.class).single();
        var firstInserted = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> transactions.executeWithoutResult(tx -> {
                insertModel(unit, "TALLY-TEST-1");
                firstInserted.countDown();
                sleep(400); // the second writer's recomputation waits for this commit
            }));
            assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
            var second = pool.submit(() -> transactions.executeWithoutResult(tx -> insertModel(unit, "TALLY-TEST-2")));
            first.get(20, TimeUnit.SECONDS);
            second.get(20, TimeUnit.SECONDS);
            var registered = jdbc.sql("""
                    select collective from exemplar_tally where unit_id = :unit and year = 2003 and measure = 'REGISTERED'""")
                    .param("unit", unit).query(BigDecimal.class).single();
            assertThat(registered).isEqualByComparingTo("2");
        } finally {
            pool.shutdownNow();
            jdbc.sql("delete from exemplar where number like 'TALLY-TEST-%'").update();
        }
        assertThat(jdbc.sql("select count(*) from exemplar_tally where unit_id = :unit and year = 2003").param("unit", unit)
                .query(Long.class).single()).as("deleting the models empties their year").isZero();
    }

    void insertModel(long unit, String number) {
        jdbc.sql("""
                insert into exemplar (number, kind, name, unit_id, registrant_type, registered_on, year, status, created_by)
                values (:number, 'COLLECTIVE', 'Mô hình thử đếm đồng thời', :unit, 'RESIDENTIAL_AREA', date '2003-05-01', 2003,
                        'REGISTERED', 'test')""").param("number", number).param("unit", unit).update();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
