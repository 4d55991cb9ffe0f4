package vn.danvan.orgunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Units named for several days at once (a pivot's or a form's periods) are named as a lookup for each day alone names
 * them: renamed units, units of the 2025 reform, days before, between and after their versions.
 */
@SpringBootTest
class UnitNamesByDayIntegrationTests {

    @Autowired
    OrgUnits units;
    @Autowired
    JdbcClient jdbc;

    @Test
    void unitsNamedForSeveralDaysAtOnceAreNamedAsForEachDayAlone() {
        var ids = new ArrayList<Long>(jdbc.sql("""
                select unit_id from org_unit_version group by unit_id having count(*) > 1 order by unit_id limit 300
                """).query(Long.class).list());
        assertThat(ids).as("units with several versions").hasSizeGreaterThan(10);
        ids.addAll(jdbc.sql("select id from org_unit order by id limit 100").query(Long.class).list());
        var days = List.of(LocalDate.of(1900, 1, 1), LocalDate.of(2020, 1, 1), LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 7, 1), LocalDate.of(2026, 4, 29), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1),
                OrgUnits.END_OF_TIME);

        var together = units.findAll(ids, days);

        int renamed = 0;
        for (var day : days) {
            assertThat(together.get(day)).as("named as of " + day).isEqualTo(units.findAll(ids, day));
        }
        for (var id : ids) {
            if (!together.get(days.get(0)).get(id).name().equals(together.get(OrgUnits.END_OF_TIME).get(id).name())) {
                renamed++;
            }
        }
        assertThat(renamed).as("units named otherwise on the first day than on the last").isPositive();
    }
}
