package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.danvan.exemplar.ExemplarQueries.ExportRow;
import vn.danvan.exemplar.ExemplarViews.UnitRef;

/** The list file's cells, without a database: dates as dates, amounts as numbers, the note when the list was cut. */
class ExemplarXlsxTests {

    static ExportRow row(String number, Long funds) {
        return new ExportRow(number, ExemplarKind.INDIVIDUAL, "Người gom rác bằng xe đạp", "Hoàng Văn Sáu", "Tổ trưởng",
                new UnitRef(5983, "05983", "Phường Lương Văn Tri"), RegistrantType.RESIDENTIAL_AREA, "Khối 9",
                List.of("ECONOMY", "DIGITAL"), LocalDate.of(2026, 3, 2), 2026, ExemplarStatus.COMMENDED, RecognitionLevel.PROVINCE, 2026,
                List.of("CERTIFICATE_OF_MERIT|2026", "LETTER_OF_COMMENDATION|2025"), 2, "MH-2025-000001", funds, null, 120,
                LocalDate.of(2026, 4, 1), null);
    }

    @Test
    void aRowHoldsRealDatesNumbersAndVietnameseLabels() throws IOException {
        var bytes = ExemplarXlsx.write("Phường Lương Văn Tri", "Điều kiện lọc: năm đăng ký: 2026.",
                List.of(row("DH-2026-000001", 25_000_000L), row("DH-2026-000002", null)), false, LocalDate.of(2026, 11, 30),
                key -> Map.of("exemplar.kind.INDIVIDUAL", "Điển hình cá nhân", "exemplar.status.COMMENDED", "Được khen thưởng",
                        "exemplar.level.PROVINCE", "Cấp tỉnh", "exemplar.registrant.RESIDENTIAL_AREA", "Khu dân cư",
                        "exemplar.commendation.CERTIFICATE_OF_MERIT", "Bằng khen",
                        "exemplar.commendation.LETTER_OF_COMMENDATION", "Giấy khen").getOrDefault(key, key),
                Map.of("ECONOMY", "Kinh tế", "DIGITAL", "Chuyển đổi số"));
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("PHƯỜNG LƯƠNG VĂN TRI");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).startsWith("Tổng số: 2 mô hình, điển hình.");
            var first = sheet.getRow(ExemplarXlsx.HEADER_ROW + 1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Điển hình cá nhân");
            assertThat(first.getCell(10).getStringCellValue()).isEqualTo("Kinh tế; Chuyển đổi số");
            assertThat(first.getCell(11).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(first.getCell(14).getStringCellValue()).isEqualTo("Cấp tỉnh");
            assertThat(first.getCell(16).getStringCellValue()).isEqualTo("Bằng khen (2026); Giấy khen (2025)");
            assertThat(first.getCell(19).getNumericCellValue()).isEqualTo(25_000_000d);
            assertThat(first.getCell(19).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(first.getCell(23).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(sheet.getRow(ExemplarXlsx.HEADER_ROW + 2).getCell(19).getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void aListCutAtTheCapSaysSo() throws IOException {
        var bytes = ExemplarXlsx.write("Toàn quốc", "Điều kiện lọc: không.", List.of(row("DH-2026-000001", 1L)), true,
                LocalDate.of(2026, 11, 30), key -> key, Map.of());
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getSheetAt(0).getRow(3).getCell(0).getStringCellValue())
                    .startsWith("Chỉ ghi 1 dòng đầu tiên (mới nhất trước); hãy thu hẹp điều kiện lọc");
        }
    }
}
