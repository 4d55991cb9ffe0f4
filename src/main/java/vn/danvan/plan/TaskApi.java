package vn.danvan.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.plan.TaskViews.TaskDetail;
import vn.danvan.plan.TaskViews.TaskRow;
import vn.danvan.shared.PageResult;

/**
 * Tasks over JSON. A task is read by users whose scope covers its responsible or its assigning unit
 * (otherwise 404); the responsible unit's writers report progress and delegate, the assigning unit's
 * writers create and cancel.
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Nhiệm vụ", description = "Nhiệm vụ: đơn vị chủ trì, phối hợp, thời hạn (ngày hoặc số ngày làm việc), tiến độ, minh chứng, "
        + "giao cho cấp dưới (tiến độ cộng dồn lên nhiệm vụ gốc). Trạng thái OVERDUE (quá hạn) được tính theo ngày hôm nay, không lưu. "
        + "Ngoài phạm vi của người dùng → 404")
class TaskApi {

    /** A task; units by code as of today. The deadline is dueOn, or dueWorkingDays working days after startsOn. */
    record TaskRequest(String title, String responsibleUnit, List<String> coordinatingUnits, LocalDate startsOn, LocalDate dueOn,
                       Integer dueWorkingDays, String note, Long planId, String assigningUnit) {
    }

    record ProgressRequest(LocalDate reportedOn, Integer percent, String text, Long evidenceDocumentId) {
    }

    record DelegationRequest(List<TaskRequest> children) {
    }

    record CancelRequest(Integer version) {
    }

    record Created(long id, String href) {
    }

    record CreatedMany(List<Long> ids) {
    }

    private final TaskManagement management;
    private final TaskQueries queries;
    private final CurrentUsers users;
    private final UnitCodes codes;

    TaskApi(TaskManagement management, TaskQueries queries, CurrentUsers users, UnitCodes codes) {
        this.management = management;
        this.queries = queries;
        this.users = users;
        this.codes = codes;
    }

    @GetMapping
    @Operation(summary = "Danh sách nhiệm vụ",
            description = "unit: mã đơn vị (đọc theo ngày hôm nay) — nhiệm vụ do đơn vị trong cây của đơn vị đó chủ trì (kể cả đơn vị đã "
                    + "sáp nhập vào); ngoài phạm vi → 404. Không có unit: tab MINE (đơn vị của tôi), SUBTREE (toàn phạm vi), OVERDUE, "
                    + "DUE_SOON (đến hạn trong withinDays ngày, mặc định 7). status: NOT_STARTED, IN_PROGRESS, DONE, OVERDUE, CANCELLED. "
                    + "q: tìm không dấu trong tên nhiệm vụ. Phân trang: page (từ 0), size (≤ 200); trả về content, totalElements, page, size")
    PageResult<TaskRow> list(@RequestParam(required = false) String unit, @RequestParam(required = false) TaskStatus status,
                             @RequestParam(required = false) TaskFilter.Tab tab, @RequestParam(required = false) String q,
                             @RequestParam(required = false) Integer withinDays, @RequestParam(required = false) TaskFilter.Sort sort,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var user = users.require();
        var p = Math.max(0, page);
        var s = Math.min(Math.max(1, size), 200);
        if (unit != null && !unit.isBlank()) {
            return queries.ofUnitCode(unit.strip(), status, p, s, user);
        }
        return queries.list(new TaskFilter(tab == null ? TaskFilter.Tab.SUBTREE : tab, null, status, q, withinDays, null, sort), p, s, user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một nhiệm vụ", description = "Với đơn vị phối hợp, báo cáo tiến độ, nhiệm vụ con (đã giao cho cấp dưới), nhiệm vụ gốc "
            + "và nguồn giao (originHref: /meetings/{id} với nhiệm vụ do kết luận hội nghị giao)")
    TaskDetail task(@PathVariable long id) {
        return queries.detail(id, users.require());
    }

    @PostMapping
    @Operation(summary = "Giao nhiệm vụ", description = "Trong một kế hoạch (planId: đơn vị của kế hoạch giao; thời hạn trước ngày kế hoạch bắt đầu "
            + "bị từ chối, nêu trường dueOn) hoặc ngoài kế hoạch (assigningUnit, mặc định đơn vị của người dùng)")
    ResponseEntity<Created> create(@RequestBody TaskRequest r) {
        var user = users.require();
        var id = management.create(r.planId(), draft(r, ""), codes.id(r.assigningUnit(), "assigningUnit"), user);
        return ResponseEntity.created(URI.create("/api/tasks/" + id)).body(new Created(id, "/tasks/" + id));
    }

    @PostMapping("/{id}/progress")
    @Operation(summary = "Báo cáo tiến độ", description = "percent 0–100 (100 = hoàn thành), text, minh chứng là văn bản đã đăng ký "
            + "(evidenceDocumentId). Nhiệm vụ đã giao cho cấp dưới lấy tiến độ từ nhiệm vụ con")
    ResponseEntity<TaskDetail> progress(@PathVariable long id, @RequestBody ProgressRequest r) {
        var user = users.require();
        management.report(id, new TaskManagement.Progress(r.reportedOn(), r.percent(), r.text(), null, null, r.evidenceDocumentId()), user);
        return ResponseEntity.created(URI.create("/api/tasks/" + id)).body(queries.detail(id, user));
    }

    @PostMapping(path = "/{id}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Báo cáo tiến độ kèm tệp minh chứng", description = "Tệp PDF, DOCX hoặc ảnh (PNG, JPEG, WebP) — nhận biết theo nội dung "
            + "tệp, tối đa 10 MB (danvan.plan.max-evidence-bytes)")
    ResponseEntity<TaskDetail> progressWithFile(@PathVariable long id, @RequestParam(required = false) LocalDate reportedOn,
                                                @RequestParam(required = false) Integer percent, @RequestParam(required = false) String text,
                                                @RequestParam(required = false) Long evidenceDocumentId,
                                                @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        var user = users.require();
        management.report(id, new TaskManagement.Progress(reportedOn, percent, text, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(), evidenceDocumentId), user);
        return ResponseEntity.created(URI.create("/api/tasks/" + id)).body(queries.detail(id, user));
    }

    @PostMapping("/{id}/delegations")
    @Operation(summary = "Giao cho cấp dưới", description = "Tách nhiệm vụ thành nhiệm vụ con của các đơn vị trong cây của đơn vị chủ trì; "
            + "thời hạn không sau thời hạn nhiệm vụ gốc; lỗi nêu trường children[i].…")
    ResponseEntity<CreatedMany> delegate(@PathVariable long id, @RequestBody DelegationRequest r) {
        var user = users.require();
        var children = r.children() == null ? List.<TaskDraft>of()
                : java.util.stream.IntStream.range(0, r.children().size())
                        .mapToObj(i -> draft(r.children().get(i), "children[" + i + "].")).toList();
        var ids = management.delegate(id, children, user);
        return ResponseEntity.created(URI.create("/api/tasks/" + id)).body(new CreatedMany(ids));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Hủy nhiệm vụ", description = "Đơn vị giao hủy; nhiệm vụ con đang mở cũng bị hủy. version: phiên bản đã đọc (409 nếu đã đổi)")
    TaskDetail cancel(@PathVariable long id, @RequestBody(required = false) CancelRequest r) {
        var user = users.require();
        var version = r == null || r.version() == null ? queries.detail(id, user).version() : r.version();
        management.cancel(id, version, user);
        return queries.detail(id, user);
    }

    @GetMapping("/{id}/updates/{updateId}/evidence")
    @Operation(summary = "Tải tệp minh chứng")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long updateId) {
        var file = queries.evidence(id, updateId, users.require());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType())).body(file.content());
    }

    private TaskDraft draft(TaskRequest r, String prefix) {
        if (r == null) {
            return new TaskDraft(null, null, null, null, null, null, null);
        }
        return new TaskDraft(r.title(), codes.id(r.responsibleUnit(), prefix + "responsibleUnitId"),
                codes.ids(r.coordinatingUnits(), prefix + "coordinatingUnitIds"), r.startsOn(), r.dueOn(), r.dueWorkingDays(), r.note());
    }
}
