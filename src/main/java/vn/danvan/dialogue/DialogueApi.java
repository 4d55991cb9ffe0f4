package vn.danvan.dialogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.dialogue.DialogueViews.CommitmentRow;
import vn.danvan.dialogue.DialogueViews.DialogueDetail;
import vn.danvan.dialogue.DialogueViews.DialogueRow;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.petition.ContentKind;
import vn.danvan.plan.TaskStatus;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * Dialogues and their commitments over JSON. Reading needs a scope covering the organising unit (a
 * commitment: its organising or its responsible unit); writing a writing role covering the organising
 * unit. Outside scope: 404. Errors are problem details naming the field.
 */
@RestController
@Tag(name = "Đối thoại", description = "Hội nghị đối thoại của người đứng đầu cấp ủy, chính quyền với Nhân dân, doanh nghiệp, đoàn viên, "
        + "thanh niên: ý kiến, trả lời tại chỗ, cam kết (nhiệm vụ có hạn, giao một đơn vị) và tình hình thực hiện. Ngoài phạm vi → 404")
class DialogueApi {

    record DialogueRequest(String title, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place, String unit,
                           Long chairPersonId, Map<Audience, Integer> participants, Integer raisedCount, Integer answeredCount,
                           String summary) {
    }

    record FiguresRequest(Map<Audience, Integer> participants, Integer raisedCount, Integer answeredCount, String summary,
                          Integer version) {
    }

    record AnswerRequest(String text, Long answeredByPersonId) {
    }

    /** {@code unit}: the responsible unit's code (as of today). */
    record CommitmentRequest(String title, String unit, LocalDate dueOn) {
    }

    record VerdictRequest(Integer version, String reason) {
    }

    record PetitionRequest(ContentKind kind, String receivingUnit) {
    }

    record Created(long id, String page) {
    }

    record PetitionCreated(String number) {
    }

    private final DialogueManagement management;
    private final Commitments commitments;
    private final DialogueQueries queries;
    private final DialogueReport report;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final Clock clock;

