package vn.danvan.form;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Lays a filled form out as the official spreadsheet: the reporting unit and the form's symbol and
 * circular on top, the title, the period line, the multi-level header with merged cells, the "MS"
 * row of column numbers, then one row per unit (totals in bold), in Times New Roman.
 */
public final class FormXlsx {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int FIRST_HEADER_ROW = 6;

    private FormXlsx() {
    }

    public static byte[] write(FormResult result) {
        var d = result.definition();
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet(d.symbol().replace('/', '-'));
            var styles = new Styles(book);
            int last = d.columns().size(); // column 0 is "Đơn vị"

            text(sheet, 0, 0, result.unitName().toUpperCase(java.util.Locale.forLanguageTag("vi")), styles.bold);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.min(4, last)));
            text(sheet, 0, Math.max(last - 3, 5), "Biểu số: " + d.symbol(), styles.bold);
            if (d.circular() != null && !d.circular().isBlank()) {
                text(sheet, 1, Math.max(last - 3, 5), "Ban hành kèm theo Thông tư " + d.circular(), styles.italic);
            }
            text(sheet, 3, 0, d.title().toUpperCase(java.util.Locale.forLanguageTag("vi")), styles.title);
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, last));
            text(sheet, 4, 0, "(Số liệu tính từ ngày " + DAY.format(result.from()) + " đến ngày "
                    + DAY.format(result.to()) + ")", styles.italicCentred);
            sheet.addMergedRegion(new CellRangeAddress(4, 4, 0, last));

            int depth = d.headerDepth();
            int msRow = FIRST_HEADER_ROW + depth;
            for (int r = FIRST_HEADER_ROW; r <= msRow; r++) {
                var row = sheet.createRow(r);
                // Header cells wrap; the deepest row holds the longest labels ("Đơn có nhiều người đứng tên").
                row.setHeightInPoints(r == msRow ? 16 : r == msRow - 1 ? 80 : 34);
                for (int c = 0; c <= last; c++) {
                    row.createCell(c).setCellStyle(styles.header);
                }
            }
            sheet.getRow(FIRST_HEADER_ROW).getCell(0).setCellValue("Đơn vị");
            sheet.addMergedRegion(new CellRangeAddress(FIRST_HEADER_ROW, msRow - 1, 0, 0));
            sheet.getRow(msRow).getCell(0).setCellValue("MS");
            var columns = d.columns();
            for (int level = 0; level < depth; level++) {
                int i = 0;
                while (i < columns.size()) {
                    var header = columns.get(i).header();
                    if (header.size() <= level) {
                        i++;
                        continue;
                    }
                    int j = i;
                    while (j + 1 < columns.size() && sharesPrefix(columns.get(j + 1).header(), header, level)) {
                        j++;
                    }
                    int r = FIRST_HEADER_ROW + level;
                    boolean leaf = header.size() == level + 1;
                    int bottom = leaf ? msRow - 1 : r;
                    sheet.getRow(r).getCell(i + 1).setCellValue(header.get(level));
                    if (j > i || bottom > r) {
                        sheet.addMergedRegion(new CellRangeAddress(r, bottom, i + 1, j + 1));
                    }
                    i = leaf ? i + 1 : j + 1;
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                sheet.getRow(msRow).getCell(i + 1).setCellValue(columns.get(i).number());
            }

            int r = msRow + 1;
            for (var row : result.rows()) {
                var x = sheet.createRow(r++);
                boolean total = row.kind() != RowKind.UNIT;
                var label = x.createCell(0);
                label.setCellValue(row.label());
                var labelStyle = book.createCellStyle();
                labelStyle.cloneStyleFrom(total ? styles.boldCell : styles.cell);
                labelStyle.setIndention((short) Math.min(row.depth(), 6));
                label.setCellStyle(labelStyle);
                for (int i = 0; i < columns.size(); i++) {
                    var column = columns.get(i);
                    var cell = x.createCell(i + 1);
                    if (column.isNote()) {
                        cell.setCellStyle(styles.cell);
                        continue;
                    }
                    cell.setCellValue(row.value(column.number()).doubleValue());
                    cell.setCellStyle(styles.number(column.kind(), total));
                }
            }
            r++;
            text(sheet, r, 0, "Người lập biểu", styles.boldCentred);
            text(sheet, r, Math.max(last - 3, 2), "Thủ trưởng đơn vị", styles.boldCentred);
            text(sheet, r + 1, 0, "(Ký, ghi rõ họ tên)", styles.italicCentred);
            text(sheet, r + 1, Math.max(last - 3, 2), "(Ký tên, đóng dấu)", styles.italicCentred);

            sheet.setColumnWidth(0, 36 * 256);
            for (int c = 1; c <= last; c++) {
                sheet.setColumnWidth(c, 11 * 256);
            }
            sheet.createFreezePane(1, msRow + 1);
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sharesPrefix(List<String> other, List<String> header, int level) {
        if (other.size() <= level || header.size() <= level + 1 || other.size() <= level + 1) {
            return false;
        }
        return other.subList(0, level + 1).equals(header.subList(0, level + 1));
    }

    private static void text(XSSFSheet sheet, int r, int c, String value, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        var cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle bold, italic, italicCentred, title, header, cell, boldCell, boldCentred;
        final CellStyle count, money, land, countBold, moneyBold, landBold;

        Styles(XSSFWorkbook book) {
            var plain = font(book, false, false, 12);
            var boldFont = font(book, true, false, 12);
            var italicFont = font(book, false, true, 12);
            bold = style(book, boldFont, null, false);
            italic = style(book, italicFont, null, false);
            italicCentred = style(book, italicFont, HorizontalAlignment.CENTER, false);
            boldCentred = style(book, boldFont, HorizontalAlignment.CENTER, false);
            title = style(book, font(book, true, false, 14), HorizontalAlignment.CENTER, false);
            header = style(book, boldFont, HorizontalAlignment.CENTER, true);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            cell = style(book, plain, null, true);
            boldCell = style(book, boldFont, null, true);
            var format = book.createDataFormat();
            count = style(book, plain, HorizontalAlignment.RIGHT, true);
            count.setDataFormat(format.getFormat("#,##0"));
            money = style(book, plain, HorizontalAlignment.RIGHT, true);
            money.setDataFormat(format.getFormat("#,##0.000"));
            land = style(book, plain, HorizontalAlignment.RIGHT, true);
            land.setDataFormat(format.getFormat("#,##0.0"));
            countBold = style(book, boldFont, HorizontalAlignment.RIGHT, true);
            countBold.setDataFormat(format.getFormat("#,##0"));
            moneyBold = style(book, boldFont, HorizontalAlignment.RIGHT, true);
            moneyBold.setDataFormat(format.getFormat("#,##0.000"));
            landBold = style(book, boldFont, HorizontalAlignment.RIGHT, true);
            landBold.setDataFormat(format.getFormat("#,##0.0"));
        }

        CellStyle number(FormColumn.ValueKind kind, boolean total) {
            return switch (kind) {
                case COUNT -> total ? countBold : count;
                case MONEY -> total ? moneyBold : money;
                case LAND -> total ? landBold : land;
            };
        }

        private static XSSFFont font(XSSFWorkbook book, boolean bold, boolean italic, int points) {
            var font = book.createFont();
            font.setFontName("Times New Roman");
            font.setBold(bold);
            font.setItalic(italic);
            font.setFontHeightInPoints((short) points);
            return font;
        }

        private static CellStyle style(XSSFWorkbook book, XSSFFont font, HorizontalAlignment align, boolean border) {
            var style = book.createCellStyle();
            style.setFont(font);
            if (align != null) {
                style.setAlignment(align);
            }
            if (border) {
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            return style;
        }
    }
}
