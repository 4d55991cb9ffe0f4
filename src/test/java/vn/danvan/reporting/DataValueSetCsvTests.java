package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.reporting.DataValueSets.DataValue;
import vn.danvan.shared.InvalidInputException;

/** DHIS2's CSV shape of dataValueSets, written and read back. */
class DataValueSetCsvTests {

    @Test
    void writtenRowsReadBackTheSameWithQuotesCommasAndLineBreaksInside() {
        var rows = List.of(
                new DataValue("HOI_NGHI_GIAO_BAN", "2025Q4", "05983", "", null, "3", "canbo.langson", "2026-01-02T08:00:00Z", null, null),
                new DataValue("Y_KIEN", "2025Q4", "20", "COLLECTIVE.ECONOMY", null, "ý kiến \"khó\",\ncó xuống dòng", "x", null, "ghi chú", true));
        var csv = DataValueSetCsv.write(rows);
        assertThat(csv).startsWith(DataValueSetCsv.HEADER + "\r\n\"HOI_NGHI_GIAO_BAN\",\"2025Q4\",\"05983\",\"\",\"\",\"3\"");
        var read = DataValueSetCsv.read(csv);
        assertThat(read).hasSize(2);
        assertThat(read.get(0).dataElement()).isEqualTo("HOI_NGHI_GIAO_BAN");
        assertThat(read.get(0).categoryOptionCombo()).isNull();
        assertThat(read.get(1).value()).isEqualTo("ý kiến \"khó\",\ncó xuống dòng");
        assertThat(read.get(1).categoryOptionCombo()).isEqualTo("COLLECTIVE.ECONOMY");
        assertThat(read.get(1).comment()).isEqualTo("ghi chú");
        assertThat(read.get(1).followup()).isTrue();
    }

    @Test
    void aFileWithoutHeaderAndWithOnlyTheFirstSixColumnsIsRead() {
        var read = DataValueSetCsv.read("A_B,2025Q1,20,,,5\nA_B,2025Q2,20,,,6");
        assertThat(read).extracting(DataValue::period).containsExactly("2025Q1", "2025Q2");
        assertThat(read).extracting(DataValue::value).containsExactly("5", "6");
    }

    @Test
    void aShortLineOrAnUnclosedQuoteIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> DataValueSetCsv.read(DataValueSetCsv.HEADER + "\nA_B,2025Q1,20"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get(0).field()).isEqualTo("dataValues");
                    assertThat(e.problems().get(0).args()).containsExactly(2, 3);
                });
        assertThatThrownBy(() -> DataValueSetCsv.read("A_B,2025Q1,20,,,\"5"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void dhis2sDefaultCombinationMeansNoDisaggregation() {
        assertThat(DataValueSets.combo("default")).isEmpty();
        assertThat(DataValueSets.combo("HllvX50cXC0")).isEmpty();
        assertThat(DataValueSets.combo(null)).isEmpty();
        assertThat(DataValueSets.combo(" COLLECTIVE.ECONOMY ")).isEqualTo("COLLECTIVE.ECONOMY");
    }
}
