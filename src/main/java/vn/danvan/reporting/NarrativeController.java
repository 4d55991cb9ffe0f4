package vn.danvan.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.danvan.export.Docx;
import vn.danvan.export.HtmlPdf;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * Narrative reports: {@code /reporting/narratives} lists the templates (administrators write them) and generates a
 * report for a unit and a period — shown as a page, or written as .docx in the template's official layout and as PDF —
 * with every figure linked to what is behind it.
 */
@Controller
class NarrativeController {

    /** The template form; {@code version} is the version read when editing. */
    record NarrativeForm(String code, String title, Narratives.Layout layout, String kindName, String subject, String body,
                         String periodHint, Integer version) {

        Narratives.NarrativeInput input() {
            return new Narratives.NarrativeInput(code, title, layout, kindName, subject, body, periodHint);
        }

        static NarrativeForm of(Narratives.Narrative n) {
            return new NarrativeForm(n.code(), n.title(), n.layout(), n.kindName(), n.subject(), n.body(), n.periodHint(), n.version());
        }
    }

    /** What the generation form asked, kept as typed. */
    record Question(String unit, String period, LocalDate on, AggregateMode mode, String superiorBody, String issuingBody,
                    String place) {
    }

    private final Narratives narratives;
    private final NarrativeReports reports;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Clock clock;

    NarrativeController(Narratives narratives, NarrativeReports reports, CurrentUsers users, OrgUnits units, ITemplateEngine templates,
                        MessageSource messages, Clock clock) {
        this.narratives = narratives;
        this.reports = reports;
        this.users = users;
        this.units = units;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/reporting/narratives")
    String list(Model model) {
        var user = users.require();
        model.addAttribute("narratives", narratives.all());
        model.addAttribute("admin", user.isSystemAdmin());
        model.addAttribute("question", defaults(null, null, null, null, null, null, null));
        model.addAttribute("modes", AggregateMode.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.narrative.title"), null)));
        return "reporting/narratives";
    }

    @GetMapping("/reporting/narratives/{code}/report")
    String report(@PathVariable String code, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) String period,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                  @RequestParam(required = false) AggregateMode mode, @RequestParam(required = false) String superiorBody,
                  @RequestParam(required = false) String issuingBody, @RequestParam(required = false) String place, Model model) {
        var user = users.require();
        var narrative = narratives.get(code);
        var question = defaults(narrative, unit, period, on, mode, superiorBody, issuingBody, place);
        model.addAttribute("narrative", narrative);
        model.addAttribute("question", question);
        model.addAttribute("modes", AggregateMode.values());
        try {
            model.addAttribute("report", reports.generate(code, question.unit(), question.period(), question.on(), question.mode(),
                    baseUrl(), user));
        } catch (InvalidInputException invalid) {
            model.addAttribute("problems", invalid.problems().stream().map(p -> text("field." + p.field()) + ": "
                    + messages.getMessage(p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale())).toList());
        }
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.narrative.title"), "/reporting/narratives"), new Crumb(narrative.title(), null)));
        return "reporting/narrative";
    }

    @GetMapping("/reporting/narratives/{code}/report.docx")
    ResponseEntity<byte[]> docx(@PathVariable String code, @RequestParam String unit, @RequestParam String period,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                @RequestParam(required = false) AggregateMode mode, @RequestParam(required = false) String superiorBody,
                                @RequestParam(required = false) String issuingBody, @RequestParam(required = false) String place) {
        var user = users.require();
        var q = defaults(narratives.get(code), unit, period, on, mode, superiorBody, issuingBody, place);
        var report = reports.generate(code, q.unit(), q.period(), q.on(), q.mode(), baseUrl(), user);
        var bytes = reports.docx(report, q.superiorBody(), q.issuingBody(), q.place(), LocalDate.now(clock));
        return file(bytes, Docx.CONTENT_TYPE, code + "-" + report.unitCode() + "-" + report.period() + ".docx");
    }

    @GetMapping("/reporting/narratives/{code}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam String unit, @RequestParam String period,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                               @RequestParam(required = false) AggregateMode mode, @RequestParam(required = false) String superiorBody,
                               @RequestParam(required = false) String issuingBody, @RequestParam(required = false) String place) {
        var user = users.require();
        var q = defaults(narratives.get(code), unit, period, on, mode, superiorBody, issuingBody, place);
        var report = reports.generate(code, q.unit(), q.period(), q.on(), q.mode(), baseUrl(), user);
        Map<String, Object> variables = new HashMap<>();
        variables.put("report", report);
        variables.put("question", q);
        variables.put("placeAndDate", Docx.placeAndDate(q.place(), LocalDate.now(clock)));
        var xhtml = templates.process("reporting/narrative-pdf", new Context(LocaleContextHolder.getLocale(), variables));
        return file(HtmlPdf.render(xhtml, null), MediaType.APPLICATION_PDF_VALUE,
                code + "-" + report.unitCode() + "-" + report.period() + ".pdf");
    }

    @GetMapping("/reporting/narratives/new")
    String newNarrative(Model model) {
        requireAdmin();
        model.addAttribute("form", new NarrativeForm(null, null, Narratives.Layout.PARTY, "Báo cáo", null, null, "QUARTER", null));
        return showForm(null, model);
    }

    @PostMapping("/reporting/narratives")
    String define(@ModelAttribute("form") NarrativeForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        var user = users.require();
        try {
            var created = narratives.define(form.input(), user);
            redirect.addFlashAttribute("flashSuccess", text("reporting.narrative.saved", created.title()));
            return "redirect:/reporting/narratives";
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(invalid, result);
        }
        return showForm(null, model);
    }

    @GetMapping("/reporting/narratives/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        requireAdmin();
        var narrative = narratives.get(code);
        model.addAttribute("form", NarrativeForm.of(narrative));
        return showForm(narrative, model);
    }

    @PostMapping("/reporting/narratives/{code}")
    String update(@PathVariable String code, @ModelAttribute("form") NarrativeForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        var user = users.require();
        var narrative = narratives.get(code);
        try {
            narratives.update(code, form.input(), form.version() == null ? -1 : form.version(), user);
            redirect.addFlashAttribute("flashSuccess", text("reporting.narrative.saved", form.title()));
            return "redirect:/reporting/narratives";
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(invalid, result);
        } catch (ConflictException stale) {
            result.reject("reporting.narrative.stale", new Object[] {narrative.title()}, "stale");
        }
        return showForm(narrative, model);
    }

    private String showForm(Narratives.Narrative editing, Model model) {
        model.addAttribute("editing", editing);
        model.addAttribute("layouts", Narratives.Layout.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.narrative.title"), "/reporting/narratives"),
                new Crumb(text(editing == null ? "reporting.narrative.new" : "reporting.narrative.edit"), null)));
        return "reporting/narrative-form";
    }

