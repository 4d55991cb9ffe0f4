package vn.danvan.exemplar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.danvan.exemplar.ExemplarFields.FieldOfWork;
import vn.danvan.shared.VietnameseText;

/**
 * The spreadsheet units fill in today to register their models, as danvan hands it out and reads
 * it back: one row per model, a column for each registration field, Vietnamese labels chosen from
 * lists, several fields of work separated by ";", dates dd/mm/yyyy. Reading turns each row into an
 * {@link ExemplarInput} and the problems of its cells (a date that is no date, an unknown unit code
 * or field of work, a number that is no number); the registry's own rules are checked afterwards
 * by {@link ExemplarManagement}. Pure: the units and fields come in as lookups.
 */
final class ExemplarSheet {

    static final String DATA_SHEET = "Mô hình";
    static final String HELP_SHEET = "Hướng dẫn";
    static final String EXAMPLE_SHEET = "Ví dụ";
    static final int TITLE_ROWS = 2;           // the title and the note above the header
    static final int MAX_ROWS = 2_000;
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Locale VI = Locale.forLanguageTag("vi");

    /** The columns, in the template's order, with the name of the {@link ExemplarInput} field they fill. */
    enum Column {
        KIND("Loại", true, "kind", 20, "Mô hình tập thể hoặc Điển hình cá nhân (chọn trong danh sách)"),
        NAME("1. Tên mô hình, điển hình", true, "name", 40, "Tối đa 500 ký tự"),
        PERSON_NAME("Họ tên người được đăng ký", false, "personName", 22, "Bắt buộc với điển hình cá nhân; để trống với mô hình tập thể"),
        PERSON_TITLE("Chức vụ, nghề nghiệp", false, "personTitle", 18, "Chỉ với điển hình cá nhân"),
        UNIT("Mã đơn vị quản lý", true, "unitId", 12, "Mã đơn vị hành chính (ví dụ mã phường, xã 05983) hoặc mã cơ quan, đúng vào ngày đăng ký"),
        REGISTRANT_TYPE("Nơi đăng ký", true, "registrantType", 20, "Chọn trong danh sách"),
        REGISTRANT_NAME("Tên nơi đăng ký", false, "registrantName", 26, "Tên khu dân cư, cơ quan, trường học… đăng ký"),
        FIELDS("Lĩnh vực", true, "fields", 26, "Mã hoặc tên lĩnh vực (xem danh mục bên dưới); nhiều lĩnh vực cách nhau bởi dấu ;"),
        REGISTERED_ON("Ngày đăng ký", true, "registeredOn", 13, "Ngày/tháng/năm, ví dụ 15/03/2026; không sau ngày hôm nay"),
        SITUATION("2. Thực trạng, lý do xây dựng", false, "situation", 30, ""),
        OBJECTIVES("3. Mục tiêu, tiêu chí đánh giá", false, "objectives", 30, ""),
        METHOD("4. Nội dung, cách thức thực hiện", false, "method", 30, ""),
        AREA("5. Địa bàn, đối tượng", false, "area", 24, ""),
        FORCES("6. Lực lượng thực hiện", false, "forces", 24, "Chủ trì, phối hợp, tham gia"),
        FUNDS("7. Kinh phí (đồng)", false, "fundsVnd", 15, "Số nguyên không âm, ví dụ 25.000.000"),
        SOCIALISED("Xã hội hóa (đồng)", false, "socialisedVnd", 15, "Số nguyên không âm"),
        WORKDAYS("Ngày công", false, "workdays", 10, "Số nguyên không âm"),
        MATERIALS("Cơ sở vật chất, phương tiện", false, "materials", 22, ""),
        STARTS_ON("Bắt đầu thực hiện", false, "startsOn", 13, "Ngày/tháng/năm"),
        ENDS_ON("Kết thúc", false, "endsOn", 13, "Ngày/tháng/năm; không trước ngày bắt đầu"),
        OUTPUTS("8. Sản phẩm, kết quả đầu ra", false, "outputs", 28, ""),
        SUSTAINABILITY("9. Khả năng duy trì, nhân rộng", false, "sustainability", 28, ""),
        CAMPAIGN("Hưởng ứng phong trào, kế hoạch", false, "campaign", 24, "Ví dụ: Kế hoạch số 24-KH/BDVTU");

        final String header;
        final boolean required;
        final String field;
        final int width;
        final String hint;

