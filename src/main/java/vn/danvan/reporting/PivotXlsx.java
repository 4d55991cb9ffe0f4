package vn.danvan.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.danvan.reporting.Pivot.PivotCell;

/**
 * A pivot as an .xlsx workbook: the title lines, the headers in Vietnamese, one row per table line
 * with the figures as numbers (format {@code #,##0.##}: 38.500 in a Vietnamese Excel), a sheet of
 * the same periods a year before and the change, and the part of split units not yet allocated.
 */
final class PivotXlsx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The words a sheet needs, in the reader's language. */
    record Words(String valuesSheet, String previousSheet, String groupHeader, String rowHeader, String yes, String no,
                 String unallocated) {
    }

    private PivotXlsx() {
    }

    static byte[] write(PivotTable table, List<String> titleLines, Words words, Function<PivotCell, String> changeText) {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var bold = book.createCellStyle();
            var font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            var header = book.createCellStyle();
            header.cloneStyleFrom(bold);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            var number = book.createCellStyle();
            number.setDataFormat(book.createDataFormat().getFormat("#,##0.##"));
            var integer = book.createCellStyle();
            integer.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            var values = book.createSheet(words.valuesSheet());
            int r = title(values, titleLines, bold);
            r = headers(values, r, table, words, header);
            for (var line : table.lines()) {
                var row = values.createRow(r++);
                labels(row, line);
                int c = 2;
                for (var cell : line.cells()) {
                    put(row, c++, cell == null ? null : cell.value(), words, number, integer);
                }
                var unallocated = line.cells().stream().filter(x -> x != null && x.unallocated() != null
                        && x.unallocated().signum() != 0).findFirst();
                if (unallocated.isPresent()) {
                    row.createCell(c).setCellValue(words.unallocated() + ": " + PivotTable.format(unallocated.get().unallocated()));
                }
            }
            values.setColumnWidth(0, 30 * 256);
            values.setColumnWidth(1, 34 * 256);
            for (int c = 2; c < table.headers().size() + 2; c++) {
                values.setColumnWidth(c, 16 * 256);
            }
            values.createFreezePane(2, titleLines.size() + 2);

            var previous = book.createSheet(words.previousSheet());
            r = title(previous, titleLines, bold);
            r = headers(previous, r, table, words, header);
            for (var line : table.lines()) {
                var row = previous.createRow(r++);
                labels(row, line);
                int c = 2;
                for (var cell : line.cells()) {
                    put(row, c, cell == null ? null : cell.previousValue(), words, number, integer);
                    if (cell != null) {
                        row.createCell(c + table.headers().size()).setCellValue(changeText.apply(cell));
                    }
                    c++;
                }
            }
            previous.setColumnWidth(0, 30 * 256);
            previous.setColumnWidth(1, 34 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int title(Sheet sheet, List<String> lines, CellStyle bold) {
        int r = 0;
        for (var line : lines) {
            var cell = sheet.createRow(r++).createCell(0);
            cell.setCellValue(line);
            if (r == 1) {
                cell.setCellStyle(bold);
            }
        }
        return r + 1;
    }

    private static int headers(Sheet sheet, int r, PivotTable table, Words words, CellStyle style) {
        var row = sheet.createRow(r);
        row.createCell(0).setCellValue(words.groupHeader());
        row.createCell(1).setCellValue(words.rowHeader());
        int c = 2;
        for (var h : table.headers()) {
            row.createCell(c++).setCellValue(h.label());
        }
        row.forEach(cell -> cell.setCellStyle(style));
        return r + 1;
    }

    private static void labels(Row row, PivotTable.Line line) {
        row.createCell(0).setCellValue(line.groupLabel());
        row.createCell(1).setCellValue(line.label());
    }

    private static void put(Row row, int column, Object value, Words words, CellStyle number, CellStyle integer) {
        if (value == null) {
            return;
        }
        var cell = row.createCell(column);
        if (value instanceof BigDecimal n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(n.stripTrailingZeros().scale() <= 0 ? integer : number);
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b ? words.yes() : words.no());
        } else {
            cell.setCellValue(String.valueOf(value));
        }
    }
}
