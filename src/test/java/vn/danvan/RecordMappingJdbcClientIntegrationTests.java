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
}
