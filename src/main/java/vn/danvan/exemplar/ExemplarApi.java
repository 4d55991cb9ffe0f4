package vn.danvan.exemplar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.exemplar.ExemplarFields.FieldOfWork;
import vn.danvan.exemplar.ExemplarFigures.Figures;
import vn.danvan.exemplar.ExemplarManagement.ExemplarRef;
import vn.danvan.exemplar.ExemplarViews.ExemplarDetail;
import vn.danvan.exemplar.ExemplarViews.ExemplarFilter;
import vn.danvan.exemplar.ExemplarViews.ExemplarRow;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * Models and exemplars over JSON with the screens' scope rules: lists cover the caller's scope (or
 * a unit's subtree within it, with the units that passed into it); a model outside scope answers
 * 404. Units are named by their official code, read as of today unless the endpoint says otherwise.
 */
@RestController
@RequestMapping("/api/exemplars")
@Tag(name = "Dân vận khéo", description = "Mô hình, điển hình \"Dân vận khéo\": đăng ký, đánh giá, công nhận, khen thưởng, nhân rộng; số liệu")
class ExemplarApi {

    /** A model as registered; {@code unit} is the owner unit's code (read as of the day of registration). */
    record ExemplarRequest(ExemplarKind kind, String name, String unit, RegistrantType registrantType, String registrantName,
                           String personName, String personTitle, String situation, String objectives, String method, String area,
                           String forces, Long fundsVnd, String materials, Integer workdays, Long socialisedVnd,
                           LocalDate startsOn, LocalDate endsOn, String outputs, String sustainability, String campaign,
                           LocalDate registeredOn, List<String> fields, String publicSummary, Integer version) {
    }

    record ReplicaRequest(String unit, LocalDate day, String name, Integer version) {
    }

    record FieldRequest(String code, String nameVi, String nameEn) {
    }

    private final ExemplarManagement management;
    private final ExemplarQueries queries;
    private final ExemplarFigures figures;
    private final ExemplarFields fields;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final Clock clock;

    ExemplarApi(ExemplarManagement management, ExemplarQueries queries, ExemplarFigures figures, ExemplarFields fields,
                CurrentUsers users, OrgUnits units, Clock clock) {
        this.management = management;
        this.queries = queries;
        this.figures = figures;
        this.fields = fields;
        this.users = users;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Danh sách mô hình, điển hình",
            description = "unit: mã đơn vị (cả cây trực thuộc và các đơn vị đã sáp nhập vào); q: tìm không dấu trong tên, người, nơi đăng ký, cách làm; year: năm đăng ký; level: có công nhận ở cấp này. "
                    + "totalElements: đếm đủ, trừ khi tìm theo chữ (tối đa 1001, nghĩa là hơn 1.000) hoặc lọc theo cấp công nhận "
                    + "hay theo cả lĩnh vực và trạng thái (tối đa 10001)")
    PageResult<ExemplarRow> list(@RequestParam(required = false) String unit, @RequestParam(required = false) ExemplarKind kind,
                                 @RequestParam(required = false) String field, @RequestParam(required = false) ExemplarStatus status,
                                 @RequestParam(required = false) Integer year, @RequestParam(required = false) RecognitionLevel level,
                                 @RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var unitId = unit == null || unit.isBlank() ? null : unitId("unit", unit, LocalDate.now(clock));
        return queries.search(new ExemplarFilter(q, unitId, kind, field, status, year, level), Math.max(0, page),
                Math.min(Math.max(1, size), 200), users.require());
    }

    @PostMapping
    @Operation(summary = "Đăng ký mô hình, điển hình", description = "Trả về id và số đăng ký (MH-năm-số cho mô hình tập thể, DH-năm-số cho điển hình cá nhân)")
    ResponseEntity<ExemplarRef> register(@RequestBody ExemplarRequest r) {
        var ref = management.register(input(r), users.require());
        return ResponseEntity.created(URI.create("/api/exemplars/" + ref.id())).body(ref);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một mô hình với lịch sử, đánh giá, công nhận, khen thưởng, nguồn gốc và nơi nhân rộng")
    ExemplarDetail detail(@PathVariable long id) {
        return queries.detail(id, users.require());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Sửa thông tin đăng ký", description = "version: phiên bản đã đọc; nếu người khác đã lưu trước, trả 409")
    ExemplarDetail update(@PathVariable long id, @RequestBody ExemplarRequest r) {
        var user = users.require();
        if (r.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        management.update(id, input(r), r.version(), user);
        return queries.detail(id, user);
    }

    @PostMapping("/{id}/steps")
    @Operation(summary = "Một bước: bắt đầu, đánh giá, công nhận, chọn tiêu biểu, khen thưởng, tạm dừng, tiếp tục, dừng",
            description = "action: START, ASSESS (assessor, criteria), RECOGNISE (level, decisionNumber, issuer, typical), MARK_TYPICAL, COMMEND (form, decisionNumber, issuer), PAUSE, RESUME, DISCONTINUE; day: ngày quyết định hoặc ngày thực hiện")
    ExemplarDetail step(@PathVariable long id, @RequestBody ExemplarStep step) {
        var user = users.require();
        management.step(id, step, user);
        return queries.detail(id, user);
    }

    @PostMapping("/{id}/replicas")
    @Operation(summary = "Nhân rộng sang đơn vị khác", description = "Tạo mô hình mới ở đơn vị nhận (mã đơn vị), giữ liên kết với mô hình gốc; chỉ mô hình đã được công nhận")
    ResponseEntity<ExemplarRef> replicate(@PathVariable long id, @RequestBody ReplicaRequest r) {
        var on = r.day() == null ? LocalDate.now(clock) : r.day();
        var ref = management.replicate(id, unitId("unit", r.unit(), on), on, r.name(), r.version(), users.require());
        return ResponseEntity.created(URI.create("/api/exemplars/" + ref.id())).body(ref);
    }

    @PutMapping("/{id}/results/{year}")
    @Operation(summary = "Kết quả của một năm", description = "Số người được hưởng lợi, số hộ, tiền (đồng), ngày công, đất hiến (m²), đường (m); null xóa số liệu")
    ExemplarDetail results(@PathVariable long id, @PathVariable int year, @RequestBody Map<ResultMeasure, BigDecimal> values) {
        var user = users.require();
        management.recordResults(id, year, values, user);
        return queries.detail(id, user);
    }

    @GetMapping("/figures")
    @Operation(summary = "Số liệu phong trào của một đơn vị trong một năm",
            description = "unit: mã đơn vị đọc theo ngày cuối năm (hoặc hôm nay nếu là năm hiện tại); tính cả đơn vị đã sáp nhập vào. Đăng ký, công nhận, tiêu biểu, khen thưởng, nhân rộng theo loại, so với năm trước; theo lĩnh vực, cấp công nhận, trạng thái; nguồn lực; mô hình được nhân rộng nhiều nhất")
    Figures figures(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        var y = year == null ? LocalDate.now(clock).getYear() : year;
        var unitId = unit == null || unit.isBlank() ? null : unitId("unit", unit, figures.asOf(y));
        return figures.figures(unitId, y, users.require());
    }

    @GetMapping("/fields")
    @Operation(summary = "Lĩnh vực")
    List<FieldOfWork> fields() {
        return fields.all();
    }

    @PostMapping("/fields")
    @Operation(summary = "Thêm lĩnh vực (quản trị hệ thống)")
    ResponseEntity<List<FieldOfWork>> addField(@RequestBody FieldRequest r) {
        if (!users.require().isSystemAdmin()) {
            throw new NotFoundException("page", "/api/exemplars/fields");
        }
        fields.add(r.code(), r.nameVi(), r.nameEn());
        return ResponseEntity.status(201).body(fields.all());
    }

    private ExemplarInput input(ExemplarRequest r) {
        var on = r.registeredOn() == null ? LocalDate.now(clock) : r.registeredOn();
        Long unitId = r.unit() == null || r.unit().isBlank() ? null : unitId("unit", r.unit(), on);
        return new ExemplarInput(r.kind(), r.name(), unitId, r.registrantType(), r.registrantName(), r.personName(), r.personTitle(),
                r.situation(), r.objectives(), r.method(), r.area(), r.forces(), r.fundsVnd(), r.materials(), r.workdays(),
                r.socialisedVnd(), r.startsOn(), r.endsOn(), r.outputs(), r.sustainability(), r.campaign(), on, r.fields(),
                r.publicSummary());
    }

    private long unitId(String field, String code, LocalDate on) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        return units.findByCode(code.strip(), on).map(u -> u.id())
                .orElseThrow(() -> new InvalidInputException(field, "exemplar.validation.unit-code", code.strip(), ExemplarManagement.dmy(on)));
    }
}
