package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application's JdbcClient maps records as Spring does — snake_case columns to camelCase components,
 * aliases, conversions of text to enums, nulls — without the driver's exception per row and column.
 */
@SpringBootTest
class RecordMappingJdbcClientIntegrationTests {

    enum Kind { COLLECTIVE, INDIVIDUAL }

    record Row(long id, LocalDate heldOn, String placeName, Kind kind, Integer missingCount, BigDecimal amount, boolean open) {
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApplicationsClientIsTheRecordMappingOne() {
        assertThat(jdbc).isInstanceOf(RecordMappingJdbcClient.class);
    }

    @Test
    void snakeCaseColumnsAliasesEnumsAndNullsMapAsSpringMapsThem() {
        var sql = """
                select 7 as id, date '2026-11-30' as held_on, 'Phường Đông Kinh' as "placeName", 'INDIVIDUAL' as kind,
                       cast(null as int) as missing_count, 38500.25 as amount, true as open
                union all
                select 8, date '2025-07-01', 'Xã Kiên Mộc', 'COLLECTIVE', 3, 0, false
                order by id
                """;
        var fast = jdbc.sql(sql).query(Row.class).list();
        var spring = JdbcClient.create(((RecordMappingJdbcClient) jdbc).operations()).sql(sql).query(Row.class).list();

        assertThat(fast).containsExactly(
                new Row(7, LocalDate.of(2026, 11, 30), "Phường Đông Kinh", Kind.INDIVIDUAL, null, new BigDecimal("38500.25"), true),
                new Row(8, LocalDate.of(2025, 7, 1), "Xã Kiên Mộc", Kind.COLLECTIVE, 3, new BigDecimal("0"), false));
        assertThat(fast).isEqualTo(spring);
    }

    @Test
    void simpleTypesParametersAndOptionalResultsBehaveAsBefore() {
        assertThat(jdbc.sql("select count(*) from org_unit where code = :code").param("code", "20").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("select 1 as id, date '2026-01-01' as held_on, null as place_name, 'COLLECTIVE' as kind, "
                        + "null as missing_count, null as amount, false as open where false")
                .query(Row.class).optional()).isEmpty();
    }

    @Test
    void aComponentWithoutAColumnIsRefusedAsSpringRefusesIt() {
        assertThatThrownBy(() -> jdbc.sql("select 1 as id").query(Row.class).list())
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
    }

    @Test
    void manyRowsWithAnExtraColumnMapAsSpringMapsThemColumnsSettledOncePerQuery() {
        var sql = """
                select g as id, date '2026-01-01' + g as held_on, 'Xã ' || g as place_name,
                       case when g % 2 = 0 then 'INDIVIDUAL' else 'COLLECTIVE' end as kind, nullif(g % 3, 0) as missing_count,
                       g * 1.5 as amount, g % 2 = 0 as open, 'ghi chú' as extra_note
                from generate_series(1, 50) g order by g
                """;
        var fast = jdbc.sql(sql).query(Row.class).list();
        var spring = JdbcClient.create(((RecordMappingJdbcClient) jdbc).operations()).sql(sql).query(Row.class).list();

        assertThat(fast).hasSize(50).isEqualTo(spring);
        assertThat(fast.get(2)).isEqualTo(new Row(3, LocalDate.of(2026, 1, 4), "Xã 3", Kind.COLLECTIVE, null, new BigDecimal("4.5"), false));
        // a second query of another shape right after, on the same thread: its own columns, not the last query's
        assertThat(jdbc.sql("select 'COLLECTIVE' as kind, false as open, 9 as id, null as amount, 1 as missing_count, "
                + "'Phường 9' as place_name, date '2026-02-02' as held_on").query(Row.class).single())
                .isEqualTo(new Row(9, LocalDate.of(2026, 2, 2), "Phường 9", Kind.COLLECTIVE, 1, null, false));
    }

    @Test
    void aSecondColumnNamedLikeAComponentIsLeftToSpringsMapperWithItsOutcome() {
        var sql = "select 1 as id, date '2026-01-01' as held_on, 'A' as place_name, 'COLLECTIVE' as kind, "
                + "null as missing_count, 2 as amount, true as open, 5 as id";
        Object spring;
        try {
            spring = JdbcClient.create(((RecordMappingJdbcClient) jdbc).operations()).sql(sql).query(Row.class).list();
        } catch (RuntimeException e) {
            spring = e.getClass();
        }
        Object fast;
        try {
            fast = jdbc.sql(sql).query(Row.class).list();
        } catch (RuntimeException e) {
            fast = e.getClass();
        }
        assertThat(fast).isEqualTo(spring);
    }
}
