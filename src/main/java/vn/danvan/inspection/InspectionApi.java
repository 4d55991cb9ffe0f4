package vn.danvan.inspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.inspection.InspectionQueries.InspectionFilter;
import vn.danvan.inspection.InspectionViews.InspectionDetail;
import vn.danvan.inspection.InspectionViews.InspectionRow;
import vn.danvan.inspection.InspectionViews.RecommendationView;
import vn.danvan.inspection.Recommendations.RecommendationInput;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.plan.TaskStatus;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * Inspections and their recommendations over JSON. An inspection is read by users whose scope covers its
 * inspecting body or one of its targets (outside: 404); planning, team, sessions, findings, conclusion,
 * recommendations and the verdict on them need a writing role covering the inspecting body; a target's
 * writers send its self-assessment report. Unit codes are read as of the inspection's first day (else today).
 */
@RestController
@Tag(name = "Kiểm tra, giám sát", description = "Kế hoạch kiểm tra, giám sát: văn bản được kiểm tra, đoàn (chức danh tại ngày kiểm tra), "
        + "đơn vị được kiểm tra, báo cáo tự kiểm tra, buổi làm việc (hội nghị), kết quả, kết luận, kiến nghị (nhiệm vụ trong plan, nguồn "
        + "INSPECTION) đến khi được chấp nhận hoàn thành. Đọc: phạm vi bao gồm cơ quan kiểm tra hoặc một đơn vị được kiểm tra; kiến nghị: "
        + "phạm vi bao gồm đơn vị thực hiện hoặc cơ quan kiểm tra. Ghi: quyền ghi trên cơ quan kiểm tra. Ngoài phạm vi → 404")
class InspectionApi {

    record MemberRequest(Long personId, String body, TeamRole role) {
    }

    /** {@code subjects}: identifiers ("16/CT-TTg") or "#id"; {@code targets}: unit codes; {@code version}: for PUT. */
    record InspectionRequest(InspectionKind kind, InspectionMode mode, String title, LocalDate startsOn, LocalDate endsOn,
                             String inspectingUnit, List<String> subjects, List<MemberRequest> members, List<String> targets,
                             LocalDate reportDueOn, Integer version) {
    }

    /** A new working session ({@code unit}: the target's code) or, with {@code meetingId}, an existing conference linked. */
    record SessionRequest(Long meetingId, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place, String unit) {
    }

    record FindingsRequest(String strengths, String shortcomings) {
    }

    record SelfAssessmentRequest(LocalDate submittedOn, String document, String note) {
    }

    record ConclusionRequest(String document, String summary) {
    }

    /** {@code unit}: the responsible unit's code; {@code target}: the target's code (optional). */
    record RecommendationRequest(String text, String unit, LocalDate dueOn, String target, String finding) {
    }

    record VerdictRequest(Integer version, String reason) {
    }

    record Created(long id, String page) {
    }

    private final InspectionManagement management;
    private final InspectionQueries queries;
    private final Recommendations recommendations;
    private final References refs;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final OrgScope scope;
    private final Clock clock;

