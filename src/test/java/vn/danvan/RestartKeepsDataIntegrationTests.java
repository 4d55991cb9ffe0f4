package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitImport;

/** The embedded default keeps its data in DANVAN_DATA_DIR across restarts, with durable settings. */
class RestartKeepsDataIntegrationTests {

    @TempDir
    Path dataDir;

    String[] args() {
        return new String[] {"--danvan.db.temporary=false", "--danvan.db.durable=true", "--danvan.data-dir=" + dataDir,
                "--server.port=0"};
    }

    @Test
    void aRestartedApplicationFindsWhatWasSavedAndDoesNotImportAgain() {
        long unitsAfterFirstStart;
        try (var first = new SpringApplicationBuilder(DanvanApplication.class).run(args())) {
            var jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            first.getBean(UnitImport.class).applyUnitFile("restart-test.csv", ("code,level,kind,name,name_en,parent_code,valid_from,valid_to\n"
                    + "05977.K09,VILLAGE,RESIDENTIAL_GROUP,Khối 9,,05977,2026-01-01,\n").getBytes(StandardCharsets.UTF_8));
            unitsAfterFirstStart = jdbc.sql("select count(*) from org_unit").query(Long.class).single();
        }
        assertThat(Files.exists(dataDir.resolve("pg").resolve("PG_VERSION"))).isTrue();

        try (var second = new SpringApplicationBuilder(DanvanApplication.class).run(args())) {
            var units = second.getBean(OrgUnits.class);
            assertThat(units.findByCode("05977.K09", LocalDate.of(2026, 2, 1))).get()
                    .extracting(u -> u.name()).isEqualTo("Khối 9");
            var jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from org_unit").query(Long.class).single()).isEqualTo(unitsAfterFirstStart);
            assertThat(jdbc.sql("select count(*) from identity_user where username = 'admin'").query(Long.class).single())
                    .isEqualTo(1);
        }
    }
}
