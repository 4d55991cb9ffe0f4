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
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.plan.CoordinationProgrammes.ContentItem;
import vn.danvan.plan.CoordinationProgrammes.Signatory;
import vn.danvan.plan.ProgrammeQueries.ProgrammeDetail;
import vn.danvan.plan.ProgrammeQueries.ProgrammeRow;

/** Coordination programmes over JSON: read by every signed-in user, like the documents they are; changed by the owner unit's writers (otherwise 404). */
@RestController
@RequestMapping("/api/programmes")
@Tag(name = "Chương trình phối hợp", description = "Chương trình phối hợp giữa hai hay nhiều cơ quan cho một giai đoạn: người ký, nội dung "
        + "phối hợp, kế hoạch phối hợp hằng năm và hoạt động, kết quả sơ kết/tổng kết từng nội dung (có thể gắn hội nghị), chương trình "
        + "giai đoạn sau. Chương trình là một văn bản trong sổ văn bản (documentId)")
class ProgrammeApi {

    record PartyRequest(String unit, String name) {
    }

    record ProgrammeRequest(Long documentId, String ownerUnit, String title, Integer fromYear, Integer toYear, List<PartyRequest> parties,
                            List<Signatory> signatories, List<ContentItem> items) {
    }

    record RenewalRequest(Long successorId) {
    }

    record JointPlanRequest(Integer year, String title, Long documentId) {
    }

    record ActivityRequest(String title, String ownerUnit, LocalDate dueOn) {
    }

    record ActivityStatusRequest(TaskStatus status) {
    }

    record ReviewRequest(LocalDate reviewedOn, String result, Long meetingId) {
    }

    record Created(long id, String href) {
    }

    private final CoordinationProgrammes programmes;
    private final ProgrammeQueries queries;
    private final CurrentUsers users;
    private final UnitCodes codes;

    ProgrammeApi(CoordinationProgrammes programmes, ProgrammeQueries queries, CurrentUsers users, UnitCodes codes) {
        this.programmes = programmes;
        this.queries = queries;
        this.users = users;
        this.codes = codes;
    }

    @GetMapping
    @Operation(summary = "Danh sách chương trình phối hợp")
    List<ProgrammeRow> list() {
        return queries.list(users.require());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một chương trình phối hợp")
    ProgrammeDetail programme(@PathVariable long id) {
        return queries.detail(id, users.require());
    }

    @PostMapping
    @Operation(summary = "Ghi nhận chương trình phối hợp", description = "Ít nhất hai cơ quan (parties); người ký có chức vụ và cơ quan")
    ResponseEntity<Created> create(@RequestBody ProgrammeRequest r) {
        var user = users.require();
        var owner = codes.id(r.ownerUnit(), "ownerUnitId");
        var parties = r.parties() == null ? List.<CoordinationProgrammes.Party>of()
                : r.parties().stream().map(p -> new CoordinationProgrammes.Party(codes.id(p.unit(), "parties"), p.name())).toList();
        var id = programmes.create(new CoordinationProgrammes.ProgrammeDraft(r.documentId(), owner != null ? owner : user.homeUnitId(),
                r.title(), r.fromYear(), r.toYear(), parties, r.signatories(), r.items()), user);
        return ResponseEntity.created(URI.create("/api/programmes/" + id)).body(new Created(id, "/programmes/" + id));
    }

    @PostMapping("/{id}/renewal")
    @Operation(summary = "Gắn chương trình giai đoạn sau", description = "successorId: chương trình tiếp nối, bắt đầu không trước năm kết thúc của chương trình này")
    ProgrammeDetail renew(@PathVariable long id, @RequestBody RenewalRequest r) {
        var user = users.require();
        if (r.successorId() == null) {
            throw new vn.danvan.shared.InvalidInputException("successorId", "validation.required");
        }
        programmes.renew(id, r.successorId(), user);
        return queries.detail(id, user);
    }

    @PostMapping("/{id}/joint-plans")
    @Operation(summary = "Thêm kế hoạch phối hợp năm")
    ResponseEntity<Created> jointPlan(@PathVariable long id, @RequestBody JointPlanRequest r) {
        if (r.year() == null) {
            throw new vn.danvan.shared.InvalidInputException("year", "validation.required");
        }
        var planId = programmes.addJointPlan(id, r.year(), r.title(), r.documentId(), users.require());
        return ResponseEntity.created(URI.create("/api/programmes/" + id)).body(new Created(planId, "/programmes/" + id));
    }

    @PostMapping("/{id}/joint-plans/{planId}/activities")
    @Operation(summary = "Thêm hoạt động vào kế hoạch phối hợp năm", description = "ownerUnit: mã đơn vị chủ trì; dueOn: thời hạn")
    ResponseEntity<Created> activity(@PathVariable long id, @PathVariable long planId, @RequestBody ActivityRequest r) {
        var activityId = programmes.addActivity(planId, new CoordinationProgrammes.ActivityDraft(r.title(),
                codes.id(r.ownerUnit(), "ownerUnitId"), r.dueOn()), users.require());
        return ResponseEntity.created(URI.create("/api/programmes/" + id)).body(new Created(activityId, "/programmes/" + id));
    }

    @PostMapping("/{id}/activities/{activityId}/status")
    @Operation(summary = "Đổi trạng thái hoạt động", description = "NOT_STARTED, IN_PROGRESS, DONE, CANCELLED (quá hạn được tính, không đặt)")
    ProgrammeDetail activityStatus(@PathVariable long id, @PathVariable long activityId, @RequestBody ActivityStatusRequest r) {
        var user = users.require();
        programmes.setActivityStatus(activityId, r.status(), user);
        return queries.detail(id, user);
    }

    @PostMapping("/{id}/items/{itemId}/reviews")
    @Operation(summary = "Ghi kết quả sơ kết, tổng kết một nội dung phối hợp", description = "meetingId: hội nghị đã sơ kết/tổng kết (tùy chọn)")
    ResponseEntity<Created> review(@PathVariable long id, @PathVariable long itemId, @RequestBody ReviewRequest r) {
        var reviewId = programmes.recordReview(itemId, r.reviewedOn(), r.result(), r.meetingId(), users.require());
        return ResponseEntity.created(URI.create("/api/programmes/" + id)).body(new Created(reviewId, "/programmes/" + id));
    }
}
