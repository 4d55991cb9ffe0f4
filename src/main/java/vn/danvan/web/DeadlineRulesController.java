package vn.danvan.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.calendar.DayUnit;
import vn.danvan.calendar.LegalDeadlines;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The legal deadline rules and their dated versions, for every signed-in user to read; a system
 * administrator adds a version when the law changes (audited).
 */
@Controller
class DeadlineRulesController {

    record VersionForm(String code, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom, Integer days, DayUnit unit,
                       Integer remoteDays, Integer complexDays, Integer remoteComplexDays, Integer extensionDays,
                       Integer maxExtensionsComplex, Integer maxExtensionsEspeciallyComplex, Boolean suspensionNotCounted,
                       String source) {
    }

    private final LegalDeadlines deadlines;
    private final CurrentUsers users;
    private final Labels labels;

    DeadlineRulesController(LegalDeadlines deadlines, CurrentUsers users, Labels labels) {
        this.deadlines = deadlines;
        this.users = users;
        this.labels = labels;
    }

    @GetMapping("/calendar/rules")
    String rules(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new VersionForm(null, null, null, DayUnit.CALENDAR, null, null, null, null, 0, 0, false, null));
        }
        return show(model);
    }

    @PostMapping("/calendar/rules/versions")
    String add(@ModelAttribute("form") VersionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!users.require().isSystemAdmin()) {
            throw new NotFoundException("page", "/calendar/rules/versions");
        }
        if (!result.hasErrors()) {
            try {
                var added = deadlines.addVersion(new LegalDeadlines.NewRuleVersion(form.code(), form.effectiveFrom(), form.days(),
                        form.unit(), form.remoteDays(), form.complexDays(), form.remoteComplexDays(), form.extensionDays(),
                        form.maxExtensionsComplex(), form.maxExtensionsEspeciallyComplex(),
                        Boolean.TRUE.equals(form.suspensionNotCounted()), form.source()));
                redirect.addFlashAttribute("flashSuccess", labels.get("calendar.rules.added", added.code(), added.version()));
                return "redirect:/calendar/rules";
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        return show(model);
    }

    private String show(Model model) {
        model.addAttribute("rules", deadlines.rules());
        model.addAttribute("codes", deadlines.rules().stream().map(r -> r.code()).distinct().toList());
        model.addAttribute("units", DayUnit.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(labels.get("nav.calendar"), "/calendar"),
                new Crumb(labels.get("calendar.rules.title"), null)));
        return "calendar/rules";
    }
}
