package vn.danvan.exemplar;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.exemplar.ExemplarViews.ExemplarDetail;
import vn.danvan.exemplar.ExemplarViews.ExemplarFilter;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's screens: the list with its filters, registration and editing with the nine fields,
 * a model with its life (steps offered by its status), lineage, results and files, and the
 * dashboard. Forms keep what the officer typed when something is wrong; a model saved meanwhile by
 * someone else is shown again, newer.
 */
@Controller
class ExemplarController {

    record RegistrationForm(ExemplarKind kind, String name, Long unitId, RegistrantType registrantType, String registrantName,
                            String personName, String personTitle, String situation, String objectives, String method, String area,
                            String forces, Long fundsVnd, String materials, Integer workdays, Long socialisedVnd,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, String outputs, String sustainability,
                            String campaign, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredOn,
                            List<String> fields, String publicSummary, Integer version) {

        ExemplarInput toInput() {
            return new ExemplarInput(kind, name, unitId, registrantType, registrantName, personName, personTitle, situation, objectives,
                    method, area, forces, fundsVnd, materials, workdays, socialisedVnd, startsOn, endsOn, outputs, sustainability,
                    campaign, registeredOn, fields, publicSummary);
        }

        static RegistrationForm of(ExemplarDetail d) {
            return new RegistrationForm(d.kind(), d.name(), d.unit().id(), d.registrantType(), d.registrantName(), d.personName(),
                    d.personTitle(), d.situation(), d.objectives(), d.method(), d.area(), d.forces(), d.fundsVnd(), d.materials(),
                    d.workdays(), d.socialisedVnd(), d.startsOn(), d.endsOn(), d.outputs(), d.sustainability(), d.campaign(),
                    d.registeredOn(), d.fields(), d.publicSummary(), d.version());
        }
    }

    /** A step; up to five assessment criteria in flat fields. */
    record StepForm(ExemplarAction action, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, String note, Integer version,
                    String assessor, List<String> criterionName, List<BigDecimal> criterionScore, List<BigDecimal> criterionMax,
                    Boolean passed, RecognitionLevel level, Boolean typical, String decisionNumber, String issuer,
                    CommendationForm form) {

        ExemplarStep toStep() {
            var criteria = new ArrayList<ExemplarStep.Criterion>();
            var names = criterionName == null ? List.<String>of() : criterionName;
            for (int i = 0; i < names.size(); i++) {
                var name = names.get(i);
                var score = at(criterionScore, i);
                var max = at(criterionMax, i);
                if ((name == null || name.isBlank()) && score == null && max == null) {
                    continue;
                }
                criteria.add(new ExemplarStep.Criterion(name, score, max));
            }
            return new ExemplarStep(action, day, note, version, assessor, criteria, passed, level, typical, decisionNumber, issuer, form);
        }

        private static BigDecimal at(List<BigDecimal> values, int i) {
            return values == null || i >= values.size() ? null : values.get(i);
        }
    }

    record ReplicaForm(Long replicaUnitId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, String name, Integer version) {
    }

    record ResultForm(Integer year, BigDecimal peopleReached, BigDecimal households, BigDecimal moneyVnd, BigDecimal workdays,
                      BigDecimal landM2, BigDecimal roadM) {
    }

    private final ExemplarManagement management;
    private final ExemplarAttachments attachments;
    private final ExemplarQueries queries;
    private final ExemplarFigures figures;
    private final ExemplarFields fields;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;
    private final JsonMapper json;