    DialogueApi(DialogueManagement management, Commitments commitments, DialogueQueries queries, DialogueReport report,
                CurrentUsers users, OrgUnits units, Clock clock) {
        this.management = management;
        this.commitments = commitments;
        this.queries = queries;
        this.report = report;
        this.users = users;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/api/commitments")
    @Operation(summary = "Cam kết tại các hội nghị đối thoại",
            description = "unit: mã đơn vị (theo ngày hôm nay), tùy chọn — cam kết giao cho một đơn vị trong cây đơn vị đó (kể cả đơn vị đã sáp "
                    + "nhập vào); không có: mọi cam kết người dùng được xem. status: trạng thái hôm nay của nhiệm vụ (NOT_STARTED, IN_PROGRESS, "
                    + "DONE, CANCELLED, OVERDUE = chưa xong và đã quá hạn). Sắp theo thời hạn; phân trang page (từ 0), size (≤ 200), totalElements")
    PageResult<CommitmentRow> commitments(@RequestParam(required = false) String unit, @RequestParam(required = false) TaskStatus status,
                                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var user = users.require();
        Long unitId = null;
        if (unit != null && !unit.isBlank()) {
            unitId = units.findByCode(unit.strip(), LocalDate.now(clock)).orElseThrow(() -> new NotFoundException("unit", unit.strip())).id();
        }
        return queries.commitments(unitId, status, Math.max(0, page), Math.min(Math.max(1, size), 200), user);
    }

    @GetMapping("/api/dialogues")
    @Operation(summary = "Tìm hội nghị đối thoại", description = "unit: mã đơn vị, cây đơn vị tổ chức (kể cả đơn vị đã sáp nhập vào); from, to: "
            + "YYYY-MM-DD (tính cả hai ngày); q: không cần dấu (tên, địa điểm, nội dung ý kiến). Mỗi dòng có figures: raised, answered, "
            + "assigned, resolved")
    PageResult<DialogueRow> search(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Long unitId = unit == null || unit.isBlank() ? null : unitId(unit);
        return queries.search(new DialogueQueries.Filter(q, unitId, from, to), Math.max(0, page), Math.min(Math.max(1, size), 200),
                users.require());
    }

    @GetMapping("/api/dialogues/{id}")
    @Operation(summary = "Một hội nghị đối thoại", description = "Ý kiến (người nêu và liên hệ chỉ cán bộ trong phạm vi xem), trả lời tại chỗ, "
            + "cam kết và trạng thái hôm nay; version dùng khi sửa số liệu")
    DialogueDetail detail(@PathVariable long id) {
        return queries.detail(id, users.require());
    }

    @PostMapping("/api/dialogues")
    @Operation(summary = "Ghi nhận hội nghị đối thoại", description = "Tạo luôn hội nghị loại DIALOGUE trong lịch hội nghị. answeredCount lớn hơn "
            + "raisedCount → 400 nêu trường answeredCount; cần quyền ghi trên unit (mặc định: đơn vị của người dùng)")
    ResponseEntity<Created> create(@RequestBody DialogueRequest r) {
        var user = users.require();
        var unitId = r.unit() == null || r.unit().isBlank() ? Long.valueOf(user.homeUnitId()) : unitId(r.unit());
        var id = management.create(new DialogueInput(r.title(), r.heldOn(), r.startsAt() == null ? LocalTime.of(8, 0) : r.startsAt(),
                r.endsAt() == null ? LocalTime.of(11, 30) : r.endsAt(), r.place(), unitId, r.chairPersonId(), r.participants(),
                r.raisedCount(), r.answeredCount(), r.summary()), user);
        return ResponseEntity.created(URI.create("/api/dialogues/" + id)).body(new Created(id, "/dialogues/" + id));
    }

    @PutMapping("/api/dialogues/{id}/figures")
    @Operation(summary = "Sửa thành phần tham dự, số ý kiến, đánh giá", description = "version: phiên bản đã đọc; đã có người lưu trước → 409")
    DialogueDetail figures(@PathVariable long id, @RequestBody FiguresRequest r) {
        var user = users.require();
        if (r.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        management.updateFigures(id, r.participants(), r.raisedCount(), r.answeredCount(), r.summary(), r.version(), user);
        return queries.detail(id, user);
    }

    @PostMapping("/api/dialogues/{id}/opinions")
    @Operation(summary = "Ghi một ý kiến", description = "speakerName, speakerContact không bao giờ hiện trên trang công khai")
    ResponseEntity<Created> opinion(@PathVariable long id, @RequestBody OpinionInput r) {
        var opinionId = management.addOpinion(id, r, users.require());
        return ResponseEntity.created(URI.create("/api/dialogues/" + id)).body(new Created(opinionId, "/dialogues/" + id + "#opinion-" + opinionId));
    }

    @PostMapping("/api/dialogues/{id}/opinions/{opinionId}/answer")
    @Operation(summary = "Trả lời tại hội nghị")
    DialogueDetail answer(@PathVariable long id, @PathVariable long opinionId, @RequestBody AnswerRequest r) {
        var user = users.require();
        management.answer(id, opinionId, r.text(), r.answeredByPersonId(), user);
        return queries.detail(id, user);
    }

    @PostMapping("/api/dialogues/{id}/opinions/{opinionId}/commitment")
    @Operation(summary = "Giao một đơn vị giải quyết (cam kết)", description = "Thiếu unit hoặc dueOn, hạn trước ngày đối thoại → 400 nêu trường "
            + "commitmentUnitId, commitmentDueOn")
    ResponseEntity<Created> assign(@PathVariable long id, @PathVariable long opinionId, @RequestBody CommitmentRequest r) {
        var unitId = r.unit() == null || r.unit().isBlank() ? null
                : units.findByCode(r.unit().strip(), LocalDate.now(clock))
                .orElseThrow(() -> new InvalidInputException("commitmentUnitId", "dialogue.unit.unknown", r.unit())).id();
        var taskId = commitments.assign(id, opinionId, r.title(), unitId, r.dueOn(), users.require());
        return ResponseEntity.created(URI.create("/api/tasks/" + taskId)).body(new Created(taskId, "/tasks/" + taskId));
    }

    @PostMapping("/api/dialogues/{id}/opinions/{opinionId}/accept")
    @Operation(summary = "Nghiệm thu cam kết đã giải quyết xong", description = "Chưa có báo cáo kết quả → 400 (followUpReport); version của nhiệm vụ đã cũ → 409")
    DialogueDetail accept(@PathVariable long id, @PathVariable long opinionId, @RequestBody VerdictRequest r) {
        var user = users.require();
        commitments.accept(id, opinionId, version(r), user);
        return queries.detail(id, user);
    }

    @PostMapping("/api/dialogues/{id}/opinions/{opinionId}/send-back")
    @Operation(summary = "Trả lại cam kết chưa đạt", description = "reason bắt buộc; version của nhiệm vụ đã cũ → 409")
    DialogueDetail sendBack(@PathVariable long id, @PathVariable long opinionId, @RequestBody VerdictRequest r) {
        var user = users.require();
        commitments.sendBack(id, opinionId, r.reason(), version(r), user);
        return queries.detail(id, user);
    }

    @PostMapping("/api/dialogues/{id}/opinions/{opinionId}/petition")
    @Operation(summary = "Chuyển ý kiến thành đơn khiếu nại, tố cáo", description = "kind: COMPLAINT hoặc DENUNCIATION; receivingUnit: mã đơn vị "
            + "tiếp nhận (mặc định đơn vị tổ chức). Trả về số đơn")
    PetitionCreated petition(@PathVariable long id, @PathVariable long opinionId, @RequestBody PetitionRequest r) {
        var receiving = r.receivingUnit() == null || r.receivingUnit().isBlank() ? null : unitId(r.receivingUnit());
        return new PetitionCreated(commitments.handToPetition(id, opinionId, r.kind(), receiving, users.require()));
    }

    @GetMapping("/api/dialogues/{id}/report.docx")
    @Operation(summary = "Báo cáo kết quả hội nghị đối thoại (.docx, thể thức văn bản)")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        var file = report.summary(id, users.require());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .contentType(MediaType.parseMediaType(vn.danvan.export.Docx.CONTENT_TYPE)).body(file.content());
    }

    private long unitId(String code) {
        return units.findByCode(code.strip(), LocalDate.now(clock)).orElseThrow(() -> new NotFoundException("unit", code.strip())).id();
    }

    private static int version(VerdictRequest r) {
        if (r == null || r.version() == null) {
            throw new InvalidInputException(List.of(new InvalidInputException.Problem("version", "validation.required")));
        }
        return r.version();
    }
}
