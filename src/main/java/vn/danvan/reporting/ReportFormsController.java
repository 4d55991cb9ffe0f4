package vn.danvan.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.form.FormDefinition;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The report forms pages: {@code /reporting/forms} lists them, {@code /reporting/forms/{code}} shows a
 * form's versions with their lines, rules and deadline; system administrators add a version (or a new
 * form) at {@code /reporting/forms/new} without code.
 */
@Controller
class ReportFormsController {

    private final ReportForms forms;
    private final Indicators indicators;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final Clock clock;

    ReportFormsController(ReportForms forms, Indicators indicators, CurrentUsers users, MessageSource messages, Clock clock) {
        this.forms = forms;
        this.indicators = indicators;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/reporting/forms")
    String list(Model model) {
        var user = users.require();
        var all = forms.forms();
        model.addAttribute("forms", all);
        model.addAttribute("periods", all.stream().collect(Collectors.toMap(FormDefinition::code, f -> forms.lastEnded(f).identifier())));
        model.addAttribute("admin", user.isSystemAdmin());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.form.list.title"), null)));
        return "reporting/forms";
    }

    @GetMapping("/reporting/forms/{code}")
    String versions(@PathVariable String code, Model model) {
        var user = users.require();
        var versions = forms.versions(code);
        var latest = versions.get(versions.size() - 1);
        model.addAttribute("versions", versions);
        model.addAttribute("latest", latest);
        model.addAttribute("lines", forms.lines(latest));
        var period = forms.lastEnded(latest);
        model.addAttribute("period", period.identifier());
        model.addAttribute("deadline", forms.deadline(latest, period));
        model.addAttribute("admin", user.isSystemAdmin());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.form.list.title"), "/reporting/forms"), new Crumb(latest.symbol(), null)));
        return "reporting/form-versions";
    }

    @GetMapping("/reporting/forms/new")
    String newVersion(@RequestParam(required = false) String from, Model model) {
        requireAdmin();
        var today = LocalDate.now(clock);
        if (from != null && !from.isBlank()) {
            var versions = forms.versions(from);
            var latest = versions.get(versions.size() - 1);
            model.addAttribute("draft", FormDraft.of(latest, latest.version() + 1, today));
        } else {
            model.addAttribute("draft", FormDraft.blank(today));
        }
        return showEditor(model);
    }

    @PostMapping("/reporting/forms")
    String define(@ModelAttribute("draft") FormDraft draft, BindingResult result, Model model, RedirectAttributes redirect) {
        var user = users.require();
        if (!result.hasErrors()) {
            try {
                var labels = indicators.all().stream().collect(Collectors.toMap(Indicator::code, Indicator::name));
                var stored = forms.define(draft.definition(labels), user);
                redirect.addFlashAttribute("flashSuccess", text("reporting.form.saved", stored.symbol(), stored.version()));
                return "redirect:/reporting/forms/" + stored.code();
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        return showEditor(model);
    }

    private String showEditor(Model model) {
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.form.list.title"), "/reporting/forms"), new Crumb(text("reporting.form.new"), null)));
        return "reporting/form-edit";
    }

    private void requireAdmin() {
        if (!users.require().isSystemAdmin()) {
            throw new NotFoundException("page", "/reporting/forms/new");
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
