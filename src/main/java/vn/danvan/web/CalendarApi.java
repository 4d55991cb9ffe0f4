package vn.danvan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.calendar.DayUnit;
import vn.danvan.calendar.DueDate;
import vn.danvan.calendar.ScheduledDay;
import vn.danvan.calendar.WorkingCalendar;

/** Deadline arithmetic and the schedule of days off over JSON, for every signed-in user. */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "Lịch làm việc", description = "Ngày làm việc, ngày nghỉ lễ, tính thời hạn")
class CalendarApi {

    private final WorkingCalendar calendar;
    private final vn.danvan.calendar.LegalDeadlines deadlines;
    private final Clock clock;

    CalendarApi(WorkingCalendar calendar, vn.danvan.calendar.LegalDeadlines deadlines, Clock clock) {
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @GetMapping("/due")
    @Operation(summary = "Ngày hết hạn của một khoảng N ngày làm việc hoặc N ngày kể từ sau ngày from",
            description = "WORKING: bỏ qua thứ Bảy, Chủ nhật, ngày lễ, nghỉ bù, hoán đổi; tính cả thứ Bảy làm bù. "
                    + "CALENDAR: cộng N ngày, nếu rơi vào ngày nghỉ thì chuyển sang ngày làm việc kế tiếp. "
                    + "Không tính ngày bắt đầu.")
    DueDate due(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam int days,
                @RequestParam(defaultValue = "WORKING") DayUnit unit) {
        return calendar.due(from, days, unit);
    }

    @GetMapping("/deadline")
    @Operation(summary = "Thời hạn theo một quy tắc pháp lý (phiên bản có hiệu lực vào ngày bắt đầu)",
            description = "rule: P1, C1, C2, C4, C5, C6, D1, D2, D4, R1…; complexity: NORMAL, COMPLEX, ESPECIALLY_COMPLEX; "
                    + "extensions: số lần gia hạn (chỉ tố cáo phức tạp). Trả về ngày hết hạn và phiên bản quy tắc đã dùng.")
    vn.danvan.calendar.Deadline deadline(@RequestParam String rule,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
                                         @RequestParam(defaultValue = "false") boolean remote,
                                         @RequestParam(defaultValue = "NORMAL") vn.danvan.calendar.Complexity complexity,
                                         @RequestParam(defaultValue = "0") int extensions) {
        return deadlines.deadline(rule, start, remote, complexity, extensions, List.of());
    }

    @GetMapping("/rules")
    @Operation(summary = "Các quy tắc thời hạn và các phiên bản theo ngày hiệu lực")
    List<vn.danvan.calendar.DeadlineRule> rules() {
        return deadlines.rules();
    }

    record Schedule(int year, boolean stored, List<ScheduledDay> days) {
    }

    @GetMapping("/days-off")
    @Operation(summary = "Các ngày nghỉ lễ, nghỉ bù, hoán đổi và làm bù của một năm",
            description = "stored=false: năm chưa có lịch công bố, tính theo Bộ luật Lao động và âm lịch")
    Schedule daysOff(@RequestParam(required = false) Integer year) {
        var y = year == null ? LocalDate.now(clock).getYear() : year;
        return new Schedule(y, calendar.isStored(y), calendar.schedule(y));
    }
}
