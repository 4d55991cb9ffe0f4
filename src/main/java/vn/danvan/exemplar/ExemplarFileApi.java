package vn.danvan.exemplar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.danvan.exemplar.ExemplarViews.ExemplarFilter;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;

/** The registry's files over HTTP: the list as .xlsx, the year-end report as .docx, the import. */
@RestController
@RequestMapping("/api/exemplars")
@Tag(name = "Dân vận khéo")
class ExemplarFileApi {

    private final ExemplarFiles files;
    private final ExemplarImport importer;
    private final ExemplarFigures figures;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    ExemplarFileApi(ExemplarFiles files, ExemplarImport importer, ExemplarFigures figures, CurrentUsers users, OrgUnits units,
                    MessageSource messages, Clock clock) {
        this.files = files;
        this.importer = importer;
        this.figures = figures;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/xlsx")
    @Operation(summary = "Danh sách mô hình, điển hình dạng .xlsx",
            description = "Cùng điều kiện lọc như GET /api/exemplars; mọi dòng thỏa điều kiện (tối đa 100.000, mới nhất trước, có ghi chú khi bị cắt)")
    ResponseEntity<byte[]> list(@RequestParam(required = false) String unit, @RequestParam(required = false) ExemplarKind kind,
                                @RequestParam(required = false) String field, @RequestParam(required = false) ExemplarStatus status,
                                @RequestParam(required = false) Integer year, @RequestParam(required = false) RecognitionLevel level,
                                @RequestParam(required = false) String q) {
        var unitId = unit == null || unit.isBlank() ? null : unitId(unit, LocalDate.now(clock));
        return files.list(new ExemplarFilter(q, unitId, kind, field == null || field.isBlank() ? null : field, status, year, level),
                users.require());
    }

    @GetMapping("/report.docx")
    @Operation(summary = "Báo cáo kết quả phong trào thi đua \"Dân vận khéo\" của một năm (.docx, thể thức Nghị định 30/2020/NĐ-CP)",
            description = "unit: mã đơn vị ban hành (ví dụ ban dân vận, UBND) hoặc mã địa bàn, đọc theo ngày cuối năm (hoặc hôm nay); số liệu của địa bàn đơn vị phụ trách")
    ResponseEntity<byte[]> report(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        var y = year == null ? LocalDate.now(clock).getYear() : year;
        var user = users.require();
        Long unitId = null;
        if (unit != null && !unit.isBlank()) {
            var on = figures.asOf(Math.min(Math.max(y, 2009), LocalDate.now(clock).getYear()));
            unitId = units.findByCode(unit.strip(), on).or(() -> units.findByCode(unit.strip(), LocalDate.now(clock))).map(u -> u.id())
                    .orElseThrow(() -> new InvalidInputException("unit", "exemplar.validation.unit-code", unit.strip(), ExemplarManagement.dmy(on)));
        }
        return files.report(unitId, y, user);
    }

    @GetMapping("/import/template.xlsx")
    @Operation(summary = "Mẫu .xlsx đăng ký mô hình, điển hình để nhập hàng loạt")
    ResponseEntity<byte[]> template() {
        users.require();
        return files.template();
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Nhập danh sách đăng ký từ tệp .xlsx theo mẫu",
            description = "Tệp có lỗi: trả 400 với mọi dòng, cột, lý do và không nhập gì. onlyValid=true: nhập các dòng hợp lệ trong một giao dịch, báo các dòng còn lại")
    ResponseEntity<Map<String, Object>> importFile(@RequestParam("file") MultipartFile file,
                                                   @RequestParam(defaultValue = "false") boolean onlyValid) throws IOException {
        var outcome = importer.importFile(file.getOriginalFilename(), file.getBytes(), onlyValid, users.require());
        var locale = LocaleContextHolder.getLocale();
        var body = new LinkedHashMap<String, Object>();
        body.put("rows", outcome.rows());
        body.put("imported", outcome.imported().size());
        body.put("numbers", outcome.imported().stream().map(ExemplarManagement.ExemplarRef::number).toList());
        body.put("rowsWithProblems", outcome.rowsWithProblems());
        body.put("errors", importer.describe(outcome.problems(), locale));
        if (outcome.refused()) {
            body.put("detail", messages.getMessage("exemplar.import.refused", new Object[] {outcome.problems().size()}, locale));
            return ResponseEntity.badRequest().body(body);
        }
        return ResponseEntity.ok(body);
    }

    private long unitId(String code, LocalDate on) {
        return units.findByCode(code.strip(), on).map(u -> u.id())
                .orElseThrow(() -> new InvalidInputException("unit", "exemplar.validation.unit-code", code.strip(), ExemplarManagement.dmy(on)));
    }
}
