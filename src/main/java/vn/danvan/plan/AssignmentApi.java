package vn.danvan.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.plan.ImplementationMatrix.AssignmentView;
import vn.danvan.plan.ImplementationMatrix.MatrixRow;
import vn.danvan.shared.PageResult;

/** Implementation tracking over JSON: assignments of a document to units and their matrix. */
@RestController
@RequestMapping("/api/assignments")
@Tag(name = "Theo dõi triển khai", description = "Giao triển khai một văn bản cho các đơn vị (đơn vị chọn, mọi tỉnh, mọi xã của một tỉnh, "
        + "Mặt trận và các đoàn thể của một tỉnh); mỗi đơn vị gắn văn bản triển khai (kế hoạch) và báo cáo tiến độ; ma trận theo dõi: "
        + "đơn vị chưa triển khai đứng đầu, số ngày chậm. Đơn vị đã giải thể năm 2025 hiện đơn vị tiếp nhận")
class AssignmentApi {

    /** target: UNITS (units: codes), PROVINCES, COMMUNES_OF / FRONT_AND_MASS_OF (targetUnit: province code). */
    record AssignmentRequest(Long documentId, String document, String assigningUnit, LocalDate assignedOn, LocalDate dueOn,
                             Boolean lateInWorkingDays, ImplementationTracking.Target target, String targetUnit, List<String> units,
                             String note) {
    }

    record ImplementingRequest(Long documentId, String document) {
    }

    record ReportRequest(LocalDate reportedOn, String text, Long documentId) {
    }

    record Created(long id, String href) {
    }

    private final ImplementationTracking tracking;
    private final ImplementationMatrix matrix;
    private final vn.danvan.document.DocumentQueries documents;
    private final CurrentUsers users;
    private final UnitCodes codes;

    AssignmentApi(ImplementationTracking tracking, ImplementationMatrix matrix, vn.danvan.document.DocumentQueries documents,
                  CurrentUsers users, UnitCodes codes) {
        this.tracking = tracking;
        this.matrix = matrix;
        this.documents = documents;
        this.users = users;
        this.codes = codes;
    }

    @GetMapping
    @Operation(summary = "Các lần giao triển khai một văn bản", description = "document: id văn bản")
    List<AssignmentView> ofDocument(@RequestParam long document) {
        return matrix.ofDocument(document, users.require());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một lần giao triển khai")
    AssignmentView assignment(@PathVariable long id) {
        return matrix.assignment(id, users.require());
    }

    @GetMapping("/{id}/matrix")
    @Operation(summary = "Ma trận theo dõi triển khai", description = "Đơn vị chưa ban hành văn bản triển khai đứng đầu, rồi theo tên; daysLate: "
            + "số ngày chậm so với thời hạn (ngày làm việc nếu lần giao quy định); notActed=true chỉ đơn vị chưa triển khai. Phân trang")
    PageResult<MatrixRow> matrix(@PathVariable long id, @RequestParam(defaultValue = "false") boolean notActed,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return matrix.matrix(id, notActed, Math.max(0, page), Math.min(Math.max(1, size), 500), users.require());
    }

    @PostMapping
    @Operation(summary = "Giao triển khai văn bản", description = "Văn bản theo documentId hoặc số, ký hiệu (document); cần quyền ghi trên "
            + "assigningUnit (mặc định đơn vị của người dùng)")
    ResponseEntity<Created> assign(@RequestBody AssignmentRequest r) {
        var user = users.require();
        var assigning = codes.id(r.assigningUnit(), "assigningUnitId");
        var id = tracking.assign(new ImplementationTracking.AssignmentDraft(documentId(r.documentId(), r.document()),
                assigning != null ? assigning : user.homeUnitId(), r.assignedOn(), r.dueOn(), r.lateInWorkingDays(), r.target(),
                codes.id(r.targetUnit(), "targetUnitId"), codes.ids(r.units(), "unitIds"), r.note()), user);
        return ResponseEntity.created(URI.create("/api/assignments/" + id)).body(new Created(id, "/plans/assignments/" + id));
    }

    @PostMapping("/units/{rowId}/implementing-document")
    @Operation(summary = "Gắn văn bản triển khai của đơn vị", description = "Kế hoạch của đơn vị đã đăng ký trong sổ văn bản (documentId hoặc số, "
            + "ký hiệu); ngày ban hành của nó là ngày đơn vị triển khai")
    ResponseEntity<Void> implementing(@PathVariable long rowId, @RequestBody ImplementingRequest r) {
        var id = documentId(r.documentId(), r.document());
        if (id == null) {
            throw new vn.danvan.shared.InvalidInputException("documentId", "validation.required");
        }
        tracking.linkImplementingDocument(rowId, id, users.require());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/units/{rowId}/reports")
    @Operation(summary = "Báo cáo tiến độ triển khai của đơn vị")
    ResponseEntity<Created> report(@PathVariable long rowId, @RequestBody ReportRequest r) {
        var id = tracking.report(rowId, r.reportedOn(), r.text(), r.documentId(), users.require());
        return ResponseEntity.created(URI.create("/api/assignments")).body(new Created(id, null));
    }

    private Long documentId(Long id, String identifier) {
        if (id != null) {
            return id;
        }
        if (identifier == null || identifier.isBlank()) {
            return null;
        }
        return documents.idByIdentifier(identifier)
                .orElseThrow(() -> new vn.danvan.shared.InvalidInputException("documentId", "assignment.document.unknown", identifier));
    }
}