    ExemplarController(ExemplarManagement management, ExemplarAttachments attachments, ExemplarQueries queries, ExemplarFigures figures, ExemplarFields fields,
                       CurrentUsers users, OrgUnits units, MessageSource messages, Clock clock, JsonMapper json) {
        this.json = json;
        this.management = management;
        this.attachments = attachments;
        this.queries = queries;
        this.figures = figures;
        this.fields = fields;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- list ------------------------------------------------------------------------------------

    @GetMapping("/exemplars")
    String list(@RequestParam(required = false) String text, @RequestParam(required = false) Long unitId,
                @RequestParam(required = false) ExemplarKind kind, @RequestParam(required = false) String field,
                @RequestParam(required = false) ExemplarStatus status, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) RecognitionLevel level, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var filter = new ExemplarFilter(text, unitId, kind, field == null || field.isBlank() ? null : field, status, year, level);
        model.addAttribute("filter", filter);
        model.addAttribute("results", queries.search(filter, Math.max(0, page), 25, users.require()));
        model.addAttribute("countCap", queries.countCap(filter));
        model.addAttribute("unitName", unitName(unitId));
        addChoices(model);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("exemplar.nav"), null)));
        return htmx != null ? "exemplar/list :: results" : "exemplar/list";
    }

    // ---- registration and editing ----------------------------------------------------------------

    @GetMapping("/exemplars/new")
    String newExemplar(Model model) {
        var user = users.require();
        model.addAttribute("form", new RegistrationForm(ExemplarKind.COLLECTIVE, null, user.homeUnitId(), RegistrantType.RESIDENTIAL_AREA,
                null, null, null, null, null, null, null, null, null, null, null, null, LocalDate.now(clock), null, null, null, null,
                LocalDate.now(clock), List.of(), null, null));
        return showForm(model, null);
    }

    @PostMapping("/exemplars/new")
    String register(@ModelAttribute("form") RegistrationForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(model, null);
        }
        try {
            var ref = management.register(form.toInput(), users.require());
            redirect.addFlashAttribute("flashSuccess", text("exemplar.registered", ref.number()));
            return "redirect:/exemplars/" + ref.id();
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(invalid, result);
            return showForm(model, null);
        }
    }

    @GetMapping("/exemplars/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var detail = queries.detail(id, users.require());
        model.addAttribute("form", RegistrationForm.of(detail));
        return showForm(model, detail);
    }

    @PostMapping("/exemplars/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") RegistrationForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        var user = users.require();
        var detail = queries.detail(id, user);
        if (result.hasErrors()) {
            return showForm(model, detail);
        }
        try {
            management.update(id, form.toInput(), form.version() == null ? detail.version() : form.version(), user);
            redirect.addFlashAttribute("flashSuccess", text("exemplar.saved"));
            return "redirect:/exemplars/" + id;
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(invalid, result);
            return showForm(model, detail);
        } catch (ConflictException conflict) {
            model.addAttribute("flashError", text("error.conflict", conflict.key()));
            model.addAttribute("form", RegistrationForm.of(detail));
            return showForm(model, detail);
        }
    }

    private String showForm(Model model, ExemplarDetail detail) {
        var form = (RegistrationForm) model.getAttribute("form");
        model.addAttribute("detail", detail);
        model.addAttribute("unitName", form == null ? null : unitName(form.unitId()));
        addChoices(model);
        var crumbs = new ArrayList<Crumb>(List.of(new Crumb(text("exemplar.nav"), "/exemplars")));
        if (detail == null) {
            crumbs.add(new Crumb(text("exemplar.new.title"), null));
        } else {
            crumbs.add(new Crumb(detail.number(), "/exemplars/" + detail.id()));
            crumbs.add(new Crumb(text("exemplar.edit.title"), null));
        }
        model.addAttribute("breadcrumbs", crumbs);
        return "exemplar/form";
    }

    // ---- one model and its life ------------------------------------------------------------------

    @GetMapping("/exemplars/{id}")
    String detail(@PathVariable long id, Model model) {
        return showDetail(model, queries.detail(id, users.require()));
    }

    @PostMapping("/exemplars/{id}/steps")
    String step(@PathVariable long id, @ModelAttribute("stepForm") StepForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        var user = users.require();
        if (!result.hasErrors()) {
            try {
                management.step(id, form.toStep(), user);
                redirect.addFlashAttribute("flashSuccess", text("exemplar.step.saved", text("exemplar.action." + form.action())));
                return "redirect:/exemplars/" + id;
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            } catch (ConflictException conflict) {
                model.addAttribute("flashError", text("error.conflict", conflict.key()));
            }
        }
        model.addAttribute("openAction", form.action());
        return showDetail(model, queries.detail(id, user));
    }

    @PostMapping("/exemplars/{id}/replicate")
    String replicate(@PathVariable long id, @ModelAttribute("replicaForm") ReplicaForm form, BindingResult result, Model model,
                     RedirectAttributes redirect) {
        var user = users.require();
        if (!result.hasErrors()) {
            try {
                if (form.replicaUnitId() == null) {
                    throw new InvalidInputException("replicaUnitId", "validation.required");
                }
                var ref = management.replicate(id, form.replicaUnitId(), form.day(), form.name(), form.version(), user);
                redirect.addFlashAttribute("flashSuccess", text("exemplar.replicated", ref.number()));
                return "redirect:/exemplars/" + ref.id();
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            } catch (ConflictException conflict) {
                model.addAttribute("flashError", text("error.conflict", conflict.key()));
            }
        }
        model.addAttribute("targetName", unitName(form.replicaUnitId()));
        model.addAttribute("openAction", "REPLICATE");
        return showDetail(model, queries.detail(id, user));
    }

    @PostMapping("/exemplars/{id}/results")
    String results(@PathVariable long id, @ModelAttribute("resultForm") ResultForm form, BindingResult result, Model model,
                   RedirectAttributes redirect) {
        var user = users.require();
        if (!result.hasErrors()) {
            try {
                if (form.year() == null) {
                    throw new InvalidInputException("year", "validation.required");
                }
                var values = new EnumMap<ResultMeasure, BigDecimal>(ResultMeasure.class);
                values.put(ResultMeasure.PEOPLE_REACHED, form.peopleReached());
                values.put(ResultMeasure.HOUSEHOLDS, form.households());
                values.put(ResultMeasure.MONEY_VND, form.moneyVnd());
                values.put(ResultMeasure.WORKDAYS, form.workdays());
                values.put(ResultMeasure.LAND_M2, form.landM2());
                values.put(ResultMeasure.ROAD_M, form.roadM());
                management.recordResults(id, form.year(), values, user);
                redirect.addFlashAttribute("flashSuccess", text("exemplar.results.saved", String.valueOf(form.year())));
                return "redirect:/exemplars/" + id + "#results";
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        model.addAttribute("openAction", "RESULTS");
        return showDetail(model, queries.detail(id, user));
    }

    @PostMapping("/exemplars/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, @RequestParam(required = false) String caption,
                  @RequestParam(defaultValue = "false") boolean publicFile, RedirectAttributes redirect) throws IOException {
        try {
            attachments.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes(), caption, publicFile, users.require());
            redirect.addFlashAttribute("flashSuccess", text("exemplar.attachment.saved", file.getOriginalFilename()));
        } catch (InvalidInputException invalid) {
            var p = invalid.problems().get(0);
            redirect.addFlashAttribute("flashError", text("field." + p.field()) + ": " + text(p.messageKey(), p.args()));
        }
        return "redirect:/exemplars/" + id + "#attachments";
    }

    @GetMapping("/exemplars/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        var file = queries.attachment(id, attachmentId, users.require());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }

    /** The model's page; each form not being re-shown with what the officer typed starts fresh. */
    private String showDetail(Model model, ExemplarDetail detail) {
        var today = LocalDate.now(clock);
        if (!model.containsAttribute("stepForm")) {
            model.addAttribute("stepForm", new StepForm(null, today, null, detail.version(), null, List.of(), List.of(), List.of(), null,
                    null, false, null, null, null));
        }
        if (!model.containsAttribute("replicaForm")) {
            model.addAttribute("replicaForm", new ReplicaForm(null, today, null, detail.version()));
        }
        if (!model.containsAttribute("resultForm")) {
            model.addAttribute("resultForm", new ResultForm(today.getYear(), null, null, null, null, null, null));
        }
        model.addAttribute("detail", detail);
        addChoices(model);
        model.addAttribute("actions", actionsFor(detail));
        model.addAttribute("canReplicate", detail.canWrite() && detail.status().recognised());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("exemplar.nav"), "/exemplars"), new Crumb(detail.number(), null)));
        return "exemplar/detail";
    }

    /** The steps the model's status allows, in the order of its life. */
    static List<ExemplarAction> actionsFor(ExemplarDetail d) {
        if (!d.canWrite()) {
            return List.of();
        }
        var s = d.status();
        var actions = new ArrayList<ExemplarAction>();
        if (s == ExemplarStatus.REGISTERED) {
            actions.add(ExemplarAction.START);
        }
        if (s.reached(ExemplarStatus.IMPLEMENTING)) {
            actions.add(ExemplarAction.ASSESS);
        }
        if (s.reached(ExemplarStatus.ASSESSED)) {
            actions.add(ExemplarAction.RECOGNISE);
        }
        if (s.reached(ExemplarStatus.RECOGNISED)) {
            if (!s.reached(ExemplarStatus.TYPICAL)) {
                actions.add(ExemplarAction.MARK_TYPICAL);
            }
            actions.add(ExemplarAction.COMMEND);
        }
        if (s.active()) {
            actions.add(ExemplarAction.PAUSE);
        }
        if (s == ExemplarStatus.PAUSED) {
            actions.add(ExemplarAction.RESUME);
        }
        if (s != ExemplarStatus.DISCONTINUED) {
            actions.add(ExemplarAction.DISCONTINUE);
        }
        return actions;
    }

    // ---- dashboard --------------------------------------------------------------------------------

    @GetMapping("/exemplars/dashboard")
    String dashboard(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year, Model model) {
        var user = users.require();
        var y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > LocalDate.now(clock).getYear()) {
            throw new InvalidInputException("year", "exemplar.validation.year-range", "2000", String.valueOf(LocalDate.now(clock).getYear()));
        }
        var root = unitId != null ? unitId : (user.isSystemAdmin() ? null : user.homeUnitId());
        var figs = figures.figures(root, y, user);
        model.addAttribute("figures", figs);
        model.addAttribute("figuresJson", chartData(figs));
        model.addAttribute("year", y);
        model.addAttribute("unitId", root);
        model.addAttribute("unitName", unitName(root));
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(2009, LocalDate.now(clock).getYear()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        addChoices(model);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("exemplar.nav"), "/exemplars"), new Crumb(text("exemplar.dashboard.title"), null)));
        return "exemplar/dashboard";
    }

    /** What the charts draw, with labels in the user's language (written into the page as JSON). */
    private String chartData(ExemplarFigures.Figures f) {
        var locale = LocaleContextHolder.getLocale();
        var names = new java.util.HashMap<String, String>();
        fields.all().forEach(x -> names.put(x.code(), x.name(locale)));
        var data = new java.util.LinkedHashMap<String, Object>();
        data.put("labels", java.util.Map.of("collective", text("exemplar.kind.COLLECTIVE"), "individual", text("exemplar.kind.INDIVIDUAL"),
                "registered", text("exemplar.figure.REGISTERED"), "recognised", text("exemplar.figure.RECOGNISED")));
        data.put("fields", f.byField().stream().map(c -> java.util.Map.of("name", names.getOrDefault(c.key(), c.key()),
                "collective", c.collective(), "individual", c.individual())).toList());
        data.put("series", f.series());
        data.put("statuses", f.byStatus().stream().map(c -> java.util.Map.of("name", text("exemplar.status." + c.key()),
                "value", c.total())).toList());
        // "</" cannot close the script element: names are officers' text.
        return json.writeValueAsString(data).replace("</", "<\\/");
    }

    private void addChoices(Model model) {
        model.addAttribute("kinds", ExemplarKind.values());
        model.addAttribute("statuses", ExemplarStatus.values());
        model.addAttribute("levels", RecognitionLevel.values());
        model.addAttribute("registrantTypes", RegistrantType.values());
        model.addAttribute("commendationForms", CommendationForm.values());
        model.addAttribute("measures", ResultMeasure.values());
        var all = fields.all();
        model.addAttribute("fieldsOfWork", all);
        var names = new java.util.LinkedHashMap<String, String>();
        all.forEach(f -> names.put(f.code(), f.name(LocaleContextHolder.getLocale())));
        model.addAttribute("fieldNames", names);
    }

    private String unitName(Long unitId) {
        return unitId == null ? null : units.find(unitId, LocalDate.now(clock)).map(u -> u.name()).orElse(null);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
