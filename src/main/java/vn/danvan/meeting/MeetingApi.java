package vn.danvan.meeting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.export.Docx;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.meeting.MeetingQueries.MeetingFilter;
import vn.danvan.meeting.MeetingViews.MeetingDetail;
import vn.danvan.meeting.MeetingViews.MeetingRow;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * Conferences over JSON. A meeting is read by users whose scope covers its host or one of its
 * participating units (outside it: 404); recording one needs a writing role covering the host unit.
 */
@RestController
@RequestMapping("/api/meetings")
@Tag(name = "Hội nghị", description = "Hội nghị giao ban, sơ kết, tổng kết, làm việc với đoàn kiểm tra, ký kết: chủ trì (chức danh tại ngày họp), "
        + "đơn vị tham dự, báo cáo, ý kiến, kết luận và nhiệm vụ được giao. Đọc: phạm vi bao gồm đơn vị chủ trì hoặc một đơn vị tham dự; "
        + "ghi: quyền ghi trên đơn vị chủ trì. Ngoài phạm vi → 404")
class MeetingApi {

    /** A conference to record; unit codes are read as of the meeting's date (else today). */
    record MeetingRequest(MeetingKind kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place, String hostUnit,
                          Long seriesId, String newSeriesName, Long reviewedDocumentId, Long chairPersonId, List<Long> coChairPersonIds,
                          List<String> participatingUnits, List<String> agenda, List<Long> reportDocumentIds, Long conclusionDocumentId,
                          String conclusionSummary, Integer version) {
    }

    record OpinionRequest(String unit, String text) {
    }

    record ConclusionRequest(Long documentId, String summary) {
    }

    /** A task the conclusion assigns; {@code unit} is the responsible unit's code (as of today). */
    record TaskRequest(String title, String unit, List<String> coordinatingUnits, LocalDate dueOn, String note) {
    }

    record Created(long id, String page) {
    }

    private final MeetingManagement management;
    private final MeetingQueries queries;
    private final MeetingDocuments documents;
    private final ConclusionTasks tasks;
    private final CurrentUsers users;
    private final OrgScope scope;
    private final OrgUnits units;
    private final Clock clock;

