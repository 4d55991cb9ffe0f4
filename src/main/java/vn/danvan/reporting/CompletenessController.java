package vn.danvan.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The completeness board {@code /reporting/completeness?form=&unit=&period=} (tình hình nộp báo cáo):
 * counts and percentages per child area with a drill-down, every expected unit with its status and a
 * link to its grid, and a button for the parent unit to remind the missing units now; and the notice of
 * the user's unit's reminders, loaded into the reporting pages.
 */
@Controller
class CompletenessController {

    private final Completeness completeness;
    private final Reminders reminders;
    private final ReportForms forms;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    CompletenessController(Completeness completeness, Reminders reminders, ReportForms forms, CurrentUsers users, OrgUnits units,
                           MessageSource messages, Clock clock) {
        this.completeness = completeness;
        this.reminders = reminders;
        this.forms = forms;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/reporting/completeness")
    String board(@RequestParam(required = false) String form, @RequestParam(required = false) String unit,
                 @RequestParam(required = false) String period, Model model) {
        var user = users.require();
        var reportingForms = forms.forms();
        var formCode = form != null && !form.isBlank() ? form.strip() : reportingForms.isEmpty() ? "" : reportingForms.get(0).code();
        var unitCode = unit != null && !unit.isBlank() ? unit.strip()
                : units.find(user.homeUnitId(), LocalDate.now(clock)).map(u -> u.code()).orElse("");
        var periodText = period != null && !period.isBlank() ? period.strip()
                : reportingForms.stream().filter(f -> f.code().equals(formCode)).findFirst().map(f -> forms.lastEnded(f).identifier())
                .orElse(ReportingController.lastQuarter(LocalDate.now(clock)).identifier());
        model.addAttribute("question", new EntryController.Question(formCode, unitCode, periodText));
        model.addAttribute("forms", reportingForms);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.completeness.title"), null)));
        try {
            model.addAttribute("board", completeness.board(formCode, unitCode, periodText, user));
            model.addAttribute("today", LocalDate.now(clock));
        } catch (InvalidInputException invalid) {
            model.addAttribute("problems", invalid.problems().stream()
                    .map(p -> text("field." + p.field()) + ": " + text(p.messageKey(), p.args())).toList());
        } catch (NotFoundException missing) {
            if (!"unit".equals(missing.what()) && !"form".equals(missing.what())) {
                throw missing;
            }
            model.addAttribute("problems", List.of(text("error.not-found." + missing.what(), missing.key())));
        }
        return "reporting/completeness";
    }

    @PostMapping("/reporting/completeness/remind")
    String remind(@RequestParam String form, @RequestParam String unit, @RequestParam String period, RedirectAttributes redirect) {
        var count = reminders.remindNow(form, unit, period, users.require());
        redirect.addFlashAttribute("flashSuccess", text("reporting.completeness.reminded", count));
        return "redirect:" + Completeness.boardHref(form, unit, period);
    }

    /** The user's unit's reminders as notices (a fragment the reporting pages load). */
    @GetMapping("/reporting/reminders/notice")
    String notice(Model model) {
        model.addAttribute("notices", reminders.notices(users.require()));
        return "reporting/reminders :: notice";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
