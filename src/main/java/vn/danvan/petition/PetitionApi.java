package vn.danvan.petition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.calendar.Complexity;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.petition.PetitionManagement.CaseRef;
import vn.danvan.petition.PetitionManagement.Processed;
import vn.danvan.petition.PetitionViews.MatterDetail;
import vn.danvan.petition.PetitionViews.PetitionDetail;
import vn.danvan.petition.PetitionViews.PetitionRow;
import vn.danvan.petition.PetitionViews.WorkItem;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * Petitions and matters over JSON, with the same scope and identity rules as the screens: a record
 * outside the caller's scope answers 404; identities of denouncers are masked unless the caller was
 * granted the case, and revealing them is audited. Units are named by their official code.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Đơn thư", description = "Tiếp nhận, phân loại, xử lý đơn; giải quyết vụ việc khiếu nại, tố cáo, kiến nghị")
class PetitionApi {

    /** A petition to receive; {@code unit} is the receiving body's code, {@code place} the commune the matter is about. */
    record PetitionRequest(String unit, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn, Channel channel,
                           String sourceName, String sourceReference, PetitionerKind petitionerKind, Integer signersCount,
                           String subject, String content, String place, ContentKind declaredKind, List<PersonInput> persons,
                           String matter) {
    }

    record ProcessingRequest(ContentKind contentKind, Field field, Boolean eligible, IneligibleReason ineligibleReason,
                             Competence competence, Handling handling, String targetUnit, String matter, Integer round,
                             Boolean followUp, String note, LocalDate day, Integer version) {
    }

    record ReplyRequest(LocalDate day, String note) {
    }

    record StepRequest(MatterStep.Action action, LocalDate day, String documentNumber, String note, Boolean remote,
                       Complexity complexity, MatterResult result, Outcome outcome, Long handlerId, Integer version) {
    }

    record DuplicateRequest(List<PersonInput> persons, String subject) {
    }

    private final PetitionManagement petitions;
    private final MatterManagement matters;
    private final PetitionQueries queries;
    private final WorkQueue workQueue;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final Clock clock;

    PetitionApi(PetitionManagement petitions, MatterManagement matters, PetitionQueries queries, WorkQueue workQueue,
                CurrentUsers users, OrgUnits units, Clock clock) {
        this.workQueue = workQueue;
        this.petitions = petitions;
        this.matters = matters;
        this.queries = queries;
        this.users = users;
        this.units = units;
        this.clock = clock;
    }

    @PostMapping("/petitions")
    @Operation(summary = "Tiếp nhận một đơn", description = "Trả về số đơn; hạn xử lý tính từ ngày nhận (P1: 10 ngày làm việc; đơn tố cáo D1: 7 ngày làm việc)")
    ResponseEntity<CaseRef> receive(@RequestBody PetitionRequest r) {
        var user = users.require();
        var ref = petitions.receive(new NewPetition(unitId("unit", r.unit()), r.receivedOn() == null ? LocalDate.now(clock) : r.receivedOn(),
                r.channel(), r.sourceName(), r.sourceReference(), r.petitionerKind(), r.signersCount(), r.subject(), r.content(),
                r.place() == null || r.place().isBlank() ? null : unitId("place", r.place()), r.declaredKind(), r.persons(), null,
                r.matter() == null || r.matter().isBlank() ? null : queries.matterId(r.matter(), user)), user);
        return ResponseEntity.created(URI.create("/api/petitions/" + ref.number())).body(ref);
    }

    @GetMapping("/petitions")
    @Operation(summary = "Tìm kiếm đơn", description = "text: tìm không dấu trong trích yếu và nội dung; state: RECEIVED, PROCESSED hoặc trạng thái vụ việc; unit: mã đơn vị (cả cây trực thuộc)")
    PageResult<PetitionRow> search(@RequestParam(required = false) String text, @RequestParam(required = false) ContentKind kind,
                                   @RequestParam(required = false) String state, @RequestParam(required = false) Field field,
                                   @RequestParam(required = false) String unit,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean hot,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var filter = new PetitionFilter(text, kind, state, field, unit == null || unit.isBlank() ? null : unitId("unit", unit),
                from, to, overdue, hot);
        return queries.search(filter, Math.max(0, page), Math.min(Math.max(1, size), 200), users.require());
    }

