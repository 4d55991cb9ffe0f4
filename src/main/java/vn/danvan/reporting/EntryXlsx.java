package vn.danvan.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * A report form's own .xlsx template for one unit and period, and reading it back filled. The sheet
 * carries the grid's key (form, unit, period) in cell A2, then one row per line: mã số (A), chỉ tiêu
 * (B), its indicator code (C), the value (D; computed lines filled in grey, not read back), the
 * comment (E) and, hidden, the version the value had when the template was made (F), so that an
 * import cannot silently overwrite a value someone saved since; the narrative sections follow, one
 * row each ("Lời văn" in A, key in C, text in D). Reading reports every row, column and reason.
 */
final class EntryXlsx {

    static final String HEADER = "Mã số";
    static final String NARRATIVE = "Lời văn";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private EntryXlsx() {
    }

    static String key(EntryGrid grid) {
        return grid.form() + "|" + grid.unit() + "|" + grid.period();
    }

    static byte[] write(EntryGrid grid) {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet(grid.symbol().replace('/', '-'));
            var font = book.createFont();
            font.setFontName("Times New Roman");
            var bold = book.createFont();
            bold.setFontName("Times New Roman");
            bold.setBold(true);
            var plain = style(book, font, false, null);
            var head = style(book, bold, true, null);
            var cell = style(book, font, true, null);
            var computed = style(book, font, true, IndexedColors.GREY_25_PERCENT);
            var section = style(book, bold, true, null);
            var wrap = style(book, font, true, null);
            wrap.setWrapText(true);

            text(sheet, 0, 0, grid.unitName().toUpperCase(Locale.forLanguageTag("vi")), head);
            text(sheet, 0, 3, "Biểu số: " + grid.symbol() + " (phiên bản " + grid.formVersion() + ")", plain);
            text(sheet, 1, 0, key(grid), plain);
            text(sheet, 3, 0, grid.title().toUpperCase(Locale.forLanguageTag("vi")), head);
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, 4));
            text(sheet, 4, 0, "Kỳ báo cáo " + grid.period() + ": từ ngày " + DAY.format(grid.from()) + " đến ngày "
                    + DAY.format(grid.to()) + (grid.deadline() == null ? "" : "; hạn nộp " + DAY.format(grid.deadline())), plain);
            sheet.addMergedRegion(new CellRangeAddress(4, 4, 0, 4));
            int r = 6;
            var header = List.of(HEADER, "Chỉ tiêu", "Mã chỉ tiêu", "(1) Số liệu kỳ báo cáo", "(2) Ghi chú", "Phiên bản");
            for (int c = 0; c < header.size(); c++) {
                text(sheet, r, c, header.get(c), head);
            }
            for (var s : grid.sections()) {
                r++;
                text(sheet, r, 1, s.title(), section);
                for (var line : s.lines()) {
                    r++;
                    var row = sheet.createRow(r);
                    row.createCell(0).setCellValue(line.number());
                    row.getCell(0).setCellStyle(cell);
                    text(sheet, r, 1, line.label() + (line.entered() ? "" : " (tính từ hồ sơ, không nhập)"), wrap);
                    text(sheet, r, 2, line.indicator() + (line.optionCombo().isEmpty() ? "" : "." + line.optionCombo()), cell);
                    var value = row.createCell(3);
                    value.setCellStyle(line.entered() ? cell : computed);
                    if (line.value() instanceof BigDecimal d) {
                        value.setCellValue(d.doubleValue());
                    } else if (line.value() instanceof Boolean b) {
                        value.setCellValue(b ? "có" : "không");
                    } else if (line.value() != null) {
                        value.setCellValue(String.valueOf(line.value()));
                    }
                    text(sheet, r, 4, line.comment() == null ? "" : line.comment(), wrap);
                    row.createCell(5).setCellValue(line.version());
                }
            }
            r += 2;
            text(sheet, r, 1, "Phần lời văn", section);
            for (var n : grid.narratives()) {
                r++;
                text(sheet, r, 0, NARRATIVE, cell);
                text(sheet, r, 1, n.title(), cell);
                text(sheet, r, 2, n.key(), cell);
                text(sheet, r, 3, n.text(), wrap);
                sheet.getRow(r).createCell(5).setCellValue(n.version());
            }
            sheet.setColumnWidth(0, 9 * 256);
            sheet.setColumnWidth(1, 60 * 256);
            sheet.setColumnWidth(2, 30 * 256);
            sheet.setColumnWidth(3, 22 * 256);
            sheet.setColumnWidth(4, 40 * 256);
            sheet.setColumnHidden(5, true);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a filled template for the grid it was made for.
     *
     * @throws InvalidInputException with one problem per row, column and reason (field {@code file})
     */
    static GridInput read(byte[] bytes, EntryGrid grid) {
        var problems = new ArrayList<Problem>();
        var cells = new ArrayList<GridInput.Cell>();
        var texts = new ArrayList<GridInput.Text>();
        var lines = new HashMap<Integer, EntryGrid.Line>();
        grid.lines().forEach(l -> lines.put(l.number(), l));
        var keys = new HashMap<String, EntryGrid.Narrative>();
        grid.narratives().forEach(n -> keys.put(n.key(), n));
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = book.getSheetAt(0);
            var formatter = new DataFormatter(Locale.ROOT);
            var fileKey = string(sheet.getRow(1), 0, formatter);
            if (!fileKey.isEmpty() && !fileKey.equals(key(grid))) {
                throw new InvalidInputException("file", "reporting.entry.import.other-grid", fileKey.replace("|", " · "),
                        key(grid).replace("|", " · "));
            }
            int header = -1;
            for (int r = 0; r <= sheet.getLastRowNum() && header < 0; r++) {
                if (HEADER.equals(string(sheet.getRow(r), 0, formatter))) {
                    header = r;
                }
            }
            if (header < 0) {
                throw new InvalidInputException("file", "reporting.entry.import.not-template");
            }
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                var a = string(row, 0, formatter);
                if (a.isEmpty()) {
                    continue;
                }
                if (NARRATIVE.equals(a)) {
                    var key = string(row, 2, formatter);
                    if (!keys.containsKey(key)) {
                        problems.add(at(r, 2, new Problem("file", "reporting.entry.narrative-unknown", key)));
                    } else {
                        texts.add(new GridInput.Text(key, string(row, 3, formatter), version(row, formatter)));
                    }
                    continue;
                }
                Integer number = null;
                try {
                    number = new BigDecimal(a).intValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    problems.add(at(r, 0, new Problem("file", "reporting.entry.import.line-unknown", a)));
                    continue;
                }
                var line = lines.get(number);
                if (line == null) {
                    problems.add(at(r, 0, new Problem("file", "reporting.entry.import.line-unknown", a)));
                    continue;
                }
                var measure = line.indicator() + (line.optionCombo().isEmpty() ? "" : "." + line.optionCombo());
                var c = string(row, 2, formatter);
                if (!c.isEmpty() && !c.equalsIgnoreCase(measure)) {
                    problems.add(at(r, 2, new Problem("file", "reporting.entry.import.indicator-mismatch", number, measure, c)));
                    continue;
                }
                if (!line.entered()) {
                    continue; // computed: the file shows it, never sets it
                }
                var value = string(row, 3, formatter);
                if (!value.isEmpty()) {
                    try {
                        line.valueType().check(value);
                    } catch (InvalidInputException invalid) {
                        for (var p : invalid.problems()) {
                            problems.add(at(r, 3, p));
                        }
                    }
                }
                cells.add(new GridInput.Cell(number, value, string(row, 4, formatter), version(row, formatter)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "reporting.entry.import.unreadable", String.valueOf(e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (cells.isEmpty() && texts.isEmpty()) {
            throw new InvalidInputException("file", "reporting.entry.import.empty");
        }
        return new GridInput(grid.form(), grid.unit(), grid.period(), cells, texts);
    }

    /** "Dòng 12, cột D: …" — 1-based row, the column's letter, and the reason in the reader's language. */
    private static Problem at(int row, int column, Problem reason) {
        return new Problem("file", "reporting.entry.import.cell", row + 1, CellReference.convertNumToColString(column),
                new DefaultMessageSourceResolvable(new String[] {reason.messageKey()}, reason.args(), reason.messageKey()));
    }

    private static int version(Row row, DataFormatter formatter) {
        var text = string(row, 5, formatter);
        try {
            return text.isEmpty() ? 0 : new BigDecimal(text).intValue();
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A cell as text: a number in plain digits (no grouping), a formula by its cached value. */
    private static String string(Row row, int column, DataFormatter formatter) {
        if (row == null) {
            return "";
        }
        Cell cell = row.getCell(column);
        if (cell == null) {
            return "";
        }
        var type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            var d = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        if (type == CellType.BOOLEAN) {
            return String.valueOf(cell.getBooleanCellValue());
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue().strip();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static void text(Sheet sheet, int r, int c, String value, CellStyle style) {
        var row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        var cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static CellStyle style(XSSFWorkbook book, org.apache.poi.ss.usermodel.Font font, boolean border, IndexedColors fill) {
        var style = book.createCellStyle();
        style.setFont(font);
        if (border) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        if (fill != null) {
            style.setFillForegroundColor(fill.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
    }
}