        Column(String header, boolean required, String field, int width, String hint) {
            this.header = header;
            this.required = required;
            this.field = field;
            this.width = width;
            this.hint = hint;
        }

        /** The header as written in the template: required columns end with " *". */
        String title() {
            return required ? header + " *" : header;
        }

        String letter() {
            return CellReference.convertNumToColString(ordinal());
        }

        static Optional<Column> ofField(String field) {
            for (var c : values()) {
                if (c.field.equals(field)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /** What the reader needs to know of the registry: units by code on a day, fields of work, labels. */
    interface Lookups {

        /** The id of the unit with this code on that day. */
        Optional<Long> unitId(String code, LocalDate on);

        List<FieldOfWork> fields();

        /** Vietnamese label by message key ("exemplar.kind.COLLECTIVE" → "Mô hình tập thể"). */
        String label(String key);

        LocalDate today();
    }

    /** A problem of one cell (or of the whole row when {@code column} is null), with a message key. */
    record CellProblem(int row, Column column, String messageKey, Object... args) {
    }

    /** A row read: its number in the sheet (1-based, as Excel shows it), what it registers, the problems of its cells. */
    record ReadRow(int row, ExemplarInput input, String unitCode, List<CellProblem> problems) {
    }

    /** The file as read, or why it could not be read at all ({@code fileProblem} is a message key). */
    record ReadFile(List<ReadRow> rows, String fileProblem, Object... args) {

        static ReadFile refused(String key, Object... args) {
            return new ReadFile(List.of(), key, args);
        }
    }

    private ExemplarSheet() {
    }

    // ---- reading -----------------------------------------------------------------------------------

    /** Reads a filled template; refuses what is not an .xlsx, too large, or has no header row. */
    static ReadFile read(String fileName, byte[] bytes, Lookups lookups) {
        var name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (bytes == null || bytes.length == 0) {
            return ReadFile.refused("exemplar.import.file.empty");
        }
        if (bytes.length > MAX_BYTES) {
            return ReadFile.refused("exemplar.import.file.too-large", MAX_BYTES / 1024 / 1024);
        }
        boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
        boolean ole = bytes.length > 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF;
        if (ole || name.endsWith(".xls")) {
            return ReadFile.refused("exemplar.import.file.xls");
        }
        if (name.endsWith(".csv") || name.endsWith(".ods") || !zip) {
            return ReadFile.refused("exemplar.import.file.not-xlsx");
        }
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = book.getSheet(DATA_SHEET);
            if (sheet == null) {
                sheet = book.getSheetAt(0);
            }
            return read(sheet, lookups);
        } catch (IOException | RuntimeException e) {
            return ReadFile.refused("exemplar.import.file.unreadable");
        }
    }

    static ReadFile read(Sheet sheet, Lookups lookups) {
        var formatter = new DataFormatter(VI);
        // the header row: the first of the top ten holding the name column
        int headerRow = -1;
        var columns = new EnumMap<Column, Integer>(Column.class);
        for (int r = 0; r <= Math.min(10, sheet.getLastRowNum()) && headerRow < 0; r++) {
            var row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            var found = new EnumMap<Column, Integer>(Column.class);
            for (var cell : row) {
                var text = key(formatter.formatCellValue(cell));
                for (var c : Column.values()) {
                    if (!text.isEmpty() && text.equals(key(c.header)) && !found.containsKey(c)) {
                        found.put(c, cell.getColumnIndex());
                    }
                }
            }
            if (found.containsKey(Column.NAME)) {
                headerRow = r;
                columns.putAll(found);
            }
        }
        if (headerRow < 0) {
            return ReadFile.refused("exemplar.import.file.no-header", DATA_SHEET);
        }
        var missing = new ArrayList<String>();
        for (var c : Column.values()) {
            if (c.required && !columns.containsKey(c)) {
                missing.add(c.header);
            }
        }
        if (!missing.isEmpty()) {
            return ReadFile.refused("exemplar.import.file.missing-columns", String.join(", ", missing));
        }
        var rows = new ArrayList<ReadRow>();
        var fieldIndex = fieldIndex(lookups.fields());
        int dataRows = 0;
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            var row = sheet.getRow(r);
            if (row == null || blank(row, columns, formatter)) {
                continue;
            }
            if (++dataRows > MAX_ROWS) {
                return ReadFile.refused("exemplar.import.file.too-many-rows", MAX_ROWS);
            }
            rows.add(readRow(row, columns, formatter, fieldIndex, lookups));
        }
        if (rows.isEmpty()) {
            return ReadFile.refused("exemplar.import.file.no-rows");
        }
        return new ReadFile(rows, null);
    }

    private static ReadRow readRow(Row row, Map<Column, Integer> columns, DataFormatter formatter, Map<String, String> fieldIndex,
                                   Lookups lookups) {
        int number = row.getRowNum() + 1;
        var problems = new ArrayList<CellProblem>();
        Function<Column, Cell> cellOf = c -> columns.containsKey(c) ? row.getCell(columns.get(c)) : null;
        Function<Column, String> text = c -> {
            var cell = cellOf.apply(c);
            var s = cell == null ? "" : formatter.formatCellValue(cell);
            return s == null || s.isBlank() ? null : VietnameseText.nfc(s.strip());
        };

        ExemplarKind kind = null;
        var kindText = text.apply(Column.KIND);
        if (kindText != null) {
            kind = kind(kindText, lookups);
            if (kind == null) {
                problems.add(new CellProblem(number, Column.KIND, "exemplar.import.bad-choice", kindText));
            }
        }
        RegistrantType registrant = null;
        var registrantText = text.apply(Column.REGISTRANT_TYPE);
        if (registrantText != null) {
            registrant = registrantType(registrantText, lookups);
            if (registrant == null) {
                problems.add(new CellProblem(number, Column.REGISTRANT_TYPE, "exemplar.import.bad-choice", registrantText));
            }
        }
        var registeredOn = date(cellOf.apply(Column.REGISTERED_ON), text.apply(Column.REGISTERED_ON), Column.REGISTERED_ON, number, problems);
        var startsOn = date(cellOf.apply(Column.STARTS_ON), text.apply(Column.STARTS_ON), Column.STARTS_ON, number, problems);
        var endsOn = date(cellOf.apply(Column.ENDS_ON), text.apply(Column.ENDS_ON), Column.ENDS_ON, number, problems);
        var funds = amount(cellOf.apply(Column.FUNDS), text.apply(Column.FUNDS), Column.FUNDS, number, problems);
        var socialised = amount(cellOf.apply(Column.SOCIALISED), text.apply(Column.SOCIALISED), Column.SOCIALISED, number, problems);
        var workdays = amount(cellOf.apply(Column.WORKDAYS), text.apply(Column.WORKDAYS), Column.WORKDAYS, number, problems);
        if (workdays != null && Math.abs(workdays) > Integer.MAX_VALUE) {
            problems.add(new CellProblem(number, Column.WORKDAYS, "exemplar.import.bad-number", workdays));
            workdays = null;
        }

        Long unitId = null;
        var unitCode = unitCode(cellOf.apply(Column.UNIT), text.apply(Column.UNIT));
        if (unitCode != null) {
            var on = registeredOn == null ? lookups.today() : registeredOn;
            unitId = lookups.unitId(unitCode, on).orElse(null);
            if (unitId == null && unitCode.matches("\\d{1,4}")) {
                // a commune code typed as a number loses its leading zeros: 5983 → 05983
                unitId = lookups.unitId("0".repeat(5 - unitCode.length()) + unitCode, on)
                        .or(() -> unitCode.length() < 2 ? lookups.unitId("0" + unitCode, on) : Optional.empty()).orElse(null);
            }
            if (unitId == null) {
                problems.add(new CellProblem(number, Column.UNIT, "exemplar.validation.unit-code", unitCode, ExemplarManagement.dmy(on)));
            }
        }

        var fields = new ArrayList<String>();
        var fieldsText = text.apply(Column.FIELDS);
        if (fieldsText != null) {
            for (var part : fieldsText.split("[;\\n]")) {
                var p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                var code = fieldIndex.get(key(p));
                if (code == null) {
                    problems.add(new CellProblem(number, Column.FIELDS, "exemplar.import.unknown-field", p));
                } else if (!fields.contains(code)) {
                    fields.add(code);
                }
            }
        }

        var input = new ExemplarInput(kind, text.apply(Column.NAME), unitId, registrant, text.apply(Column.REGISTRANT_NAME),
                text.apply(Column.PERSON_NAME), text.apply(Column.PERSON_TITLE), text.apply(Column.SITUATION),
                text.apply(Column.OBJECTIVES), text.apply(Column.METHOD), text.apply(Column.AREA), text.apply(Column.FORCES), funds,
                text.apply(Column.MATERIALS), workdays == null ? null : workdays.intValue(), socialised, startsOn, endsOn,
                text.apply(Column.OUTPUTS), text.apply(Column.SUSTAINABILITY), text.apply(Column.CAMPAIGN), registeredOn, fields, null);
        return new ReadRow(number, input, unitCode, problems);
    }

    // ---- cells -------------------------------------------------------------------------------------

    static ExemplarKind kind(String text, Lookups lookups) {
        var k = key(text);
        for (var kind : ExemplarKind.values()) {
            if (k.equals(key(kind.name())) || k.equals(key(lookups.label("exemplar.kind." + kind)))) {
                return kind;
            }
        }
        return switch (k) {
            case "tap the", "mo hinh" -> ExemplarKind.COLLECTIVE;
            case "ca nhan", "dien hinh" -> ExemplarKind.INDIVIDUAL;
            default -> null;
        };
    }

    static RegistrantType registrantType(String text, Lookups lookups) {
        var k = key(text);
        for (var t : RegistrantType.values()) {
            if (k.equals(key(t.name())) || k.equals(key(lookups.label("exemplar.registrant." + t)))) {
                return t;
            }
        }
        return null;
    }

    /** A date cell, or text "15/03/2026", "15/3/2026", "2026-03-15"; a problem otherwise. */
    static LocalDate date(Cell cell, String text, Column column, int row, List<CellProblem> problems) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            if (DateUtil.isValidExcelDate(value) && value >= 1) {
                return DateUtil.getLocalDateTime(value).toLocalDate();
            }
            problems.add(new CellProblem(row, column, "exemplar.import.bad-date", text));
            return null;
        }
        if (text == null) {
            return null;
        }
        var day = parseDate(text);
        if (day == null) {
            problems.add(new CellProblem(row, column, "exemplar.import.bad-date", text));
        }
        return day;
    }

