package vn.danvan.exemplar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import static vn.danvan.exemplar.ExemplarSheet.*;

import vn.danvan.exemplar.ExemplarSheet.Column;
import vn.danvan.exemplar.ExemplarSheet.Lookups;

/**
 * The registration spreadsheet as danvan hands it out: the blank template with its lists, the
 * instructions sheet and an example row. {@link ExemplarSheet} reads it back.
 */
final class ExemplarTemplate {

    private ExemplarTemplate() {
    }


    /** The blank template with its lists, the instructions sheet and a sheet with an example row. */
    static byte[] template(Lookups lookups) {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var styles = new ExemplarXlsx.Styles(book);
            var textFormat = book.createDataFormat().getFormat("@");
            var textColumn = book.createCellStyle();
            textColumn.setDataFormat(textFormat);
            var dateColumn = book.createCellStyle();
            dateColumn.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            var amountColumn = book.createCellStyle();
            amountColumn.setDataFormat(book.createDataFormat().getFormat("#,##0"));

            var data = book.createSheet(DATA_SHEET);
            var help = book.createSheet(HELP_SHEET);
            var example = book.createSheet(EXAMPLE_SHEET);
            header(data, styles, "DANH SÁCH ĐĂNG KÝ XÂY DỰNG MÔ HÌNH, ĐIỂN HÌNH \"DÂN VẬN KHÉO\"",
                    "Mỗi dòng một mô hình, điển hình. Cột có dấu * là bắt buộc. Xem cách ghi ở trang \"Hướng dẫn\", dòng mẫu ở trang \"Ví dụ\".");
            header(example, styles, "VÍ DỤ MỘT DÒNG ĐÃ ĐIỀN (trang này không được nhập vào hệ thống)", "");
            for (var c : Column.values()) {
                var style = switch (c) {
                    case UNIT, NAME, PERSON_NAME, KIND, REGISTRANT_TYPE, FIELDS -> textColumn;
                    case REGISTERED_ON, STARTS_ON, ENDS_ON -> dateColumn;
                    case FUNDS, SOCIALISED, WORKDAYS -> amountColumn;
                    default -> null;
                };
                if (style != null) {
                    data.setDefaultColumnStyle(c.ordinal(), style);
                }
            }
            data.createFreezePane(2, TITLE_ROWS + 1);

            int lastRow = TITLE_ROWS + MAX_ROWS;
            var dv = data.getDataValidationHelper();
            list(data, dv, Column.KIND, List.of(lookups.label("exemplar.kind.COLLECTIVE"), lookups.label("exemplar.kind.INDIVIDUAL")),
                    lastRow);
            var registrants = new ArrayList<String>();
            for (var t : RegistrantType.values()) {
                registrants.add(lookups.label("exemplar.registrant." + t));
            }
            list(data, dv, Column.REGISTRANT_TYPE, registrants, lastRow);
            for (var c : List.of(Column.REGISTERED_ON, Column.STARTS_ON, Column.ENDS_ON)) {
                var rule = dv.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN, "DATE(2000,1,1)", "DATE(2100,12,31)",
                        "dd/mm/yyyy");
                validation(data, dv, c, rule, lastRow, "Ngày không hợp lệ", "Ghi ngày/tháng/năm, ví dụ 15/03/2026.");
            }
            for (var c : List.of(Column.FUNDS, Column.SOCIALISED, Column.WORKDAYS)) {
                var rule = dv.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null);
                validation(data, dv, c, rule, lastRow, "Số không hợp lệ", "Ghi số nguyên không âm.");
            }

            // the example row
            var row = example.createRow(TITLE_ROWS + 1);
            var values = exampleRow(lookups);
            row.setHeightInPoints(16f * values.entrySet().stream()
                    .mapToInt(e -> e.getValue() instanceof String text ? lines(text, e.getKey().width) : 1).max().orElse(1));
            for (var c : Column.values()) {
                var cell = row.createCell(c.ordinal());
                var v = values.get(c);
                if (v instanceof LocalDate day) {
                    cell.setCellValue(day);
                    cell.setCellStyle(styles.date);
                } else if (v instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                    cell.setCellStyle(styles.count);
                } else {
                    cell.setCellValue(v == null ? "" : v.toString());
                    cell.setCellStyle(styles.wrapped);
                }
            }

            instructions(help, styles, lookups, registrants);
            for (var sheet : List.of(data, help, example)) {
                sheet.getPrintSetup().setLandscape(true);
                sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                sheet.setFitToPage(true);
                sheet.getPrintSetup().setFitWidth((short) 1);
                sheet.getPrintSetup().setFitHeight((short) 0);
            }
            book.setActiveSheet(0);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<Column, Object> exampleRow(Lookups lookups) {
        var v = new EnumMap<Column, Object>(Column.class);
        v.put(Column.KIND, lookups.label("exemplar.kind.COLLECTIVE"));
        v.put(Column.NAME, "Dân vận khéo trong vận động hiến đất mở rộng đường giao thông nông thôn");
        v.put(Column.UNIT, "05983");
        v.put(Column.REGISTRANT_TYPE, lookups.label("exemplar.registrant.RESIDENTIAL_AREA"));
        v.put(Column.REGISTRANT_NAME, "Khối 9");
        v.put(Column.FIELDS, "Kinh tế; Xây dựng nông thôn mới");
        v.put(Column.REGISTERED_ON, LocalDate.of(lookups.today().getYear(), 1, 15));
        v.put(Column.SITUATION, "Đường vào khu dân cư hẹp, xuống cấp, đi lại khó khăn.");
        v.put(Column.OBJECTIVES, "Mở rộng 1,2 km đường lên 5 m; 100% hộ đồng thuận.");
        v.put(Column.METHOD, "Chi bộ họp bàn, đảng viên gương mẫu hiến đất trước; họp dân công khai phương án.");
        v.put(Column.AREA, "Khối 9, 120 hộ");
        v.put(Column.FORCES, "Chi bộ chủ trì; Ban công tác Mặt trận, các đoàn thể phối hợp; nhân dân tham gia");
        v.put(Column.FUNDS, 25_000_000L);
        v.put(Column.SOCIALISED, 180_000_000L);
        v.put(Column.WORKDAYS, 600L);
        v.put(Column.MATERIALS, "Máy xúc của doanh nghiệp trên địa bàn");
        v.put(Column.STARTS_ON, LocalDate.of(lookups.today().getYear(), 2, 1));
        v.put(Column.ENDS_ON, LocalDate.of(lookups.today().getYear(), 11, 30));
        v.put(Column.OUTPUTS, "1,2 km đường bê tông rộng 5 m");
        v.put(Column.SUSTAINABILITY, "Tổ tự quản duy tu đường; nhân rộng sang các khối lân cận");
        v.put(Column.CAMPAIGN, "Phong trào thi đua \"Dân vận khéo\" năm " + lookups.today().getYear());
        return v;
    }

    private static void header(Sheet sheet, ExemplarXlsx.Styles styles, String title, String note) {
        var t = sheet.createRow(0).createCell(0);
        t.setCellValue(title);
        t.setCellStyle(styles.title);
        var n = sheet.createRow(1).createCell(0);
        n.setCellValue(note);
        n.setCellStyle(styles.italic);
        var row = sheet.createRow(TITLE_ROWS);
        row.setHeightInPoints(48);
        for (var c : Column.values()) {
            var cell = row.createCell(c.ordinal());
            cell.setCellValue(c.title());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c.ordinal(), c.width * 256 + 200);
        }
    }

    private static void list(Sheet sheet, org.apache.poi.ss.usermodel.DataValidationHelper dv, Column column, List<String> values,
                             int lastRow) {
        var rule = dv.createExplicitListConstraint(values.toArray(String[]::new));
        validation(sheet, dv, column, rule, lastRow, "Giá trị không có trong danh sách", "Chọn một giá trị trong danh sách.");
    }

    private static void validation(Sheet sheet, org.apache.poi.ss.usermodel.DataValidationHelper dv, Column column,
                                   DataValidationConstraint rule, int lastRow, String errorTitle, String errorText) {
        var range = new CellRangeAddressList(TITLE_ROWS + 1, lastRow, column.ordinal(), column.ordinal());
        DataValidation validation = dv.createValidation(rule, range);
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(errorTitle, errorText);
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    private static void instructions(Sheet help, ExemplarXlsx.Styles styles, Lookups lookups, List<String> registrants) {
        int r = 0;
        r = line(help, r, "HƯỚNG DẪN ĐIỀN DANH SÁCH ĐĂNG KÝ MÔ HÌNH, ĐIỂN HÌNH \"DÂN VẬN KHÉO\"", styles.title);
        r = line(help, r, "1. Ghi vào trang \"" + DATA_SHEET + "\", mỗi dòng một mô hình (tập thể) hoặc điển hình (cá nhân), từ dòng "
                + (TITLE_ROWS + 2) + "; không đổi tên, thứ tự các cột.", styles.text);
        r = line(help, r, "2. Cột có dấu * là bắt buộc. Loại và Nơi đăng ký chọn trong danh sách; ngày ghi ngày/tháng/năm.", styles.text);
        r = line(help, r, "3. Lĩnh vực: ghi mã hoặc tên trong danh mục dưới đây; nhiều lĩnh vực cách nhau bởi dấu chấm phẩy (;).",
                styles.text);
        r = line(help, r, "4. Mã đơn vị quản lý là mã của đơn vị giữ mô hình, đúng vào ngày đăng ký; người nhập phải có quyền với đơn vị đó.",
                styles.text);
        r = line(help, r, "5. Tệp có lỗi sẽ không được nhập: hệ thống liệt kê mọi dòng, cột và lý do. Có thể chọn \"chỉ nhập các dòng "
                + "hợp lệ\" để nhập các dòng đúng và sửa các dòng còn lại sau.", styles.text);
        r = line(help, r, "6. Chỉ nhận tệp .xlsx (Excel 2007 trở lên, LibreOffice \"Excel 2007-365\"), tối đa " + MAX_ROWS
                + " dòng và " + (MAX_BYTES / 1024 / 1024) + " MB. Tệp .xls, .csv cần lưu lại dưới dạng .xlsx.", styles.text);
        r++;
        var head = help.createRow(r++);
        var titles = List.of("Cột", "Tên cột", "Bắt buộc", "Cách ghi", "Ví dụ");
        for (int i = 0; i < titles.size(); i++) {
            var cell = head.createCell(i);
            cell.setCellValue(titles.get(i));
            cell.setCellStyle(styles.header);
        }
        var example = exampleRow(lookups);
        for (var c : Column.values()) {
            var row = help.createRow(r++);
            cell(row, 0, c.letter(), styles.text);
            cell(row, 1, c.header, styles.wrapped);
            cell(row, 2, c.required ? "Có" : "", styles.text);
            cell(row, 3, c.hint, styles.wrapped);
            var v = example.get(c);
            var shown = v instanceof LocalDate d ? d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                    : v instanceof Number n ? ExemplarXlsx.grouped(n.longValue()) : v == null ? "" : v.toString();
            cell(row, 4, shown, styles.wrapped);
            // rows of wrapped text get their height here: not every program computes it on opening
            int lines = Math.max(Math.max(lines(c.header, 34), lines(c.hint, 60)), lines(shown, 40));
            row.setHeightInPoints(16f * lines);
        }
        r++;
        r = line(help, r, "Danh mục lĩnh vực", styles.bold);
        for (var f : lookups.fields()) {
            if (!f.active()) {
                continue;
            }
            var row = help.createRow(r++);
            cell(row, 0, f.code(), styles.text);
            cell(row, 1, f.nameVi(), styles.text);
        }
        r++;
        r = line(help, r, "Nơi đăng ký", styles.bold);
        for (var label : registrants) {
            cell(help.createRow(r++), 1, label, styles.text);
        }
        help.setColumnWidth(0, 20 * 256);
        help.setColumnWidth(1, 34 * 256);
        help.setColumnWidth(2, 10 * 256);
        help.setColumnWidth(3, 60 * 256);
        help.setColumnWidth(4, 40 * 256);
    }

    /** How many lines a text takes in a column of {@code width} characters, roughly. */
    static int lines(String text, int width) {
        return text == null || text.isEmpty() ? 1 : (text.length() + width - 1) / width;
    }

    private static int line(Sheet sheet, int r, String text, org.apache.poi.ss.usermodel.CellStyle style) {
        var cell = sheet.createRow(r).createCell(0);
        cell.setCellValue(text);
        var plain = sheet.getWorkbook().createCellStyle();
        plain.cloneStyleFrom(style);
        plain.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.NONE);
        plain.setBorderTop(org.apache.poi.ss.usermodel.BorderStyle.NONE);
        plain.setBorderLeft(org.apache.poi.ss.usermodel.BorderStyle.NONE);
        plain.setBorderRight(org.apache.poi.ss.usermodel.BorderStyle.NONE);
        cell.setCellStyle(plain);
        return r + 1;
    }

    private static void cell(Row row, int c, String value, org.apache.poi.ss.usermodel.CellStyle style) {
        var cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

}
