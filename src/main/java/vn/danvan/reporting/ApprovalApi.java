package vn.danvan.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.identity.CurrentUsers;

/**
 * Approval of units' reports, completeness and reminders over JSON. A unit outside the caller's scope
 * answers 404; a step on a stale version 409; a step this user may not take, or not in this state, or a
 * missing reason 400 naming {@code action} or {@code reason}; a submit with blocking errors 400 naming
 * the cells; a write into approved data 409 naming the form, unit and period.
 */
@RestController
@Tag(name = "Phê duyệt báo cáo", description = "Gửi, phê duyệt (khóa số liệu), tiếp nhận, trả lại, mở khóa báo cáo của đơn vị; "
        + "tình hình nộp báo cáo (đúng hạn, muộn, chưa nộp) theo địa bàn; nhắc hạn nộp")
class ApprovalApi {

    private final Approvals approvals;
    private final Completeness completeness;
    private final Reminders reminders;
    private final CurrentUsers users;

    ApprovalApi(Approvals approvals, Completeness completeness, Reminders reminders, CurrentUsers users) {
        this.approvals = approvals;
        this.completeness = completeness;
        this.reminders = reminders;
        this.users = users;
    }

    @GetMapping("/api/reporting/approval")
    @Operation(summary = "Trạng thái phê duyệt báo cáo của đơn vị cho một kỳ",
            description = "form, unit (mã đơn vị đọc theo ngày cuối kỳ), period. Trả về submission (status, version, người và thời điểm "
                    + "gửi/phê duyệt/tiếp nhận), đơn vị cấp trên tiếp nhận, các thao tác người dùng được làm (actions) và lịch sử (steps)")
    Approvals.State state(@RequestParam String form, @RequestParam String unit, @RequestParam String period) {
        return approvals.state(form, unit, period, users.require());
    }

    @PostMapping("/api/reporting/approval")
    @Operation(summary = "Thực hiện một bước phê duyệt",
            description = "{\"form\", \"unit\", \"period\", \"action\": SUBMIT|APPROVE|ACCEPT|RETURN|UNLOCK, \"version\": phiên bản đã đọc "
                    + "(0 khi chưa có), \"reason\": bắt buộc khi RETURN và UNLOCK}. SUBMIT: cán bộ của đơn vị, khi không còn lỗi chặn; "
                    + "APPROVE: lãnh đạo đơn vị hoặc cấp trên (khóa số liệu); ACCEPT: người dùng của đơn vị cấp trên trực tiếp; "
                    + "RETURN: người được làm bước tiếp theo; UNLOCK: lãnh đạo (về SUBMITTED, mở khóa số liệu). Phiên bản cũ → 409")
    Approvals.State step(@RequestBody Approvals.StepInput input) {
        return approvals.take(input, users.require());
    }

    @GetMapping("/api/reporting/completeness")
    @Operation(summary = "Tình hình nộp báo cáo của một biểu, kỳ, địa bàn",
            description = "Các đơn vị phải báo cáo (cấp, loại đơn vị của biểu, còn hiệu lực ngày cuối kỳ) trong địa bàn: trạng thái (NONE khi chưa lập báo cáo), đúng hạn "
                    + "(ON_TIME), muộn (LATE), chưa nộp (NOT_SUBMITTED), đã phê duyệt, đã tiếp nhận; số lượng và tỷ lệ theo từng địa bàn cấp dưới")
    Completeness.Board board(@RequestParam String form, @RequestParam String unit, @RequestParam String period) {
        return completeness.board(form, unit, period, users.require());
    }

    @PostMapping("/api/reporting/completeness/remind")
    @Operation(summary = "Nhắc ngay các đơn vị chưa nộp báo cáo (người dùng của đơn vị cấp trên, một lần mỗi ngày)")
    Map<String, Integer> remind(@RequestParam String form, @RequestParam String unit, @RequestParam String period) {
        return Map.of("reminded", reminders.remindNow(form, unit, period, users.require()));
    }

    @GetMapping("/api/reporting/reminders")
    @Operation(summary = "Nhắc hạn nộp báo cáo của đơn vị người dùng (báo cáo chưa gửi)")
    List<Reminders.Notice> notices() {
        return reminders.notices(users.require());
    }
}
