package vn.danvan.democracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * V92's tally of the obligations disclosed (communes per country row, item, period and validity) is the count of the
 * distinct (commune, item, period) disclosed in the records, after the migration's fill and after every kind of write
 * its triggers follow: a first and a repeated disclosure, their removal, a disclosure moved to another period, and a
 * commune ended by a reorganisation.
 */
@SpringBootTest
class DisclosedTallyIntegrationTests {

    /** Rows of the tally that differ from the records' count (rows of zero are as good as absent). */
    static final String MISMATCHES = """
            with records (item_code, period_key, row_id, validity, n) as (
                select m.item_code, m.period_key, coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id), u.validity,
                       count(*)
                from (select distinct d.unit_id, d.item_code, d.period_key from democracy_disclosure d) m
                join org_unit u on u.id = m.unit_id
                where u.level = 'COMMUNE' and u.category = 'AREA'
                group by 1, 2, 3, 4)
            select count(*)
            from records r
            full join (select * from democracy_disclosed_tally where communes <> 0) t
              on t.item_code = r.item_code and t.period_key = r.period_key and t.row_id = r.row_id and t.validity = r.validity
            where r.n is distinct from t.communes""";

    @Autowired
    JdbcClient jdbc;

    long mismatches() {
        return jdbc.sql(MISMATCHES).query(Long.class).single();
    }

    long tallied(long unitId, String item, String period) {
        return jdbc.sql("""
                select coalesce(sum(t.communes), 0) from democracy_disclosed_tally t join org_unit u on u.id = :unit
                where t.item_code = :item and t.period_key = :period
                  and t.row_id = coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id) and t.validity = u.validity""")
                .param("unit", unitId).param("item", item).param("period", period).query(Long.class).single();
    }

    long disclose(long unitId, String item, String period, LocalDate on) {
        return jdbc.sql("""
                insert into democracy_disclosure (unit_id, item_code, period_key, channel, title, posted_on, created_by)
                values (:unit, :item, :period, 'NOTICE_BOARD', 'Kiểm thử', :on, 'test') returning id""")
                .param("unit", unitId).param("item", item).param("period", period).param("on", on).query(Long.class).single();
    }

    @Test
    void theTallyOfTheDemoDataIsTheDistinctDisclosuresOfTheCommunes() {
        assertThat(jdbc.sql("select count(*) from democracy_disclosure").query(Long.class).single()).isPositive();
        assertThat(mismatches()).isZero();
    }

    @Test
    @Transactional
    void aCommuneCountsOnceForAnObligationHoweverOftenItDisclosesAndLeavesWithItsLastDisclosure() {
        long commune = jdbc.sql("""
                select id from org_unit where level = 'COMMUNE' and category = 'AREA' and valid_to is null order by id limit 1""")
                .query(Long.class).single();
        var item = jdbc.sql("select code from democracy_disclosure_item order by code limit 1").query(String.class).single();
        var before = tallied(commune, item, "2031Q2");

        long first = disclose(commune, item, "2031Q2", LocalDate.of(2031, 7, 1));
        assertThat(tallied(commune, item, "2031Q2")).isEqualTo(before + 1);
        long second = disclose(commune, item, "2031Q2", LocalDate.of(2031, 7, 3));
        assertThat(tallied(commune, item, "2031Q2")).isEqualTo(before + 1);
        assertThat(mismatches()).isZero();

        jdbc.sql("delete from democracy_disclosure where id = :id").param("id", first).update();
        assertThat(tallied(commune, item, "2031Q2")).isEqualTo(before + 1);
        jdbc.sql("update democracy_disclosure set period_key = '2031Q3' where id = :id").param("id", second).update();
        assertThat(tallied(commune, item, "2031Q2")).isEqualTo(before);
        assertThat(tallied(commune, item, "2031Q3")).isPositive();
        assertThat(mismatches()).isZero();

        jdbc.sql("delete from democracy_disclosure where id = :id").param("id", second).update();
        assertThat(mismatches()).isZero();
    }

    @Test
    @Transactional
    void aCommuneEndedByAReorganisationMovesItsDisclosuresToItsNewValidity() {
        long commune = jdbc.sql("""
                select d.unit_id from democracy_disclosure d join org_unit u on u.id = d.unit_id
                where u.level = 'COMMUNE' and u.category = 'AREA' and u.valid_to is null order by d.id limit 1""")
                .query(Long.class).single();
        jdbc.sql("update org_unit set valid_to = date '2032-06-30' where id = :id").param("id", commune).update();
        assertThat(mismatches()).isZero();
        var onlyBefore = jdbc.sql("""
                select count(*) from democracy_disclosed_tally t
                where t.communes > 0 and t.validity @> date '2032-06-30' and not t.validity @> date '2032-07-01'""")
                .query(Long.class).single();
        assertThat(onlyBefore).isPositive();
    }
}
