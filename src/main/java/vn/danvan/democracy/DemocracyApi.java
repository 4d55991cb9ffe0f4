package vn.danvan.democracy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.democracy.BoardRules.ActivityKind;
import vn.danvan.democracy.BoardRules.BoardKind;
import vn.danvan.democracy.DemocracyViews.ActivityView;
import vn.danvan.democracy.DemocracyViews.BoardDetail;
import vn.danvan.democracy.DemocracyViews.BoardRow;
import vn.danvan.democracy.DemocracyViews.CommunityMeetingView;
import vn.danvan.democracy.DemocracyViews.DisclosureView;
import vn.danvan.democracy.DemocracyViews.DueList;
import vn.danvan.democracy.DemocracyViews.ItemView;
import vn.danvan.democracy.DemocracyViews.Saved;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.PageResult;

/**
 * Grassroots democracy over JSON: boards, their activities, recommendations and answers, disclosures
 * with the due-list of a period, community meetings. Lists cover the subtree of {@code unit} (a code the
 * user may read; without it, the user's own unit); writing needs a writing role covering the commune.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Dân chủ ở cơ sở", description = "Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng, kế hoạch và hoạt động kiểm tra, "
        + "giám sát, kiến nghị và trả lời, công khai thông tin (và nội dung đến hạn chưa công khai), hội nghị thôn, tổ dân phố. Đọc: phạm vi "
        + "bao gồm xã; ghi: quyền ghi trên xã. Ngoài phạm vi → 404. Cảnh báo (gửi kế hoạch muộn, số thành viên khác số thôn) trả về trong "
        + "`warnings`, bản ghi vẫn được lưu")
class DemocracyApi {

    /** A member of a board: {@code role} HEAD, DEPUTY or MEMBER. */
    record MemberRequest(String fullName, BoardRules.MemberRole role, String village, String phone, String address) {
    }

    /** A board; {@code unit} is the commune's code (today). {@code version} only to update. */
    record BoardRequest(BoardKind kind, String unit, String projectName, String investor, Integer villageCount, LocalDate termFrom,
                        LocalDate termTo, Long electedCommunityMeetingId, Long electedConferenceId, String findings,
                        List<MemberRequest> members, Integer version) {
    }

    record PlanRequest(String periodKey, String content, LocalDate adoptedOn) {
    }

    record ActivityRequest(ActivityKind kind, String activityTitle, String subjects, LocalDate startsOn, LocalDate sentFrontOn,
                           LocalDate sentChairOn, LocalDate sentSubjectsOn, String findings, Integer version) {
    }

    record AnswerRequest(LocalDate answeredOn, String answeredBy, String answeredByTitle, String answer, Integer version) {
    }

    record DisclosureRequest(String unit, String itemCode, String periodKey, DisclosureRules.Channel disclosureChannel, String disclosureTitle,
                             LocalDate postedOn, LocalDate postedUntil) {
    }

    /** When a posting came (or comes) down; {@code version} is the one read. */
    record TakeDownRequest(LocalDate postedUntil, Integer version) {
    }

    record CommunityMeetingRequest(String unit, String village, LocalDate meetingOn, Integer householdsTotal, Integer householdsPresent,
                                   String agenda, List<CommunityMeetings.VoteInput> votes) {
    }

    /** A warning in words, naming its field. */
    record Warning(String field, String message) {
    }

    record Created(long id, String page, List<Warning> warnings) {
    }

    private final Boards boards;
    private final BoardActivities activities;
    private final Disclosures disclosures;
    private final CommunityMeetings meetings;
    private final DemocracyQueries queries;
    private final Communes communes;
    private final CurrentUsers users;
    private final MessageSource messages;

    DemocracyApi(Boards boards, BoardActivities activities, Disclosures disclosures, CommunityMeetings meetings, DemocracyQueries queries,
                 Communes communes, CurrentUsers users, MessageSource messages) {
        this.boards = boards;
        this.activities = activities;
        this.disclosures = disclosures;
        this.meetings = meetings;
        this.queries = queries;
        this.communes = communes;
        this.users = users;
        this.messages = messages;
    }

    // ---- boards ---------------------------------------------------------------------------------

    @GetMapping("/boards")
    @Operation(summary = "Các ban (Ban TTND, Ban GSĐTCĐ) của các xã trong cây đơn vị, phân trang")
    PageResult<BoardRow> boards(@RequestParam(required = false) String unit, @RequestParam(required = false) BoardKind kind,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.boards(subtree(unit), kind, Math.max(0, page), size(size));
    }

    @GetMapping("/boards/{id}")
    @Operation(summary = "Một ban: thành viên, kế hoạch, hoạt động, kiến nghị và trả lời")
    BoardDetail board(@PathVariable long id) {
        return queries.board(id, users.require());
    }

    @PostMapping("/boards")
    @Operation(summary = "Ghi nhận một ban được bầu (Ban TTND ít nhất 5 thành viên; Ban GSĐTCĐ tối đa 5 đại diện)")
    ResponseEntity<Created> createBoard(@RequestBody BoardRequest r) {
        var user = users.require();
        var saved = boards.create(boardInput(r, user), user);
        return created("/api/boards/" + saved.id(), "/democracy/boards/" + saved.id(), saved);
    }

    @PutMapping("/boards/{id}")
    @Operation(summary = "Sửa một ban (version là phiên bản đã đọc; 409 nếu đã có người sửa)")
    Created updateBoard(@PathVariable long id, @RequestBody BoardRequest r) {
        var user = users.require();
        var saved = boards.update(id, boardInput(r, user), requireVersion(r.version()), user);
        return new Created(id, "/democracy/boards/" + id, warnings(saved));
    }

    @PostMapping("/boards/{id}/plans")
    @Operation(summary = "Thêm kế hoạch hoạt động quý, 6 tháng, năm (periodKey: 2026Q1, 2026H1, 2026)")
    ResponseEntity<Created> addPlan(@PathVariable long id, @RequestBody PlanRequest r) {
        var planId = boards.addPlan(id, r.periodKey(), r.content(), r.adoptedOn(), users.require());
        return created("/api/boards/" + id, "/democracy/boards/" + id, new Saved(planId, List.of()));
    }

    @GetMapping("/boards/{id}/activities")
    @Operation(summary = "Các cuộc kiểm tra, giám sát của Ban TTND, với kiến nghị và trả lời")
    List<ActivityView> activities(@PathVariable long id) {
        return queries.board(id, users.require()).activities();
    }

    @PostMapping("/boards/{id}/activities")
    @Operation(summary = "Lập kế hoạch kiểm tra, giám sát; gửi Mặt trận, Chủ tịch UBND xã, đối tượng chậm hơn 5 ngày làm việc → cảnh báo")
    ResponseEntity<Created> plan(@PathVariable long id, @RequestBody ActivityRequest r) {
        var saved = activities.plan(id, activityInput(r), users.require());
        return created("/api/boards/" + id + "/activities", "/democracy/boards/" + id, saved);
    }

    @PutMapping("/activities/{id}")
    @Operation(summary = "Sửa một cuộc kiểm tra, giám sát (kết quả…); version là phiên bản đã đọc")
    Created updateActivity(@PathVariable long id, @RequestBody ActivityRequest r) {
        var saved = activities.update(id, activityInput(r), requireVersion(r.version()), users.require());
        return new Created(id, null, warnings(saved));
    }

    @PostMapping("/activities/{id}/recommendations")
    @Operation(summary = "Ghi nhận một kiến nghị sau kiểm tra, giám sát")
    ResponseEntity<Created> recommend(@PathVariable long id, @RequestBody BoardActivities.RecommendationInput r) {
        var recId = activities.recommend(id, r, users.require());
        return created("/api/activities/" + id, null, new Saved(recId, List.of()));
    }

    @PutMapping("/recommendations/{id}/answer")
    @Operation(summary = "Ghi nhận trả lời kiến nghị (ai trả lời, ngày, nội dung); version là phiên bản đã đọc, 409 nếu đã có người sửa")
    ResponseEntity<Void> answer(@PathVariable long id, @RequestBody AnswerRequest r) {
        activities.answer(id, new BoardActivities.AnswerInput(r.answeredOn(), r.answeredBy(), r.answeredByTitle(), r.answer()),
                requireVersion(r.version()), users.require());
        return ResponseEntity.noContent().build();
    }

    // ---- disclosures ----------------------------------------------------------------------------

    @GetMapping("/disclosure-items")
    @Operation(summary = "Danh mục nội dung xã phải công khai (Luật 10/2022/QH15 Điều 11), căn cứ và định kỳ")
    List<ItemView> items() {
        return disclosures.items();
    }

    @GetMapping("/disclosures")
    @Operation(summary = "Việc công khai của các xã trong cây đơn vị, theo năm (tùy chọn), phân trang")
    PageResult<DisclosureView> disclosures(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.disclosures(subtree(unit), year, Math.max(0, page), size(size));
    }

    @GetMapping("/disclosures/due")
    @Operation(summary = "Nội dung xã phải công khai trong kỳ (2026, 2026H1, 2026Q1) mà chưa công khai; overdue khi kỳ đã kết thúc")
    DueList due(@RequestParam String unit, @RequestParam String period) {
        return disclosures.dueList(unit, period, users.require());
    }

    @PostMapping("/disclosures")
    @Operation(summary = "Ghi nhận việc công khai; niêm yết ngắn hơn thời hạn luật định → cảnh báo")
    ResponseEntity<Created> disclose(@RequestBody DisclosureRequest r) {
        var user = users.require();
        var saved = disclosures.record(new Disclosures.DisclosureInput(unitId(r.unit(), user), r.itemCode(), r.periodKey(), r.disclosureChannel(),
                r.disclosureTitle(), r.postedOn(), r.postedUntil()), user);
        return created("/api/disclosures/" + saved.id(), "/democracy?unit=" + r.unit(), saved);
    }

    @PutMapping("/disclosures/{id}/posted-until")
    @Operation(summary = "Ghi nhận ngày gỡ niêm yết của một nội dung công khai; version là phiên bản đã đọc, 409 nếu đã có người sửa")
    ResponseEntity<Void> takeDown(@PathVariable long id, @RequestBody TakeDownRequest r) {
        disclosures.takeDown(id, r.postedUntil(), requireVersion(r.version()), users.require());
        return ResponseEntity.noContent().build();
    }

    // ---- community meetings ---------------------------------------------------------------------

    @GetMapping("/community-meetings")
    @Operation(summary = "Hội nghị thôn, tổ dân phố của các xã trong cây đơn vị, phân trang")
    PageResult<CommunityMeetingView> communityMeetings(@RequestParam(required = false) String unit,
                                                       @RequestParam(defaultValue = "0") int page,
                                                       @RequestParam(defaultValue = "20") int size) {
        return queries.communityMeetings(subtree(unit), Math.max(0, page), size(size));
    }

    @GetMapping("/community-meetings/{id}")
    CommunityMeetingView communityMeeting(@PathVariable long id) {
        return queries.communityMeeting(id, users.require());
    }

    @PostMapping("/community-meetings")
    @Operation(summary = "Ghi nhận hội nghị thôn, tổ dân phố (số hộ dự họp không vượt tổng số hộ) và biểu quyết")
    ResponseEntity<Created> recordMeeting(@RequestBody CommunityMeetingRequest r) {
        var user = users.require();
        var saved = meetings.record(new CommunityMeetings.MeetingInput(unitId(r.unit(), user), r.village(), r.meetingOn(), r.householdsTotal(),
                r.householdsPresent(), r.agenda(), r.votes()), user);
        return created("/api/community-meetings/" + saved.id(), "/democracy/community-meetings/" + saved.id(), saved);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Long[] subtree(String unit) {
        var user = users.require();
        OrgUnit root = unit == null || unit.isBlank() ? communes.find(user.homeUnitId()).orElseThrow() : communes.readable(unit.strip(), user);
        return communes.subtree(root.id());
    }

    private Long unitId(String code, CurrentUser user) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("unitCode", "validation.required");
        }
        return communes.readable(code.strip(), user).id();
    }

    private Boards.BoardInput boardInput(BoardRequest r, CurrentUser user) {
        var members = r.members() == null ? List.<Boards.MemberInput>of() : r.members().stream()
                .map(m -> new Boards.MemberInput(m.fullName(), m.role(), m.village(), m.phone(), m.address())).toList();
        Long unitId = r.unit() == null ? null : unitId(r.unit(), user);
        return new Boards.BoardInput(r.kind(), unitId, r.projectName(), r.investor(), r.villageCount(), r.termFrom(), r.termTo(),
                r.electedCommunityMeetingId(), r.electedConferenceId(), r.findings(), members);
    }

    private static BoardActivities.ActivityInput activityInput(ActivityRequest r) {
        return new BoardActivities.ActivityInput(r.kind(), r.activityTitle(), r.subjects(), r.startsOn(), r.sentFrontOn(), r.sentChairOn(),
                r.sentSubjectsOn(), r.findings());
    }

    private static int requireVersion(Integer version) {
        if (version == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        return version;
    }

    private static int size(int size) {
        return Math.min(Math.max(size, 1), 200);
    }

    private ResponseEntity<Created> created(String location, String page, Saved saved) {
        return ResponseEntity.created(URI.create(location)).body(new Created(saved.id(), page, warnings(saved)));
    }

    private List<Warning> warnings(Saved saved) {
        var words = PageForms.labelled(saved.warnings(), messages);
        return java.util.stream.IntStream.range(0, words.size())
                .mapToObj(i -> new Warning(saved.warnings().get(i).field(), words.get(i))).toList();
    }
}