    InspectionApi(InspectionManagement management, InspectionQueries queries, Recommendations recommendations, References refs,
                  CurrentUsers users, OrgUnits units, OrgScope scope, Clock clock) {
        this.scope = scope;
        this.management = management;
        this.queries = queries;
        this.recommendations = recommendations;
        this.refs = refs;
        this.users = users;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/api/inspections")
    @Operation(summary = "Tìm cuộc kiểm tra, giám sát",
            description = "unit: mã đơn vị — cơ quan kiểm tra hoặc một đơn vị được kiểm tra thuộc cây đơn vị đó (kể cả đơn vị đã nhập vào); "
                    + "q: số, ký hiệu văn bản được kiểm tra hoặc tên cuộc kiểm tra, gõ không dấu cũng được; year: năm bắt đầu; "
                    + "kind: INSPECTION|SUPERVISION. Phân trang: {content, totalElements, page, size}")
    PageResult<InspectionRow> search(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
                                     @RequestParam(required = false) Integer year, @RequestParam(required = false) InspectionKind kind,
                                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var user = users.require();
        List<Long> unitIds = null;
        if (unit != null && !unit.isBlank()) {
            var u = units.findByCode(unit.strip(), LocalDate.now(clock)).orElseThrow(() -> new NotFoundException("unit", unit));
            scope.requireRead(user, u.id(), "unit", unit);
            unitIds = queries.subtreeIds(u.id());
        }
        return queries.search(new InspectionFilter(q, unitIds, year, kind), Math.max(0, page), Math.min(Math.max(1, size), 200), user);
    }

    @GetMapping("/api/inspections/{id}")
    @Operation(summary = "Một cuộc kiểm tra: văn bản, đoàn, đơn vị được kiểm tra, buổi làm việc, kết luận, kiến nghị và trạng thái")
    InspectionDetail detail(@PathVariable long id) {
        return queries.detail(id, users.require());
    }

    @PostMapping("/api/inspections")
    @Operation(summary = "Lập kế hoạch một cuộc kiểm tra, giám sát",
            description = "Đoàn phải có đúng một trưởng đoàn (HEAD); đơn vị được kiểm tra phải thuộc phạm vi của cơ quan kiểm tra; "
                    + "reportDueOn: hạn nộp báo cáo tự kiểm tra, không sau ngày kết thúc")
    ResponseEntity<Created> create(@RequestBody InspectionRequest r) {
        var id = management.create(input(r), users.require());
        return ResponseEntity.created(URI.create("/api/inspections/" + id)).body(new Created(id, "/inspections/" + id));
    }

    @PutMapping("/api/inspections/{id}")
    @Operation(summary = "Sửa cuộc kiểm tra", description = "version: phiên bản đã đọc; có người khác lưu trước → 409")
    InspectionDetail update(@PathVariable long id, @RequestBody InspectionRequest r) {
        var user = users.require();
        var current = queries.detail(id, user);
        management.update(id, input(r), r.version() == null ? current.version() : r.version(), user);
        return queries.detail(id, user);
    }

    @PostMapping("/api/inspections/{id}/sessions")
    @Operation(summary = "Thêm buổi làm việc", description = "Tạo một hội nghị loại INSPECTION_WORKING_SESSION với đơn vị được kiểm tra "
            + "(unit), hoặc gắn hội nghị đã có (meetingId)")
    ResponseEntity<InspectionDetail> session(@PathVariable long id, @RequestBody SessionRequest r) {
        var user = users.require();
        if (r.meetingId() != null) {
            management.linkSession(id, r.meetingId(), user);
        } else {
            var day = r.startsAt() == null ? null : r.startsAt().toLocalDate();
            management.addSession(id, new InspectionManagement.NewSession(r.title(), r.startsAt(), r.endsAt(), r.place(),
                    refs.unitId(r.unit(), day, "sessionUnitId")), user);
        }
        return ResponseEntity.created(URI.create("/api/inspections/" + id)).body(queries.detail(id, user));
    }

    @PutMapping("/api/inspections/{id}/targets/{code}/findings")
    @Operation(summary = "Ghi kết quả kiểm tra một đơn vị: ưu điểm, hạn chế")
    InspectionDetail findings(@PathVariable long id, @PathVariable String code, @RequestBody FindingsRequest r) {
        var user = users.require();
        management.recordFindings(id, target(id, code), r.strengths(), r.shortcomings(), user);
        return queries.detail(id, user);
    }

    @PostMapping("/api/inspections/{id}/targets/{code}/self-assessment")
    @Operation(summary = "Đơn vị được kiểm tra nộp báo cáo tự kiểm tra", description = "document: số, ký hiệu hoặc #mã văn bản; note: ghi chú")
    InspectionDetail selfAssessment(@PathVariable long id, @PathVariable String code, @RequestBody SelfAssessmentRequest r) {
        var user = users.require();
        management.submitSelfAssessment(id, target(id, code), r.submittedOn(), refs.documentId(r.document(), "reportDocument"), r.note(), user);
        return queries.detail(id, user);
    }

    @PutMapping("/api/inspections/{id}/conclusion")
    @Operation(summary = "Ghi kết luận", description = "document: số, ký hiệu hoặc #mã của thông báo kết luận; summary: nội dung")
    InspectionDetail conclude(@PathVariable long id, @RequestBody ConclusionRequest r) {
        var user = users.require();
        management.conclude(id, refs.documentId(r.document(), "conclusionDocument"), r.summary(), user);
        return queries.detail(id, user);
    }

    @PostMapping("/api/inspections/{id}/recommendations")
    @Operation(summary = "Đưa ra kiến nghị", description = "Mỗi kiến nghị thành một nhiệm vụ (plan, nguồn INSPECTION) do cơ quan kiểm tra "
            + "giao cho đơn vị thực hiện (unit) với thời hạn (dueOn, không trước ngày bắt đầu kiểm tra)")
    ResponseEntity<InspectionDetail> recommend(@PathVariable long id, @RequestBody List<RecommendationRequest> r) {
        var user = users.require();
        var day = queries.detail(id, user).startsOn();
        var items = new ArrayList<RecommendationInput>();
        for (int i = 0; i < r.size(); i++) {
            var item = r.get(i);
            items.add(new RecommendationInput(item.text(), refs.unitId(item.unit(), day, "recommendations[" + i + "].responsibleUnitId"),
                    item.dueOn(), refs.unitId(item.target(), day, "recommendations[" + i + "].targetUnitId"), item.finding(), null));
        }
        recommendations.make(id, items, user);
        return ResponseEntity.created(URI.create("/api/inspections/" + id)).body(queries.detail(id, user));
    }

    @GetMapping("/api/recommendations")
    @Operation(summary = "Kiến nghị sau kiểm tra mà đơn vị thực hiện thuộc cây đơn vị",
            description = "unit: mã đơn vị (không có: mọi kiến nghị người dùng được xem); status: NOT_STARTED|IN_PROGRESS|DONE|OVERDUE|CANCELLED "
                    + "(trạng thái của nhiệm vụ; OVERDUE: quá hạn mà chưa hoàn thành). Mỗi dòng có status chi tiết: NOT_STARTED, IN_PROGRESS, "
                    + "OVERDUE, REPORTED_DONE (chờ chấp nhận), ACCEPTED, SENT_BACK, CANCELLED. Phân trang với tổng số")
    PageResult<RecommendationView> recommendations(@RequestParam(required = false) String unit, @RequestParam(required = false) TaskStatus status,
                                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var user = users.require();
        Long unitId = null;
        if (unit != null && !unit.isBlank()) {
            unitId = units.findByCode(unit.strip(), LocalDate.now(clock)).orElseThrow(() -> new NotFoundException("unit", unit)).id();
        }
        return queries.recommendations(unitId, status, Math.max(0, page), Math.min(Math.max(1, size), 200), user);
    }

    @GetMapping("/api/recommendations/{id}")
    @Operation(summary = "Một kiến nghị với trạng thái, báo cáo gần nhất và phiên bản (version)")
    RecommendationView recommendation(@PathVariable long id) {
        return recommendations.get(id, users.require());
    }

    @PostMapping("/api/recommendations/{id}/accept")
    @Operation(summary = "Cơ quan kiểm tra chấp nhận kiến nghị đã hoàn thành",
            description = "Cần ít nhất một báo cáo kết quả thực hiện của đơn vị (nếu không: 400, trường followUpReport); version đã đọc → 409 nếu cũ")
    RecommendationView accept(@PathVariable long id, @RequestBody VerdictRequest r) {
        var user = users.require();
        recommendations.accept(id, version(r), user);
        return recommendations.get(id, user);
    }

    @PostMapping("/api/recommendations/{id}/send-back")
    @Operation(summary = "Trả lại kiến nghị đã báo cáo hoàn thành", description = "reason: lý do (bắt buộc); version đã đọc → 409 nếu cũ")
    RecommendationView sendBack(@PathVariable long id, @RequestBody VerdictRequest r) {
        var user = users.require();
        recommendations.sendBack(id, r.reason(), version(r), user);
        return recommendations.get(id, user);
    }

    private static int version(VerdictRequest r) {
        if (r == null || r.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        return r.version();
    }

    private long target(long id, String code) {
        var d = queries.detail(id, users.require());
        return d.targets().stream().filter(t -> code.equals(t.unit().code())).findFirst()
                .orElseThrow(() -> new NotFoundException("unit", code)).unit().id();
    }

    private InspectionInput input(InspectionRequest r) {
        var day = r.startsOn();
        var subjects = new ArrayList<Long>();
        var problems = new ArrayList<InvalidInputException.Problem>();
        for (var s : r.subjects() == null ? List.<String>of() : r.subjects()) {
            try {
                subjects.add(refs.documentId(s, "subjects"));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        var members = new ArrayList<InspectionInput.MemberInput>();
        var given = r.members() == null ? List.<MemberRequest>of() : r.members();
        for (int i = 0; i < given.size(); i++) {
            var m = given.get(i);
            try {
                members.add(new InspectionInput.MemberInput(m.personId(), refs.unitId(m.body(), day, "members[" + i + "].bodyUnitId"), m.role()));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        var targets = new ArrayList<Long>();
        for (var t : r.targets() == null ? List.<String>of() : r.targets()) {
            try {
                targets.add(refs.unitId(t, day, "targets"));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        Long inspecting = null;
        try {
            inspecting = refs.unitId(r.inspectingUnit(), day, "inspectingUnitId");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new InspectionInput(r.kind(), r.mode(), r.title(), r.startsOn(), r.endsOn(), inspecting, subjects, members, targets,
                r.reportDueOn());
    }
}
