package vn.danvan.web;

import vn.danvan.shared.Crumb;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.calendar.CalendarSchedules;
import vn.danvan.calendar.DayKind;
import vn.danvan.calendar.WorkingCalendar;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/** A system administrator enters each year's schedule of days off as the Government announces it. */
@Controller
class CalendarAdminController {

    record DayForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, DayKind kind, String name) {
    }

    private final CalendarSchedules schedules;
    private final WorkingCalendar calendar;
    private final CurrentUsers users;
    private final Labels labels;
    private final Clock clock;

    CalendarAdminController(CalendarSchedules schedules, WorkingCalendar calendar, CurrentUsers users, Labels labels,
                            Clock clock) {
        this.schedules = schedules;
        this.calendar = calendar;
        this.users = users;
        this.labels = labels;
        this.clock = clock;
    }

    @GetMapping("/admin/calendar")
    String edit(@RequestParam(required = false) Integer year, Model model) {
        requireSystemAdmin();
        var y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("form", new DayForm(null, null, null));
        return show(y, model);
    }

    @PostMapping("/admin/calendar/days")
    String setDay(@ModelAttribute("form") DayForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        requireSystemAdmin();
        if (!result.hasErrors()) {
            try {
                var day = schedules.setDay(form.day(), form.kind(), form.name());
                redirect.addFlashAttribute("flashSuccess", labels.get("calendar.admin.saved", day.name()));
                return "redirect:/admin/calendar?year=" + day.day().getYear();
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        return show(form.day() == null ? LocalDate.now(clock).getYear() : form.day().getYear(), model);
    }

    @PostMapping("/admin/calendar/days/{day}/remove")
    String removeDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                     RedirectAttributes redirect) {
        requireSystemAdmin();
        schedules.removeDay(day);
        redirect.addFlashAttribute("flashSuccess", labels.get("calendar.admin.removed", day.toString()));
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    private String show(int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("stored", calendar.isStored(year));
        model.addAttribute("schedule", calendar.schedule(year));
        model.addAttribute("kinds", DayKind.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(labels.get("calendar.title"), "/calendar"),
                new Crumb(labels.get("calendar.admin.title"), null)));
        return "calendar/admin";
    }

    private void requireSystemAdmin() {
        if (!users.require().isSystemAdmin()) {
            throw new NotFoundException("page", "/admin/calendar");
        }
    }
}