    private Question defaults(Narratives.Narrative narrative, String unit, String period, LocalDate on, AggregateMode mode,
                              String superiorBody, String issuingBody, String place) {
        var user = users.require();
        var today = LocalDate.now(clock);
        var home = units.find(user.homeUnitId(), today);
        var unitCode = blankToNull(unit) != null ? unit.strip() : home.map(u -> u.code()).orElse("");
        var periodText = blankToNull(period) != null ? period.strip()
                : narrative != null && "TERM".equals(narrative.periodHint()) ? (today.getYear() - 5) + "-" + (today.getYear() - 1)
                : narrative != null && "YEAR".equals(narrative.periodHint()) ? String.valueOf(today.getYear() - 1)
                : ReportingController.lastQuarter(today).identifier();
        var unitName = units.findByCode(unitCode, on != null ? on : today).map(u -> u.name()).orElse(unitCode);
        return new Question(unitCode, periodText, on != null ? on : today, mode != null ? mode : AggregateMode.RESTATED,
                blankToNull(superiorBody), blankToNull(issuingBody) != null ? issuingBody.strip() : home.map(u -> u.name()).orElse(null),
                blankToNull(place) != null ? place.strip() : unitName.replaceFirst("^(Tỉnh|Thành phố|Xã|Phường|Thị trấn|Đặc khu) ", ""));
    }

    private Question defaults(String unit, String period, LocalDate on, AggregateMode mode, String superiorBody, String issuingBody,
                              String place) {
        return defaults(null, unit, period, on, mode, superiorBody, issuingBody, place);
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, String contentType, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(contentType)).body(bytes);
    }

    private void requireAdmin() {
        if (!users.require().isSystemAdmin()) {
            throw new NotFoundException("page", "/reporting/narratives");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