    MeetingApi(MeetingManagement management, MeetingQueries queries, MeetingDocuments documents, ConclusionTasks tasks,
               CurrentUsers users, OrgScope scope, OrgUnits units, Clock clock) {
        this.management = management;
        this.queries = queries;
        this.documents = documents;
        this.tasks = tasks;
        this.users = users;
        this.scope = scope;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Tìm hội nghị",
            description = "unit: mã đơn vị (đọc theo ngày hôm nay) — hội nghị do một đơn vị trong cây đơn vị đó (kể cả đơn vị đã sáp nhập vào) "
                    + "chủ trì hoặc tham dự; from, to: YYYY-MM-DD, hội nghị diễn ra trong khoảng này (tính cả hai ngày); kind, q (không dấu). "
                    + "Đơn vị ngoài phạm vi → 404; ngày sai → 400. Phân trang: page (từ 0), size (≤ 200); kết quả có totalElements")
    PageResult<MeetingRow> search(@RequestParam(required = false) String unit,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) MeetingKind kind, @RequestParam(required = false) String q,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var user = users.require();
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "meeting.to-before-from");
        }
        List<Long> unitIds = null;
        if (unit != null && !unit.isBlank()) {
            var u = units.findByCode(unit.strip(), LocalDate.now(clock)).orElseThrow(() -> new NotFoundException("unit", unit.strip()));
            scope.requireRead(user, u.id(), "unit", unit.strip());
            unitIds = queries.subtreeIds(u.id());
        }
        return queries.search(new MeetingFilter(q, kind, unitIds, from, to), false, Math.max(0, page), Math.min(Math.max(1, size), 200),
                user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một hội nghị", description = "Chủ trì, đồng chủ trì với chức danh tại ngày họp; đơn vị tham dự; báo cáo; ý kiến; "
            + "kết luận và nhiệm vụ được giao (trạng thái hôm nay); \"previous\": kết luận kỳ trước cùng chuỗi và tình hình từng nhiệm vụ")
    MeetingDetail meeting(@PathVariable long id) {
        return queries.detail(id, users.require());
    }

    @PostMapping
    @Operation(summary = "Ghi nhận hội nghị", description = "Kết thúc trước khi bắt đầu → 400 nêu trường endsAt. Cần quyền ghi trên hostUnit")
    ResponseEntity<Created> create(@RequestBody MeetingRequest r) {
        var user = users.require();
        var id = management.create(input(r, user.homeUnitId()), user);
        return ResponseEntity.created(URI.create("/api/meetings/" + id)).body(new Created(id, "/meetings/" + id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Sửa hội nghị", description = "version: phiên bản đã đọc; người khác đã lưu trước → 409")
    MeetingDetail update(@PathVariable long id, @RequestBody MeetingRequest r) {
        var user = users.require();
        var current = queries.detail(id, user);
        management.update(id, input(r, current.hostUnit().id()), r.version() == null ? current.version() : r.version(), user);
        return queries.detail(id, user);
    }

    @PostMapping("/{id}/opinions")
    @Operation(summary = "Ghi ý kiến của một đơn vị", description = "unit: mã đơn vị (đọc theo ngày họp)")
    ResponseEntity<MeetingDetail> opinion(@PathVariable long id, @RequestBody OpinionRequest r) {
        var user = users.require();
        var m = queries.detail(id, user);
        management.addOpinion(id, unitId(r.unit(), m.date(), "opinionUnitId"), r.text(), user);
        return ResponseEntity.created(URI.create("/api/meetings/" + id)).body(queries.detail(id, user));
    }

    @DeleteMapping("/{id}/opinions/{opinionId}")
    @Operation(summary = "Xóa một ý kiến")
    ResponseEntity<Void> removeOpinion(@PathVariable long id, @PathVariable long opinionId) {
        management.removeOpinion(id, opinionId, users.require());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/conclusion")
    @Operation(summary = "Kết luận hội nghị", description = "documentId: văn bản kết luận trong sổ văn bản (ví dụ thông báo kết luận); summary: tóm tắt")
    MeetingDetail conclude(@PathVariable long id, @RequestBody ConclusionRequest r) {
        var user = users.require();
        management.conclude(id, r.documentId(), r.summary(), user);
        return queries.detail(id, user);
    }

    @PostMapping("/{id}/tasks")
    @Operation(summary = "Giao nhiệm vụ theo kết luận", description = "Tạo nhiệm vụ trong Kế hoạch (nguồn: hội nghị này); đơn vị giao là đơn vị chủ trì. "
            + "Lỗi nêu trường tasks[i].…")
    ResponseEntity<MeetingDetail> assign(@PathVariable long id, @RequestBody List<TaskRequest> r) {
        var user = users.require();
        var m = management.loadForWrite(id, user);
        var today = LocalDate.now(clock);
        var list = new ArrayList<ConclusionTasks.Assigned>();
        for (int i = 0; i < r.size(); i++) {
            var t = r.get(i);
            var coordinating = t.coordinatingUnits() == null ? List.<Long>of()
                    : t.coordinatingUnits().stream().map(c -> unitId(c, today, "tasks[" + list.size() + "].coordinatingUnits")).toList();
            var responsible = unitId(t.unit(), today, "tasks[" + i + "].responsibleUnitId");
            if (responsible == null) {
                throw new InvalidInputException("tasks[" + i + "].responsibleUnitId", "validation.required");
            }
            list.add(new ConclusionTasks.Assigned(t.title(), responsible, coordinating, t.dueOn(), t.note()));
        }
        tasks.assign(id, m.hostUnitId(), list, user);
        return ResponseEntity.created(URI.create("/api/meetings/" + id)).body(queries.detail(id, user));
    }

    @GetMapping("/{id}/invitation.docx")
    @Operation(summary = "Giấy mời (.docx)", description = "Thể thức văn bản của Đảng (Hướng dẫn 36-HD/VPTW) khi đơn vị chủ trì là cơ quan Đảng, "
            + "Nghị định 30/2020/NĐ-CP với cơ quan khác")
    ResponseEntity<byte[]> invitation(@PathVariable long id) {
        return file(documents.invitation(id, users.require()));
    }

    @GetMapping("/{id}/conclusion-notice.docx")
    @Operation(summary = "Thông báo kết luận (.docx)", description = "Cùng quy tắc thể thức như giấy mời")
    ResponseEntity<byte[]> conclusionNotice(@PathVariable long id) {
        return file(documents.conclusionNotice(id, users.require()));
    }

    static ResponseEntity<byte[]> file(MeetingDocuments.GeneratedFile f) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(Docx.CONTENT_TYPE)).body(f.content());
    }

    private MeetingInput input(MeetingRequest r, long defaultHost) {
        var day = r.startsAt() != null ? r.startsAt().toLocalDate() : LocalDate.now(clock);
        Long host = r.hostUnit() == null || r.hostUnit().isBlank() ? defaultHost : unitId(r.hostUnit(), day, "hostUnitId");
        var participants = r.participatingUnits() == null ? List.<Long>of()
                : r.participatingUnits().stream().map(c -> unitId(c, day, "participatingUnits")).toList();
        return new MeetingInput(r.kind(), r.title(), r.startsAt(), r.endsAt(), r.place(), host, r.seriesId(), r.newSeriesName(),
                r.reviewedDocumentId(), r.chairPersonId(), r.coChairPersonIds(), participants, r.agenda(), r.reportDocumentIds(),
                r.conclusionDocumentId(), r.conclusionSummary());
    }

    /** A unit code read as of {@code day}, else as of today; an unknown code is a problem of {@code field}. */
    private Long unitId(String code, LocalDate day, String field) {
        if (code == null || code.isBlank()) {
            return null;
        }
        var c = code.strip();
        return units.findByCode(c, day).or(() -> units.findByCode(c, LocalDate.now(clock))).map(u -> u.id())
                .orElseThrow(() -> new InvalidInputException(field, "meeting.unit.code-unknown", c));
    }
}
