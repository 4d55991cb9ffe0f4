package vn.danvan.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.plan.PlanQueries.PlanDetail;
import vn.danvan.plan.PlanQueries.PlanRow;
import vn.danvan.shared.PageResult;

/** Plans over JSON: a unit's plans are read by users whose scope covers the unit (otherwise 404), changed by its writers. */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "Kế hoạch", description = "Kế hoạch công tác dân vận năm (chủ đề năm) và kế hoạch triển khai một văn bản hoặc chương trình phối hợp, "
        + "với cây nhiệm vụ và tiến độ cộng dồn. Ngoài phạm vi → 404")
class PlanApi {

    /** A plan; unit by code as of today; kind YEARLY (year, theme) or IMPLEMENTING (implementsDocumentId or implementsProgrammeId). */
    record PlanRequest(String unit, PlanDraft.PlanKind kind, Integer year, String title, String theme, LocalDate startsOn,
                       LocalDate endsOn, Long documentId, Long implementsDocumentId, Long implementsProgrammeId, Integer version) {
    }

    record Created(long id, String href) {
    }

    private final PlanManagement management;
    private final PlanQueries queries;
    private final CurrentUsers users;
    private final UnitCodes codes;

    PlanApi(PlanManagement management, PlanQueries queries, CurrentUsers users, UnitCodes codes) {
        this.management = management;
        this.queries = queries;
        this.users = users;
        this.codes = codes;
    }

    @GetMapping
    @Operation(summary = "Danh sách kế hoạch", description = "unit: mã đơn vị (cây đơn vị, đọc theo ngày hôm nay); year: năm nằm trong thời gian "
            + "kế hoạch; q: tìm không dấu trong tên, chủ đề. Phân trang: page, size (≤ 200)")
    PageResult<PlanRow> list(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                             @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        return queries.list(codes.id(unit, "unit"), year, q, Math.max(0, page), Math.min(Math.max(1, size), 200), users.require());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một kế hoạch", description = "Với cây nhiệm vụ (nhiệm vụ con dưới nhiệm vụ gốc) và tiến độ chung")
    PlanDetail plan(@PathVariable long id) {
        return queries.detail(id, users.require());
    }

    @PostMapping
    @Operation(summary = "Lập kế hoạch", description = "Cần quyền ghi trên đơn vị (unit, mặc định đơn vị của người dùng)")
    ResponseEntity<Created> create(@RequestBody PlanRequest r) {
        var user = users.require();
        var unit = codes.id(r.unit(), "unitId");
        var id = management.create(draft(r, unit != null ? unit : user.homeUnitId()), user);
        return ResponseEntity.created(URI.create("/api/plans/" + id)).body(new Created(id, "/plans/" + id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Sửa kế hoạch", description = "version: phiên bản đã đọc (409 nếu người khác đã lưu); ngày bắt đầu không sau thời hạn "
            + "của nhiệm vụ đã có")
    PlanDetail update(@PathVariable long id, @RequestBody PlanRequest r) {
        var user = users.require();
        var current = queries.detail(id, user);
        var unit = codes.id(r.unit(), "unitId");
        management.update(id, draft(r, unit != null ? unit : current.unit().id()), r.version() == null ? current.version() : r.version(),
                user);
        return queries.detail(id, user);
    }

    private static PlanDraft draft(PlanRequest r, long unitId) {
        return new PlanDraft(unitId, r.kind(), r.year(), r.title(), r.theme(), r.startsOn(), r.endsOn(), r.documentId(),
                r.implementsDocumentId(), r.implementsProgrammeId());
    }
}
