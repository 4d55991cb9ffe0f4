package vn.danvan.exemplar;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.danvan.exemplar.ExemplarViews.ExemplarFilter;
import vn.danvan.export.Docx;
import vn.danvan.identity.CurrentUser;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;

/**
 * The registry's files for the screens and the API alike: the list as a spreadsheet, the year-end
 * report as a Word document, the import template, each sent as a download.
 */
@Component
class ExemplarFiles {

    /** The most rows a list file holds; a larger filter gets the newest ones and a note. */
    static final int LIST_CAP = 100_000;

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ExemplarQueries queries;
    private final ExemplarReport report;
    private final ExemplarImport importer;
    private final ExemplarFields fields;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    ExemplarFiles(ExemplarQueries queries, ExemplarReport report, ExemplarImport importer, ExemplarFields fields, OrgUnits units,
                  MessageSource messages, Clock clock) {
        this.queries = queries;
        this.report = report;
        this.importer = importer;
        this.fields = fields;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    ResponseEntity<byte[]> list(ExemplarFilter filter, CurrentUser user) {
        var today = LocalDate.now(clock);
        var rows = queries.exportRows(filter, LIST_CAP + 1, user);
        boolean capped = rows.size() > LIST_CAP;
        if (capped) {
            rows = rows.subList(0, LIST_CAP);
        }
        var fieldNames = new LinkedHashMap<String, String>();
        fields.all().forEach(f -> fieldNames.put(f.code(), f.nameVi()));
        var bytes = ExemplarXlsx.write(unitLine(filter.unitId(), user), filterLine(filter, fieldNames), rows, capped, today,
                key -> messages.getMessage(key, null, key, VI), fieldNames);
        return download("danh-sach-dan-van-kheo-" + today + ".xlsx", ExemplarXlsx.CONTENT_TYPE, bytes);
    }

    ResponseEntity<byte[]> report(Long unitId, Integer year, CurrentUser user) {
        var thisYear = LocalDate.now(clock).getYear();
        var y = year == null ? thisYear : year;
        if (y < 2009 || y > thisYear) {
            throw new InvalidInputException("year", "exemplar.validation.year-range", 2009, thisYear);
        }
        var unit = unitId != null ? unitId : user.homeUnitId();
        var r = report.report(unit, y, user);
        return download(r.fileName(), Docx.CONTENT_TYPE, Docx.write(r.document()));
    }

    ResponseEntity<byte[]> template() {
        return download("mau-dang-ky-dan-van-kheo.xlsx", ExemplarXlsx.CONTENT_TYPE, importer.template());
    }

    String unitLine(Long unitId, CurrentUser user) {
        var today = LocalDate.now(clock);
        if (unitId != null) {
            return units.find(unitId, today).map(u -> u.name()).orElse("?");
        }
        if (user.isSystemAdmin()) {
            return "Toàn quốc";
        }
        return units.find(user.homeUnitId(), today).map(u -> u.name()).orElse("?");
    }

    String filterLine(ExemplarFilter f, java.util.Map<String, String> fieldNames) {
        var parts = new ArrayList<String>();
        if (f.text() != null && !f.text().isBlank()) {
            parts.add("từ khóa \"" + f.text().strip() + "\"");
        }
        if (f.kind() != null) {
            parts.add("loại: " + messages.getMessage("exemplar.kind." + f.kind(), null, VI));
        }
        if (f.field() != null && !f.field().isBlank()) {
            parts.add("lĩnh vực: " + fieldNames.getOrDefault(f.field(), f.field()));
        }
        if (f.status() != null) {
            parts.add("trạng thái: " + messages.getMessage("exemplar.status." + f.status(), null, VI));
        }
        if (f.year() != null) {
            parts.add("năm đăng ký: " + f.year());
        }
        if (f.level() != null) {
            parts.add("được công nhận " + messages.getMessage("exemplar.level." + f.level(), null, VI).toLowerCase(VI));
        }
        return parts.isEmpty() ? "Điều kiện lọc: không (mọi mô hình, điển hình trong phạm vi)."
                : "Điều kiện lọc: " + String.join("; ", parts) + ".";
    }

    static ResponseEntity<byte[]> download(String fileName, String contentType, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8)
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }
}
