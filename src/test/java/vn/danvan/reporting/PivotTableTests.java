package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.reporting.Pivot.PivotCell;
import vn.danvan.reporting.Pivot.PivotIndicator;
import vn.danvan.reporting.Pivot.PivotUnit;
import vn.danvan.reporting.PivotQuestion.Axis;

/** Laying a pivot out: the axes swap, the totals come last, each cell lands under its own headers. */
class PivotTableTests {

    static Pivot pivot(Axis rows, Axis columns) {
        var units = List.of(new PivotUnit("20", "Tỉnh Lạng Sơn", true, false), new PivotUnit("05983", "Phường Lương Văn Tri", false, false),
                new PivotUnit("05977", "Phường Đông Kinh", false, false));
        var periods = List.of("2025Q1", "2025Q2");
        var cells = new ArrayList<PivotCell>();
        int n = 0;
        for (var i : List.of("A", "B")) {
            for (var u : units) {
                for (var p : List.of("2025Q1", "2025Q2", "2025S1")) {
                    cells.add(new PivotCell(i, u.code(), p, null, BigDecimal.valueOf(n++), null, p, null, null, 1));
                }
            }
        }
        var question = new PivotQuestion(List.of("A", "B"), "20", "2025S1", null, null, null, rows, columns, null);
        return new Pivot(question, LocalDate.of(2026, 1, 1), AggregateMode.RESTATED, units, "2025S1", periods,
                List.of(new PivotIndicator("A", "Chỉ tiêu A", ValueType.INTEGER, Aggregation.SUM, false),
                        new PivotIndicator("B", "Chỉ tiêu B", ValueType.INTEGER, Aggregation.SUM, false)), cells, List.of());
    }

    static PivotCell find(PivotTable table, String rowLabel, String columnKey, String group) {
        var line = table.lines().stream().filter(l -> l.label().equals(rowLabel) && l.groupKey().equals(group)).findFirst().orElseThrow();
        int column = 0;
        while (!table.headers().get(column).key().equals(columnKey)) {
            column++;
        }
        return line.cells().get(column);
    }

    @Test
    void unitsDownPeriodsAcrossWithTheTotalsLastAndIndicatorsGroupingTheRows() {
        var table = PivotTable.of(pivot(Axis.UNIT, Axis.PERIOD), p -> "kỳ " + p, name -> "Tổng cộng (" + name + ")");
        assertThat(table.group()).isEqualTo(Axis.INDICATOR);
        assertThat(table.headers()).extracting(PivotTable.Header::key).containsExactly("2025Q1", "2025Q2", "2025S1");
        assertThat(table.headers().get(2).total()).isTrue();
        assertThat(table.lines()).extracting(PivotTable.Line::label).containsExactly("Phường Lương Văn Tri", "Phường Đông Kinh",
                "Tổng cộng (Tỉnh Lạng Sơn)", "Phường Lương Văn Tri", "Phường Đông Kinh", "Tổng cộng (Tỉnh Lạng Sơn)");
        var cell = find(table, "Phường Đông Kinh", "2025Q2", "B");
        assertThat(cell.indicator()).isEqualTo("B");
        assertThat(cell.unit()).isEqualTo("05977");
        assertThat(cell.period()).isEqualTo("2025Q2");
    }

    @Test
    void swappingTheAxesPutsTheSameCellsAtTheCrossedPlaces() {
        var byUnit = PivotTable.of(pivot(Axis.UNIT, Axis.PERIOD), p -> p, name -> name);
        var byPeriod = PivotTable.of(pivot(Axis.PERIOD, Axis.UNIT), p -> p, name -> name);
        assertThat(byPeriod.headers()).extracting(PivotTable.Header::key).containsExactly("05983", "05977", "20");
        for (var group : List.of("A", "B")) {
            for (var unit : List.of("Phường Lương Văn Tri", "Phường Đông Kinh")) {
                for (var period : List.of("2025Q1", "2025Q2", "2025S1")) {
                    var code = unit.equals("Phường Đông Kinh") ? "05977" : "05983";
                    assertThat(find(byPeriod, period, code, group)).isEqualTo(find(byUnit, unit, period, group));
                }
            }
        }
        var indicatorsAcross = PivotTable.of(pivot(Axis.PERIOD, Axis.INDICATOR), p -> p, name -> name);
        assertThat(indicatorsAcross.group()).isEqualTo(Axis.UNIT);
        assertThat(indicatorsAcross.headers()).extracting(PivotTable.Header::label).containsExactly("Chỉ tiêu A", "Chỉ tiêu B");
    }

    @Test
    void figuresAreWrittenTheVietnameseWay() {
        assertThat(PivotTable.format(new BigDecimal("38500"))).isEqualTo("38.500");
        assertThat(PivotTable.format(new BigDecimal("1234.5"))).isEqualTo("1.234,5");
        assertThat(PivotTable.format(null)).isEmpty();
        assertThat(PivotTable.format("văn bản")).isEqualTo("văn bản");
    }
}
