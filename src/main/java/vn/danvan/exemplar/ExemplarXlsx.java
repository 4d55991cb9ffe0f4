package vn.danvan.exemplar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.danvan.exemplar.ExemplarQueries.ExportRow;

/**
 * The registry's list as a spreadsheet: the unit and the filter on top, one row per model with
 * Vietnamese headers, dates as real dates shown dd/MM/yyyy, amounts with thousands separators, the
 * header row frozen and filtering on, in Times New Roman, landscape A4 when printed. Written as a
 * stream, so the 100,000 rows of a province's whole registry fit in little memory.
 */
final class ExemplarXlsx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int HEADER_ROW = 4;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VI = Locale.forLanguageTag("vi");

    /** Header, width in characters. */
    record Column(String header, int width) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("STT", 6),
            new Column("Số đăng ký", 16),
            new Column("Loại", 17),
            new Column("Tên mô hình, điển hình", 48),
            new Column("Họ tên người được đăng ký (điển hình cá nhân)", 24),
            new Column("Chức vụ, nghề nghiệp", 18),
            new Column("Mã đơn vị", 10),
            new Column("Đơn vị quản lý", 28),
            new Column("Nơi đăng ký", 16),
            new Column("Tên nơi đăng ký", 26),
            new Column("Lĩnh vực", 28),
            new Column("Ngày đăng ký", 12),
            new Column("Năm", 7),
            new Column("Trạng thái", 16),
            new Column("Cấp công nhận cao nhất", 16),
            new Column("Năm công nhận", 10),
            new Column("Khen thưởng", 26),
            new Column("Số lần nhân rộng", 10),
            new Column("Nhân rộng từ mô hình số", 16),
            new Column("Kinh phí (đồng)", 15),
            new Column("Xã hội hóa (đồng)", 15),
            new Column("Ngày công", 10),
            new Column("Bắt đầu", 12),
            new Column("Kết thúc", 12));

    /**
     * @param unitLine   the unit the list covers, e.g. "Tỉnh Lạng Sơn"
     * @param filterLine the filter in words, e.g. "Năm đăng ký: 2026; Loại: Mô hình tập thể"
     * @param capped     true when the filter has more rows than {@code rows} holds
     * @param text       Vietnamese labels by message key (kind, status, level, registrant, commendation)
     * @param fieldNames Vietnamese names of the fields of work by code
     */
    static byte[] write(String unitLine, String filterLine, List<ExportRow> rows, boolean capped, LocalDate today,
                        Function<String, String> text, Map<String, String> fieldNames) {
        var book = new SXSSFWorkbook(200);
        try (var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Danh sách");
            var s = new Styles(book);
            int last = COLUMNS.size() - 1;

            cell(sheet, 0, 0, unitLine.toUpperCase(VI), s.bold);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            cell(sheet, 1, 0, "DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH \"DÂN VẬN KHÉO\"", s.title);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 10));
            cell(sheet, 2, 0, filterLine, s.italic);
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, 10));
            var count = capped
                    ? "Chỉ ghi " + grouped(rows.size()) + " dòng đầu tiên (mới nhất trước); hãy thu hẹp điều kiện lọc để có đủ danh sách."
                    : "Tổng số: " + grouped(rows.size()) + " mô hình, điển hình.";
            cell(sheet, 3, 0, count + " Trích xuất ngày " + DAY.format(today) + ".", capped ? s.warning : s.italic);
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, 10));

            Row header = sheet.createRow(HEADER_ROW);
            header.setHeightInPoints(48);
            for (int c = 0; c <= last; c++) {
                var cell = header.createCell(c);
                cell.setCellValue(COLUMNS.get(c).header());
                cell.setCellStyle(s.header);
                sheet.setColumnWidth(c, COLUMNS.get(c).width() * 256 + 200);
            }

            int r = HEADER_ROW + 1;
            for (var x : rows) {
                Row row = sheet.createRow(r);
                int c = 0;
                number(row, c++, r - HEADER_ROW, s.count);
                string(row, c++, x.number(), s.text);
                string(row, c++, text.apply("exemplar.kind." + x.kind()), s.text);
                string(row, c++, x.name(), s.wrapped);
                string(row, c++, x.personName(), s.text);
                string(row, c++, x.personTitle(), s.text);
                string(row, c++, x.unit().code(), s.text);
                string(row, c++, x.unit().name(), s.text);
                string(row, c++, text.apply("exemplar.registrant." + x.registrantType()), s.text);
                string(row, c++, x.registrantName(), s.text);
                string(row, c++, String.join("; ", x.fields().stream().map(f -> fieldNames.getOrDefault(f, f)).toList()), s.text);
                date(row, c++, x.registeredOn(), s.date);
                number(row, c++, x.year(), s.year);
                string(row, c++, text.apply("exemplar.status." + x.status()), s.text);
                string(row, c++, x.highestLevel() == null ? null : text.apply("exemplar.level." + x.highestLevel()), s.text);
                number(row, c++, x.highestLevelYear(), s.year);
                string(row, c++, commendations(x.commendations(), text), s.text);
                number(row, c++, x.replicaCount(), s.count);
                string(row, c++, x.sourceNumber(), s.text);
                number(row, c++, x.fundsVnd(), s.count);
                number(row, c++, x.socialisedVnd(), s.count);
                number(row, c++, x.workdays(), s.count);
                date(row, c++, x.startsOn(), s.date);
                date(row, c, x.endsOn(), s.date);
                r++;
            }

            sheet.createFreezePane(0, HEADER_ROW + 1);
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, r - 1), 0, last));
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, last));
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
        }
    }

    /** "Bằng khen (2024); Giấy khen (2025)" from "FORM|year" pairs. */
    static String commendations(List<String> pairs, Function<String, String> text) {
        return String.join("; ", pairs.stream().map(p -> {
            var bar = p.indexOf('|');
            return text.apply("exemplar.commendation." + p.substring(0, bar)) + " (" + p.substring(bar + 1) + ")";
        }).toList());
    }

    /** 100000 → "100.000". */
    static String grouped(long n) {
        return String.format(Locale.GERMANY, "%,d", n);
    }

    private static void cell(Sheet sheet, int r, int c, String value, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        var cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void string(Row row, int c, String value, CellStyle style) {
        var cell = row.createCell(c);
        if (value != null && !value.isEmpty()) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    private static void number(Row row, int c, Number value, CellStyle style) {
        var cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    private static void date(Row row, int c, LocalDate value, CellStyle style) {
        var cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    /** The shared cell styles of the list and the import template, Times New Roman 12 pt. */
    static final class Styles {
        final CellStyle bold, title, italic, warning, header, text, wrapped, date, count, year;

        Styles(Workbook book) {
            var plain = font(book, false, false, 12);
            var boldFont = font(book, true, false, 12);
            bold = book.createCellStyle();
            bold.setFont(boldFont);
            title = book.createCellStyle();
            title.setFont(font(book, true, false, 14));
            italic = book.createCellStyle();
            italic.setFont(font(book, false, true, 12));
            warning = book.createCellStyle();
            var red = font(book, true, true, 12);
            red.setColor(org.apache.poi.ss.usermodel.IndexedColors.DARK_RED.getIndex());
            warning.setFont(red);
            header = bordered(book, boldFont);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            text = bordered(book, plain);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped = bordered(book, plain);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped.setWrapText(true);
            var format = book.createDataFormat();
            date = bordered(book, plain);
            date.setDataFormat(format.getFormat("dd/mm/yyyy"));
            date.setAlignment(HorizontalAlignment.CENTER);
            date.setVerticalAlignment(VerticalAlignment.TOP);
            count = bordered(book, plain);
            count.setDataFormat(format.getFormat("#,##0"));
            count.setVerticalAlignment(VerticalAlignment.TOP);
            year = bordered(book, plain);
            year.setDataFormat(format.getFormat("0"));
            year.setAlignment(HorizontalAlignment.CENTER);
            year.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static Font font(Workbook book, boolean bold, boolean italic, int points) {
            var font = book.createFont();
            font.setFontName("Times New Roman");
            font.setBold(bold);
            font.setItalic(italic);
            font.setFontHeightInPoints((short) points);
            return font;
        }

        private static CellStyle bordered(Workbook book, Font font) {
            var style = book.createCellStyle();
            style.setFont(font);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
