package vn.danvan.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Unit files against the real database: malformed files change nothing; valid ones are dated changes. */
@SpringBootTest
class UnitFileIntegrationTests {

    static final String HEADER = "code,level,kind,name,name_en,parent_code,valid_from,valid_to\n";

    @Autowired
    UnitImport unitImport;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    long unitCount() {
        return jdbc.sql("select count(*) from org_unit").query(Long.class).single();
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFileWithoutAColumnIsRejectedNamingTheColumn() {
        var before = unitCount();
        assertThatThrownBy(() -> unitImport.applyUnitFile("missing-column.csv",
                csv("code,level,kind,name,parent_code,valid_from\n99901,VILLAGE,VILLAGE,Thôn A,05983,2026-01-01\n")))
                .isInstanceOfSatisfying(UnitFileRejectedException.class, e -> assertThat(e.problems())
                        .extracting(UnitFileProblem::row, UnitFileProblem::column, UnitFileProblem::reason)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "valid_to", "missing-column")));
        assertThat(unitCount()).isEqualTo(before);
    }

    @Test
    void aFileWithADuplicateCodeAnUnknownParentAndABadDateIsRejectedWholeWithEveryProblem() {
        var before = unitCount();
        var file = HEADER
                + "05983.T01,VILLAGE,RESIDENTIAL_GROUP,Tổ dân phố Một,,05983,2026-01-01,\n"        // row 2: fine
                + "05983.T01,VILLAGE,RESIDENTIAL_GROUP,Tổ dân phố Một bis,,05983,2026-02-01,\n"    // row 3: duplicate code
                + "05983.T02,VILLAGE,RESIDENTIAL_GROUP,Tổ dân phố Hai,,77777,2026-01-01,\n"        // row 4: unknown parent
                + "05983.T03,VILLAGE,RESIDENTIAL_GROUP,Tổ dân phố Ba,,05983,31/02/2026,\n"         // row 5: bad date
                + "05983.T04,VILLAGE,WARD,Tổ dân phố Bốn,,05983,2026-01-01,\n";                    // row 6: kind not at level
        assertThatThrownBy(() -> unitImport.applyUnitFile("bad.csv", csv(file)))
                .isInstanceOfSatisfying(UnitFileRejectedException.class, e -> assertThat(e.problems())
                        .extracting(UnitFileProblem::row, UnitFileProblem::column, UnitFileProblem::reason)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(3, "code", "duplicate-code"),
                                org.assertj.core.groups.Tuple.tuple(4, "parent_code", "unknown-parent"),
                                org.assertj.core.groups.Tuple.tuple(5, "valid_from", "bad-date"),
                                org.assertj.core.groups.Tuple.tuple(6, "kind", "kind-level-mismatch")));
        assertThat(unitCount()).isEqualTo(before);
        assertThat(unitImport.isApplied("bad.csv")).isFalse();
    }

    @Test
    void aCodeAlreadyHeldInTheSamePeriodIsRejected() {
        assertThatThrownBy(() -> unitImport.applyUnitFile("taken.csv",
                csv(HEADER + "05977,COMMUNE,WARD,Phường Trùng Mã,,20,,2024-12-31\n")))
                .isInstanceOfSatisfying(UnitFileRejectedException.class, e -> assertThat(e.problems())
                        .extracting(UnitFileProblem::reason).containsExactly("code-taken"));
    }

    @Test
    void aValidFileEstablishesUnitsUnderTheirParentAndRenamesFromADate() {
        var luongVanTri = units.findByCode("05983", LocalDate.of(2026, 1, 1)).orElseThrow();
        unitImport.applyUnitFile("villages-test.csv", csv(HEADER
                + "05983.K01,VILLAGE,RESIDENTIAL_GROUP,Khối 1,Block 1,05983,01/03/2026,\n"));
        var block = units.findByCode("05983.K01", LocalDate.of(2026, 3, 1)).orElseThrow();
        assertThat(block.parentId()).isEqualTo(luongVanTri.id());
        assertThat(block.isWithin(luongVanTri)).isTrue();

        unitImport.applyUnitFile("villages-test-rename.csv", csv(HEADER
                + "05983.K01,VILLAGE,RESIDENTIAL_GROUP,Khối Hoàng Văn Thụ,,05983,2026-06-01,\n"));
        assertThat(units.findByCode("05983.K01", LocalDate.of(2026, 5, 31)).orElseThrow().name()).isEqualTo("Khối 1");
        assertThat(units.findByCode("05983.K01", LocalDate.of(2026, 6, 1)).orElseThrow().name()).isEqualTo("Khối Hoàng Văn Thụ");
        assertThat(units.versions(block.id())).extracting(UnitVersion::change)
                .containsExactly(UnitChange.ESTABLISHED, UnitChange.RENAMED);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'orgunit.renamed' and entity_id = :id")
                .param("id", String.valueOf(block.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameFileIsNotAppliedTwice() {
        assertThatThrownBy(() -> unitImport.applyUnitFile("01-units-pre2025.csv", csv(HEADER)))
                .isInstanceOfSatisfying(UnitFileRejectedException.class, e -> assertThat(e.problems())
                        .extracting(UnitFileProblem::reason).containsExactly("already-applied"));
    }
}