    @GetMapping("/petitions/queue")
    @Operation(summary = "Việc của tôi", description = "Đơn chờ xử lý và vụ việc đang giải quyết trong phạm vi: việc được giao "
            + "cho người dùng trước, rồi theo hạn; urgent=true: chỉ việc sắp đến hạn hoặc quá hạn. Theo trang: page (từ 0), "
            + "size (tối đa 200); trang ít hơn size việc là trang cuối")
    List<WorkItem> queue(@RequestParam(defaultValue = "false") boolean urgent, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "200") int size) {
        var perPage = Math.min(Math.max(1, size), 200);
        return workQueue.queue(users.require(), urgent, Math.min(Math.max(0, page), 1_000_000) * perPage, perPage);
    }

    @GetMapping("/petitions/{number}")
    @Operation(summary = "Một đơn với dòng thời gian", description = "Danh tính người tố cáo được che (***) trừ khi người dùng được giao vụ việc")
    PetitionDetail petition(@PathVariable String number) {
        return queries.petitionByNumber(number, users.require());
    }

    @GetMapping("/petitions/{number}/identity")
    @Operation(summary = "Xem danh tính người gửi đơn", description = "Chỉ người được giao vụ việc; mỗi lần xem danh tính người tố cáo được ghi nhật ký")
    List<PersonView> identity(@PathVariable String number) {
        var user = users.require();
        return petitions.revealIdentity(queries.petitionByNumber(number, user).id(), user);
    }

    @PostMapping("/petitions/duplicates")
    @Operation(summary = "Đơn có thể trùng", description = "Cùng người gửi, nội dung tương tự (không phân biệt dấu), trong phạm vi của người dùng")
    List<LikelyDuplicate> duplicates(@RequestBody DuplicateRequest r) {
        return petitions.likelyDuplicates(r.persons() == null ? List.of() : r.persons(), r.subject(), users.require());
    }

    @PostMapping("/petitions/{number}/processing")
    @Operation(summary = "Phân loại và xử lý đơn", description = "handling: ACCEPT (thuộc thẩm quyền), GUIDE, FORWARD, URGE (targetUnit bắt buộc), FILE. "
            + "Trả về đơn và vụ việc mà đơn mở hoặc nhập vào (matter: số vụ việc)")
    Processed process(@PathVariable String number, @RequestBody ProcessingRequest r) {
        var user = users.require();
        var id = queries.petitionId(number, user);
        return petitions.process(id, new Processing(r.contentKind(), r.field(), r.eligible(), r.ineligibleReason(), r.competence(),
                r.handling(), r.targetUnit() == null || r.targetUnit().isBlank() ? null : unitId("targetUnit", r.targetUnit()),
                r.matter() == null || r.matter().isBlank() ? null : queries.matterId(r.matter(), user),
                r.round(), r.followUp(), r.note(), r.day(), r.version()), user);
    }

    @PostMapping("/petitions/{number}/reply")
    @Operation(summary = "Ghi nhận văn bản phúc đáp của cơ quan nhận đơn chuyển")
    PetitionDetail reply(@PathVariable String number, @RequestBody ReplyRequest r) {
        var user = users.require();
        var id = queries.petitionId(number, user);
        petitions.recordReply(id, r.day(), r.note(), user);
        return queries.petition(id, user);
    }

    @GetMapping("/matters/{number}")
    @Operation(summary = "Một vụ việc với hạn giải quyết, các bước và kết quả")
    MatterDetail matter(@PathVariable String number) {
        return queries.matterByNumber(number, users.require());
    }

    @PostMapping("/matters/{number}/steps")
    @Operation(summary = "Ghi một bước giải quyết vụ việc",
            description = "action: ACCEPT (thụ lý), NOT_ACCEPT, START_VERIFICATION, HOLD_DIALOGUE, EXTEND (tố cáo), SUSPEND, RESUME, "
                    + "WITHDRAW_PARTLY (từ 01/07/2026), WITHDRAW, TERMINATE, DECIDE (result), CLOSE (thi hành xong), ASSIGN, FLAG_HOT, UNFLAG_HOT. "
                    + "Bước trái luật bị từ chối với lời giải thích; version khác phiên bản hiện tại → 409")
    MatterDetail step(@PathVariable String number, @RequestBody StepRequest r) {
        var user = users.require();
        var id = queries.matterId(number, user);
        matters.record(id, new MatterStep(r.action(), r.day(), r.documentNumber(), r.note(), r.remote(), r.complexity(),
                r.result(), r.outcome(), r.handlerId(), r.version()), user);
        return queries.matter(id, user);
    }

    @GetMapping("/hot-spots")
    @Operation(summary = "Bảng điểm nóng", description = "Vụ việc có nguy cơ thành điểm nóng trong cây đơn vị, theo xã/phường, kèm lý do")
    List<PetitionViews.HotSpotGroup> hotSpots(@RequestParam(required = false) String unit) {
        return queries.hotSpotBoard(unit == null || unit.isBlank() ? null : unitId("unit", unit), users.require());
    }

    private long unitId(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        return units.findByCode(code.strip(), LocalDate.now(clock)).map(u -> u.id())
                .orElseThrow(() -> new NotFoundException("unit", code));
    }
}
