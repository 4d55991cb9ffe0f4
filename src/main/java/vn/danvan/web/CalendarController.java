package vn.danvan.web;

import vn.danvan.shared.Crumb;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.danvan.calendar.DayUnit;
import vn.danvan.calendar.WorkingCalendar;
import vn.danvan.shared.InvalidInputException;

/** The date calculator for officers and a year's schedule of days off. */
@Controller
class CalendarController {

    private final WorkingCalendar calendar;
    private final Labels labels;
    private final Clock clock;

    CalendarController(WorkingCalendar calendar, Labels labels, Clock clock) {
        this.calendar = calendar;
        this.labels = labels;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String calculator(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) Integer days,
                      @RequestParam(defaultValue = "WORKING") DayUnit unit,
                      @RequestParam(required = false) Integer year,
                      Model model) {
        var today = LocalDate.now(clock);
        var start = from == null ? today : from;
        model.addAttribute("from", start);
        model.addAttribute("days", days);
        model.addAttribute("unit", unit);
        if (days != null) {
            try {
                model.addAttribute("result", calendar.due(start, days, unit));
            } catch (InvalidInputException invalid) {
                model.addAttribute("daysError", labels.get("calendar.days.range", 0, 10000));
            }
        }
        var shownYear = year == null ? start.getYear() : year;
        model.addAttribute("year", shownYear);
        model.addAttribute("stored", calendar.isStored(shownYear));
        model.addAttribute("schedule", calendar.schedule(shownYear));
        model.addAttribute("breadcrumbs", Crumb.trail(labels.get("calendar.title"), null));
        return "calendar/calculator";
    }
}
