package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.danvan.exemplar.ExemplarFields.FieldOfWork;
import vn.danvan.exemplar.ExemplarSheet.Column;
import vn.danvan.exemplar.ExemplarSheet.ReadFile;

/**
 * Reading the registration spreadsheet, without Spring: the template written and read back, each
 * kind of bad cell named with its row and column, files that are no .xlsx refused with a reason.
 */
class ExemplarSheetTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    /** Units 05983 (valid from 2025-07-01) and 20 (always); the eight fields; the Vietnamese labels of the messages file. */
    static final ExemplarSheet.Lookups LOOKUPS = new ExemplarSheet.Lookups() {
        final Properties labels = load();

        @Override
        public Optional<Long> unitId(String code, LocalDate on) {
            return switch (code) {
                case "05983" -> on.isBefore(LocalDate.of(2025, 7, 1)) ? Optional.empty() : Optional.of(5983L);
                case "20" -> Optional.of(20L);
                default -> Optional.empty();
            };
        }

        @Override
        public List<FieldOfWork> fields() {
            return List.of(new FieldOfWork("ECONOMY", "Kinh tế", "Economy", true, true),
                    new FieldOfWork("CULTURE_SOCIETY", "Văn hóa – xã hội", "Culture and society", true, true),
                    new FieldOfWork("NEW_RURAL", "Xây dựng nông thôn mới", "New rural areas", false, true),
                    new FieldOfWork("OLD", "Lĩnh vực cũ", "Old", false, false));
        }

        @Override
        public String label(String key) {
            return labels.getProperty(key, key);
        }

        @Override
        public LocalDate today() {
            return TODAY;
        }

        static Properties load() {
            var p = new Properties();
            try (var in = ExemplarSheetTests.class.getResourceAsStream("/messages/exemplar.properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return p;
        }
    };

    static Map<Column, Object> validRow() {
        var row = new EnumMap<Column, Object>(Column.class);
        row.put(Column.KIND, "Mô hình tập thể");
        row.put(Column.NAME, "Hiến đất mở đường");
        row.put(Column.UNIT, "05983");
        row.put(Column.REGISTRANT_TYPE, "Khu dân cư");
        row.put(Column.FIELDS, "Kinh tế; NEW_RURAL");
        row.put(Column.REGISTERED_ON, "15/03/2026");
        return row;
    }

    /** The template with these rows filled in from its first data row. */
    @SafeVarargs
    static byte[] filled(Map<Column, Object>... rows) throws IOException {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(ExemplarTemplate.template(LOOKUPS)));
             var out = new ByteArrayOutputStream()) {
            var sheet = book.getSheet(ExemplarSheet.DATA_SHEET);
            int r = ExemplarSheet.TITLE_ROWS + 1;
            for (var values : rows) {
                var row = sheet.createRow(r++);
                values.forEach((column, value) -> {
                    var cell = row.createCell(column.ordinal());
                    if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                    } else if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue((String) value);
                    }
                });
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    static ReadFile read(byte[] bytes) {
        return ExemplarSheet.read("danh-sach.xlsx", bytes, LOOKUPS);
    }

    @Test
    void theTemplateReadsBackWithItsHeadersListsAndExample() throws IOException {
        var bytes = ExemplarTemplate.template(LOOKUPS);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getSheetName(0)).isEqualTo(ExemplarSheet.DATA_SHEET);
            assertThat(book.getSheet(ExemplarSheet.HELP_SHEET)).isNotNull();
            var header = book.getSheet(ExemplarSheet.DATA_SHEET).getRow(ExemplarSheet.TITLE_ROWS);
            assertThat(header.getCell(Column.NAME.ordinal()).getStringCellValue()).isEqualTo("1. Tên mô hình, điển hình *");
            assertThat(header.getCell(Column.PERSON_NAME.ordinal()).getStringCellValue()).isEqualTo("Họ tên người được đăng ký");
            assertThat(book.getSheet(ExemplarSheet.DATA_SHEET).getDataValidations()).hasSizeGreaterThanOrEqualTo(8);
            // the blank template holds no row to import; the example sheet reads as one valid row
            assertThat(ExemplarSheet.read(book.getSheet(ExemplarSheet.DATA_SHEET), LOOKUPS).fileProblem())
                    .isEqualTo("exemplar.import.file.no-rows");
            var example = ExemplarSheet.read(book.getSheet(ExemplarSheet.EXAMPLE_SHEET), LOOKUPS);
            assertThat(example.rows()).hasSize(1);
            var row = example.rows().get(0);
            assertThat(row.problems()).isEmpty();
            assertThat(row.input().kind()).isEqualTo(ExemplarKind.COLLECTIVE);
            assertThat(row.input().unitId()).isEqualTo(5983L);
            assertThat(row.input().fields()).containsExactly("ECONOMY", "NEW_RURAL");
            assertThat(row.input().fundsVnd()).isEqualTo(25_000_000L);
            assertThat(row.input().registeredOn()).isEqualTo(LocalDate.of(2026, 1, 15));
        }
    }

    @Test
    void aValidRowBecomesTheInputOfARegistration() throws IOException {
        var values = validRow();
        values.put(Column.FUNDS, "25.000.000");
        values.put(Column.WORKDAYS, 600);
        values.put(Column.STARTS_ON, LocalDate.of(2026, 4, 1));
        values.put(Column.SITUATION, "Đường hẹp");
        var file = read(filled(values));
        assertThat(file.fileProblem()).isNull();
        var row = file.rows().get(0);
        assertThat(row.row()).isEqualTo(ExemplarSheet.TITLE_ROWS + 2);
        assertThat(row.problems()).isEmpty();
        var in = row.input();
        assertThat(in.name()).isEqualTo("Hiến đất mở đường");
        assertThat(in.registrantType()).isEqualTo(RegistrantType.RESIDENTIAL_AREA);
        assertThat(in.fundsVnd()).isEqualTo(25_000_000L);
        assertThat(in.workdays()).isEqualTo(600);
        assertThat(in.startsOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(in.registeredOn()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(in.situation()).isEqualTo("Đường hẹp");
    }

    static Stream<Arguments> badCells() {
        return Stream.of(
                Arguments.of(Column.REGISTERED_ON, "31/02/2026", "exemplar.import.bad-date"),
                Arguments.of(Column.REGISTERED_ON, "tháng 3", "exemplar.import.bad-date"),
                Arguments.of(Column.STARTS_ON, "2026/13/01", "exemplar.import.bad-date"),
                Arguments.of(Column.UNIT, "99999", "exemplar.validation.unit-code"),
                Arguments.of(Column.FIELDS, "Kinh tế; Thể thao", "exemplar.import.unknown-field"),
                Arguments.of(Column.FIELDS, "Lĩnh vực cũ", "exemplar.import.unknown-field"),
                Arguments.of(Column.KIND, "Nhóm", "exemplar.import.bad-choice"),
                Arguments.of(Column.REGISTRANT_TYPE, "Hợp tác xã", "exemplar.import.bad-choice"),
                Arguments.of(Column.FUNDS, "25 triệu", "exemplar.import.bad-number"),
                Arguments.of(Column.WORKDAYS, 12.5, "exemplar.import.bad-number"),
                Arguments.of(Column.SOCIALISED, "1,5", "exemplar.import.bad-number"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" → {2}")
    @MethodSource("badCells")
    void aBadCellIsNamedWithItsRowAndColumn(Column column, Object value, String key) throws IOException {
        var values = validRow();
        values.put(column, value);
        var row = read(filled(validRow(), values)).rows().get(1);
        assertThat(row.problems()).hasSize(1);
        var p = row.problems().get(0);
        assertThat(p.row()).isEqualTo(ExemplarSheet.TITLE_ROWS + 3);
        assertThat(p.column()).isEqualTo(column);
        assertThat(p.messageKey()).isEqualTo(key);
    }

    @Test
    void theUnitIsLookedUpOnTheDayOfRegistration() throws IOException {
        var values = validRow();
        values.put(Column.REGISTERED_ON, "10/05/2024"); // 05983 was created on 01/07/2025
        var p = read(filled(values)).rows().get(0).problems();
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.column()).isEqualTo(Column.UNIT);
            assertThat(x.args()).containsExactly("05983", "10/05/2024");
        });
    }

    @Test
    void aCommuneCodeTypedAsANumberGetsItsLeadingZeroBack() throws IOException {
        var values = validRow();
        values.put(Column.UNIT, 5983);
        var row = read(filled(values)).rows().get(0);
        assertThat(row.problems()).isEmpty();
        assertThat(row.input().unitId()).isEqualTo(5983L);
    }

    @Test
    void blankRowsAreSkippedAndEmptyCellsLeftForTheRegistryRules() throws IOException {
        var empty = new EnumMap<Column, Object>(Column.class);
        empty.put(Column.NAME, "   ");
        var partial = new EnumMap<Column, Object>(Column.class);
        partial.put(Column.KIND, "Điển hình cá nhân");
        var file = read(filled(validRow(), empty, partial));
        assertThat(file.rows()).hasSize(2);
        var second = file.rows().get(1);
        assertThat(second.row()).isEqualTo(ExemplarSheet.TITLE_ROWS + 4);
        assertThat(second.problems()).isEmpty(); // no name, unit, date …: ExemplarManagement says "required"
        assertThat(second.input().kind()).isEqualTo(ExemplarKind.INDIVIDUAL);
        assertThat(second.input().name()).isNull();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "15/03/2026|2026-03-15", "5/3/2026|2026-03-05", "2026-03-15|2026-03-15", "15.03.2026|2026-03-15",
            "29/02/2026|", "15/03/26|", "hôm nay|"})
    void datesAreDayMonthYear(String text, LocalDate expected) {
        assertThat(ExemplarSheet.parseDate(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "25000000|25000000", "25.000.000|25000000", "25,000,000|25000000", "25 000 000|25000000", "-3|-3",
            "1,5|", "12.50|", "25tr|", "1.2345|"})
    void amountsAreWholeNumbersWithThousandsSeparators(String text, Long expected) {
        assertThat(ExemplarSheet.parseAmount(text)).isEqualTo(expected);
    }

    static Stream<Arguments> refusedFiles() throws IOException {
        var xlsx = filled(validRow());
        var many = new Map[ExemplarSheet.MAX_ROWS + 1];
        for (int i = 0; i < many.length; i++) {
            var row = validRow();
            row.put(Column.NAME, "Mô hình " + i);
            many[i] = row;
        }
        @SuppressWarnings("unchecked")
        var tooMany = filled(many);
        return Stream.of(
                Arguments.of("cu.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, "exemplar.import.file.xls"),
                Arguments.of("danh-sach.csv", "Loại;Tên\n".getBytes(StandardCharsets.UTF_8), "exemplar.import.file.not-xlsx"),
                Arguments.of("danh-sach.xlsx", new byte[0], "exemplar.import.file.empty"),
                Arguments.of("danh-sach.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 0}, "exemplar.import.file.unreadable"),
                Arguments.of("lon.xlsx", new byte[ExemplarSheet.MAX_BYTES + 1], "exemplar.import.file.too-large"),
                Arguments.of("nhieu.xlsx", tooMany, "exemplar.import.file.too-many-rows"),
                Arguments.of("dung.xlsx", xlsx, null));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("refusedFiles")
    void filesThatAreNoXlsxOrTooLargeAreRefusedWithAReason(String name, byte[] bytes, String key) {
        assertThat(ExemplarSheet.read(name, bytes, LOOKUPS).fileProblem()).isEqualTo(key);
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedNamingIt() throws IOException {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Mô hình");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("1. Tên mô hình, điển hình");
            header.createCell(1).setCellValue("Loại");
            sheet.createRow(1).createCell(0).setCellValue("Một mô hình");
            book.write(out);
            var file = read(out.toByteArray());
            assertThat(file.fileProblem()).isEqualTo("exemplar.import.file.missing-columns");
            assertThat((String) file.args()[0]).contains("Mã đơn vị quản lý", "Lĩnh vực", "Ngày đăng ký").doesNotContain("Loại");
        }
    }
}
