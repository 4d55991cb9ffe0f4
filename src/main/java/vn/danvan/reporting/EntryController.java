package vn.danvan.reporting;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The entry grid page {@code /reporting/entry?form=&unit=&period=}: computed lines read-only with a
 * link to their records, entered lines with value, comment and the version read; save (blocking rules
 * keep what was typed, warnings are shown after saving, a conflict shows the other officer's value
 * beside this one's), copy from the last period, the .xlsx template and its import.
 */
@Controller
class EntryController {

    private final ReportEntry entry;
    private final Approvals approvals;
    private final ReportForms forms;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    EntryController(ReportEntry entry, Approvals approvals, ReportForms forms, CurrentUsers users, OrgUnits units,
                    MessageSource messages, Clock clock) {
        this.entry = entry;
        this.approvals = approvals;
        this.forms = forms;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the page was asked for, kept as typed. */
    record Question(String form, String unit, String period) {
    }

    @GetMapping("/reporting/entry")
    String page(@RequestParam(required = false) String form, @RequestParam(required = false) String unit,
                @RequestParam(required = false) String period, @RequestParam(defaultValue = "false") boolean copy, Model model) {
        var user = users.require();
        var question = question(form, unit, period, user);
        Map<Integer, String> typed = new HashMap<>();
        var grid = show(question, user, model);
        if (grid != null && copy) {
            try {
                entry.previousValues(question.form(), question.unit(), question.period(), user)
                        .forEach((number, value) -> typed.put(number, shown(value)));
                model.addAttribute("copied", typed.size());
            } catch (NotFoundException | InvalidInputException e) {
                model.addAttribute("problems", List.of(text("reporting.entry.copy-refused")));
            }
        }
        model.addAttribute("typed", typed);
        model.addAttribute("typedComments", Map.of());
        model.addAttribute("typedTexts", Map.of());
        return "reporting/entry";
    }

    @PostMapping("/reporting/entry")
    String save(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        var user = users.require();
        var question = new Question(params.getFirst("form"), params.getFirst("unit"), params.getFirst("period"));
        var cells = new ArrayList<GridInput.Cell>();
        var typed = new HashMap<Integer, String>();
        var comments = new HashMap<Integer, String>();
        var versions = new HashMap<Integer, Integer>();
        var texts = new ArrayList<GridInput.Text>();
        var typedTexts = new HashMap<String, String>();
        params.forEach((name, values) -> {
            var value = values.isEmpty() ? "" : values.get(0);
            if (name.startsWith("value.")) {
                int number = Integer.parseInt(name.substring(6));
                typed.put(number, value);
                comments.put(number, params.getFirst("comment." + number));
                versions.put(number, parseInt(params.getFirst("version." + number)));
                cells.add(new GridInput.Cell(number, vietnameseNumber(value), params.getFirst("comment." + number),
                        versions.get(number)));
            } else if (name.startsWith("text.")) {
                var key = name.substring(5);
                typedTexts.put(key, value);
                texts.add(new GridInput.Text(key, value, parseInt(params.getFirst("textVersion." + key))));
            }
        });
        try {
            var saved = entry.save(new GridInput(question.form(), question.unit(), question.period(), cells, texts), user);
            redirect.addFlashAttribute("flashSuccess", text("reporting.entry.saved", saved.changed()));
            redirect.addFlashAttribute("warnings", saved.warnings().stream().map(p -> text(p.messageKey(), p.args())).toList());
            return "redirect:" + href(question);
        } catch (InvalidInputException invalid) {
            model.addAttribute("problems", invalid.problems().stream().map(p -> text(p.messageKey(), p.args())).toList());
            model.addAttribute("badLines", badLines(invalid));
        } catch (GridConflictException conflict) {
            model.addAttribute("problems", List.of(text("reporting.entry.conflict", conflict.key())));
            var newer = new HashMap<Integer, GridConflictException.Conflict>();
            var newerTexts = new HashMap<String, GridConflictException.Conflict>();
            conflict.conflicts().forEach(c -> {
                if (c.number() == 0) {
                    newerTexts.put(c.key(), c);
                } else {
                    newer.put(c.number(), c);
                }
            });
            model.addAttribute("conflicts", newer);
            model.addAttribute("textConflicts", newerTexts);
        } catch (ValueLockedException locked) {
            model.addAttribute("problems", List.of(ValueLockErrors.message(messages, locked)));
        }
        show(question, user, model);
        model.addAttribute("typed", typed);
        model.addAttribute("typedComments", comments);
        model.addAttribute("typedVersions", versions);
        model.addAttribute("typedTexts", typedTexts);
        return "reporting/entry";
    }

    /** An approval step from the grid page; the outcome (or why it was refused) is shown on the grid after a redirect. */
    @PostMapping("/reporting/entry/step")
    String step(@RequestParam String form, @RequestParam String unit, @RequestParam String period, @RequestParam String action,
                @RequestParam(required = false) Integer version, @RequestParam(required = false) String reason,
                RedirectAttributes redirect) {
        var user = users.require();
        var question = new Question(form, unit, period);
        try {
            approvals.take(new Approvals.StepInput(form, unit, period, action, version, reason), user);
            redirect.addFlashAttribute("flashSuccess", text("reporting.approval.done." + action));
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("stepProblems", invalid.problems().stream()
                    .map(p -> ("cell".equals(p.field()) ? "" : text("field." + p.field()) + ": ") + text(p.messageKey(), p.args()))
                    .toList());
            redirect.addFlashAttribute("typedReason", reason);
            redirect.addFlashAttribute("typedAction", action);
        } catch (ConflictException stale) {
            redirect.addFlashAttribute("stepProblems", List.of(text("reporting.approval.stale", stale.key())));
        }
        return "redirect:" + href(question);
    }

    @GetMapping("/reporting/entry/xlsx")
    ResponseEntity<byte[]> template(@RequestParam String form, @RequestParam String unit, @RequestParam String period) {
        var bytes = entry.template(form, unit, period, users.require());
        return xlsx(bytes, form + "_" + unit + "_" + period + ".xlsx");
    }

    @PostMapping("/reporting/entry/import")
    String importXlsx(@RequestParam String form, @RequestParam String unit, @RequestParam String period,
                      @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        var user = users.require();
        var question = new Question(form, unit, period);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "validation.required");
            }
            var saved = entry.importXlsx(form, unit, period, file.getBytes(), user);
            redirect.addFlashAttribute("flashSuccess", text("reporting.entry.imported", saved.changed()));
            redirect.addFlashAttribute("warnings", saved.warnings().stream().map(p -> text(p.messageKey(), p.args())).toList());
            return "redirect:" + href(question);
        } catch (InvalidInputException invalid) {
            model.addAttribute("problems", invalid.problems().stream().map(p -> text(p.messageKey(), p.args())).toList());
            model.addAttribute("importFailed", true);
        } catch (GridConflictException conflict) {
            model.addAttribute("problems", List.of(text("reporting.entry.conflict", conflict.key())));
        } catch (ValueLockedException locked) {
            model.addAttribute("problems", List.of(ValueLockErrors.message(messages, locked)));
            model.addAttribute("importFailed", true);
        }
        show(question, user, model);
        model.addAttribute("typed", Map.of());
        model.addAttribute("typedComments", Map.of());
        model.addAttribute("typedTexts", Map.of());
        return "reporting/entry";
    }

    /** Puts the grid (or why there is none) on the page; null when it cannot be shown. */
    private EntryGrid show(Question question, CurrentUser user, Model model) {
        model.addAttribute("question", question);
        model.addAttribute("forms", forms.forms());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.form.list.title"), "/reporting/forms"), new Crumb(text("reporting.entry.title"), null)));
        try {
            var grid = entry.grid(question.form(), question.unit(), question.period(), user);
            model.addAttribute("grid", grid);
            model.addAttribute("approval", approvals.state(question.form(), question.unit(), question.period(), user));
            model.addAttribute("overdue", grid.deadline() != null && grid.deadline().isBefore(LocalDate.now(clock)));
            return grid;
        } catch (InvalidInputException invalid) {
            var shown = new ArrayList<String>();
            if (model.getAttribute("problems") instanceof List<?> earlier) {
                earlier.forEach(p -> shown.add(String.valueOf(p)));
            }
            invalid.problems().forEach(p -> shown.add(text("field." + p.field()) + ": " + text(p.messageKey(), p.args())));
            model.addAttribute("problems", shown);
        } catch (NotFoundException missing) {
            if (!"unit".equals(missing.what()) && !"form".equals(missing.what())) {
                throw missing;
            }
            model.addAttribute("problems", List.of(text("error.not-found." + missing.what(), missing.key())));
        }
        return null;
    }

    private Question question(String form, String unit, String period, CurrentUser user) {
        var reportingForms = forms.forms();
        var formCode = form != null && !form.isBlank() ? form.strip()
                : reportingForms.isEmpty() ? "" : reportingForms.get(0).code();
        var unitCode = unit != null && !unit.isBlank() ? unit.strip()
                : units.find(user.homeUnitId(), LocalDate.now(clock)).map(u -> u.code()).orElse("");
        var periodText = period;
        if (periodText == null || periodText.isBlank()) {
            periodText = reportingForms.stream().filter(f -> f.code().equals(formCode)).findFirst()
                    .map(f -> forms.lastEnded(f).identifier()).orElse(ReportingController.lastQuarter(LocalDate.now(clock)).identifier());
        }
        return new Question(formCode, unitCode, periodText.strip());
    }

    /** The lines named by the problems (their first argument), to mark them on the grid. */
    private static java.util.Set<Integer> badLines(InvalidInputException invalid) {
        var lines = new HashSet<Integer>();
        invalid.problems().stream().filter(p -> "cell".equals(p.field()) && p.args().length > 0 && p.args()[0] instanceof Integer)
                .forEach(p -> lines.add((Integer) p.args()[0]));
        return lines;
    }

    static String href(Question q) {
        return UriComponentsBuilder.fromPath("/reporting/entry").queryParam("form", q.form()).queryParam("unit", q.unit())
                .queryParam("period", q.period()).encode().build().toUriString();
    }

    static ResponseEntity<byte[]> xlsx(byte[] bytes, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(bytes);
    }

    /**
     * A number as Vietnamese write it on the screen ("22,6", "38.500", "1.250,5") in the plain form the
     * value types read ("22.6", "38500", "1250.5"); anything else unchanged.
     */
    static String vietnameseNumber(String typed) {
        if (typed == null) {
            return null;
        }
        var s = typed.strip();
        if (s.matches("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?") || s.matches("-?\\d+,\\d+")) {
            return s.replace(".", "").replace(',', '.');
        }
        return s;
    }

    /** A plain decimal ("22.6") as shown in the grid ("22,6"). */
    static String shown(String plain) {
        return plain != null && plain.matches("-?\\d+\\.\\d+") ? plain.replace('.', ',') : plain;
    }

    private static int parseInt(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