    static LocalDate parseDate(String text) {
        var s = text.strip().replace('.', '/').replace('-', '/');
        try {
            if (s.matches("\\d{4}/\\d{1,2}/\\d{1,2}")) {
                var p = s.split("/");
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            if (s.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return LocalDate.parse(s, DMY);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /** A whole number: a number cell, or text with "." or "," or spaces between thousands ("25.000.000"). */
    static Long amount(Cell cell, String text, Column column, int row, List<CellProblem> problems) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            if (value != Math.rint(value) || Math.abs(value) > 9.0e15) {
                problems.add(new CellProblem(row, column, "exemplar.import.bad-number", text));
                return null;
            }
            return (long) value;
        }
        if (text == null) {
            return null;
        }
        var value = parseAmount(text);
        if (value == null) {
            problems.add(new CellProblem(row, column, "exemplar.import.bad-number", text));
        }
        return value;
    }

    static Long parseAmount(String text) {
        var s = text.strip().replace("\u00a0", "").replace(" ", "");
        if (s.matches("-?\\d{1,3}([.,]\\d{3})+") || s.matches("-?\\d+")) {
            try {
                return new BigDecimal(s.replace(".", "").replace(",", "")).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String unitCode(Cell cell, String text) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            if (value == Math.rint(value)) {
                return Long.toString((long) value);
            }
        }
        return text;
    }

    /** Field codes by code and by name, both as {@link #key}. */
    static Map<String, String> fieldIndex(List<FieldOfWork> fields) {
        var index = new LinkedHashMap<String, String>();
        for (var f : fields) {
            if (!f.active()) {
                continue;
            }
            index.put(key(f.code()), f.code());
            index.put(key(f.nameVi()), f.code());
            index.put(key(f.nameEn()), f.code());
        }
        return index;
    }

    /** Lower case, no accents, dashes and runs of spaces as one space, no trailing "*": how headers and labels compare. */
    static String key(String text) {
        if (text == null) {
            return "";
        }
        var s = VietnameseText.nfc(text).strip();
        while (s.endsWith("*")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        s = s.replace('đ', 'd').replace('Đ', 'D');
        s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("[\\s\\u2013\\u2014-]+", " ").strip();
    }

    private static boolean blank(Row row, Map<Column, Integer> columns, DataFormatter formatter) {
        for (var index : columns.values()) {
            var cell = row.getCell(index);
            if (cell != null && !formatter.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** For the example and tests: the cell ranges of the template's header. */
    static CellRangeAddress headerRange() {
        return new CellRangeAddress(TITLE_ROWS, TITLE_ROWS, 0, Column.values().length - 1);
    }
}
