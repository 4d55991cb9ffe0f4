package vn.danvan.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.danvan.form.FormDefinition;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.shared.InvalidInputException;

/**
 * Report forms and their entry grid over JSON. Every signed-in user reads the forms; system
 * administrators add versions (others: 404). A grid is read for a unit the user may read and saved
 * for one the user may write for (outside scope: 404); a save that breaks a blocking rule or carries
 * a value of the wrong type answers 400 naming each cell; one that changes lines someone else saved
 * after they were read answers 409 listing them ({@code conflicts}); nothing is saved in either case.
 */
@RestController
@Tag(name = "Biểu báo cáo định kỳ", description = "Biểu báo cáo do đơn vị nhập theo kỳ: phiên bản, quy tắc kiểm tra, hạn nộp, "
        + "nhập số liệu theo lưới, chép kỳ trước, mẫu .xlsx")
class EntryApi {

    /** A saved grid, the warnings of the rules it breaks (in the reader's language) and how many lines changed. */
    record SavedJson(EntryGrid grid, List<String> warnings, int changed) {
    }

    private final ReportForms forms;
    private final ReportEntry entry;
    private final CurrentUsers users;
    private final MessageSource messages;

    EntryApi(ReportForms forms, ReportEntry entry, CurrentUsers users, MessageSource messages) {
        this.forms = forms;
        this.entry = entry;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/api/reporting/forms")
    @Operation(summary = "Các biểu báo cáo định kỳ (phiên bản mới nhất của mỗi biểu)")
    List<FormDefinition> forms() {
        users.require();
        return forms.forms();
    }

    @GetMapping("/api/reporting/forms/{code}")
    @Operation(summary = "Các phiên bản của một biểu", description = "Kỳ báo cáo dùng phiên bản có validFrom muộn nhất không sau ngày cuối kỳ")
    List<FormDefinition> versions(@PathVariable String code) {
        users.require();
        return forms.versions(code);
    }

    @PostMapping("/api/reporting/forms")
    @Operation(summary = "Thêm phiên bản biểu báo cáo (quản trị hệ thống)",
            description = "Như /api/forms/definitions, provider luôn là reporting: code, symbol, version, validFrom, title, cut, "
                    + "periodKind (MONTH|QUARTER|SIX_MONTHS|NINE_MONTHS|YEAR|TERM), deadline {days, workingDays}, reporters {levels, kinds}, "
                    + "columns (number = mã số dòng, header [mục, tên dòng], measure = mã chỉ tiêu[.phân tổ]), "
                    + "rules [{expression: \"A = B + C\" | \"A ≥ B\" | \"0 ≤ A ≤ 100\", severity: ERROR|WARNING, message}], "
                    + "narratives [{key, title}]. Quy tắc nêu chỉ tiêu không có → 400 nêu chỉ tiêu")
    ResponseEntity<FormDefinition> define(@RequestBody FormDefinition definition) {
        var stored = forms.define(definition, users.require());
        return ResponseEntity.created(URI.create("/api/reporting/forms/" + stored.code())).body(stored);
    }

    @GetMapping("/api/reporting/entry")
    @Operation(summary = "Lưới nhập của một biểu cho đơn vị và kỳ",
            description = "form, unit (mã đơn vị đọc theo ngày cuối kỳ), period (đúng loại kỳ của biểu, ví dụ 2026Q1). "
                    + "Dòng tính từ hồ sơ có value và recordsHref; dòng nhập có value, comment, version (0 = chưa có)")
    EntryGrid grid(@RequestParam String form, @RequestParam String unit, @RequestParam String period) {
        return entry.grid(form, unit, period, users.require());
    }

    @PutMapping("/api/reporting/entry")
    @Operation(summary = "Lưu lưới nhập",
            description = "{\"form\", \"unit\", \"period\", \"cells\": [{\"number\": 2, \"value\": \"3\", \"comment\": null, \"version\": 0}], "
                    + "\"narratives\": [{\"key\": \"ket_qua\", \"text\": \"…\", \"version\": 0}]}. Tất cả hoặc không: sai kiểu, vi phạm quy tắc "
                    + "lỗi → 400 nêu từng ô; người khác đã lưu dòng đó → 409 kèm conflicts; cảnh báo trả về trong warnings")
    SavedJson save(@RequestBody GridInput input) {
        return json(entry.save(input, users.require()));
    }

    @GetMapping("/api/reporting/entry/previous")
    @Operation(summary = "Số liệu kỳ trước cho các dòng nhập còn trống", description = "mã số dòng → giá trị; chưa lưu gì")
    Map<Integer, String> previous(@RequestParam String form, @RequestParam String unit, @RequestParam String period) {
        return entry.previousValues(form, unit, period, users.require());
    }

    @GetMapping(value = "/api/reporting/entry/xlsx", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Mẫu .xlsx của biểu cho đơn vị và kỳ (kèm số liệu đã lưu)")
    ResponseEntity<byte[]> template(@RequestParam String form, @RequestParam String unit, @RequestParam String period) {
        return EntryController.xlsx(entry.template(form, unit, period, users.require()), form + "_" + unit + "_" + period + ".xlsx");
    }

    @PostMapping(value = "/api/reporting/entry/xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Nhập từ mẫu .xlsx đã điền",
            description = "Mỗi lỗi nêu dòng, cột và lý do; có lỗi thì không lưu gì")
    SavedJson importXlsx(@RequestParam String form, @RequestParam String unit, @RequestParam String period,
                         @RequestParam MultipartFile file) throws IOException {
        var user = users.require();
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "validation.required");
        }
        return json(entry.importXlsx(form, unit, period, file.getBytes(), user));
    }

    @ExceptionHandler(GridConflictException.class)
    ProblemDetail conflict(GridConflictException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("reporting.entry.conflict", e.key()));
        problem.setTitle(text("error.conflict.title"));
        problem.setProperty("conflicts", e.conflicts());
        return problem;
    }

    private SavedJson json(ReportEntry.Saved saved) {
        return new SavedJson(saved.grid(), saved.warnings().stream().map(p -> text(p.messageKey(), p.args())).toList(),
                saved.changed());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
