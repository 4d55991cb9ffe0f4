package vn.danvan.dialogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.person.People;
import vn.danvan.petition.ContentKind;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * The officers' dialogue screens: the list, the form, a dialogue's page (opinions, answers, commitments
 * with their follow-up, hand-over to petitions, figures) and the summary report. A refused form comes back
 * as typed, each problem naming its field.
 */
@Controller
class DialogueController {

    private final DialogueManagement management;
    private final Commitments commitments;
    private final DialogueQueries queries;
    private final DialogueReport report;
    private final People people;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    DialogueController(DialogueManagement management, Commitments commitments, DialogueQueries queries, DialogueReport report,
                       People people, CurrentUsers users, OrgUnits units, MessageSource messages, Clock clock) {
        this.management = management;
        this.commitments = commitments;
        this.queries = queries;
        this.report = report;
        this.people = people;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/dialogues")
    String list(@RequestParam(required = false) String q,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        var filter = new DialogueQueries.Filter(q, null, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("results", queries.search(filter, Math.max(0, page), 25, users.require()));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("dialogue.nav"), null)));
        return htmx != null ? "dialogue/list :: results" : "dialogue/list";
    }

    // ---- the form -------------------------------------------------------------------------------

    @GetMapping("/dialogues/new")
    String newDialogue(Model model) {
        var user = users.require();
        var typed = new HashMap<String, String>();
        typed.put("organisingUnitId", Long.toString(user.homeUnitId()));
        typed.put("dialogueStart", "08:00");
        typed.put("dialogueEnd", "11:30");
        return showForm(typed, List.of(), model);
    }

    @PostMapping("/dialogues/new")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        var typed = params.toSingleValueMap();
        var problems = new ArrayList<Problem>();
        var participants = new EnumMap<Audience, Integer>(Audience.class);
        for (var a : Audience.values()) {
            var n = integer(typed, "participants." + a.name(), "participants", problems);
            if (n != null) {
                participants.put(a, n);
            }
        }
        var input = new DialogueInput(typed.get("dialogueTitle"), date(typed, "dialogueDate", problems), time(typed, "dialogueStart", problems),
                time(typed, "dialogueEnd", problems), typed.get("dialoguePlace"), longValue(typed, "organisingUnitId", problems),
                longValue(typed, "chairPersonId", problems), participants, integer(typed, "raisedCount", "raisedCount", problems),
                integer(typed, "answeredCount", "answeredCount", problems), typed.get("dialogueSummary"));
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            var id = management.create(input, users.require());
            redirect.addFlashAttribute("flashSuccess", text("dialogue.saved"));
            return "redirect:/dialogues/" + id;
        } catch (InvalidInputException invalid) {
            return showForm(typed, invalid.problems(), model);
        }
    }

    private String showForm(Map<String, String> typed, List<Problem> problems, Model model) {
        var user = users.require();
        model.addAttribute("typed", typed);
        model.addAttribute("errors", messagesOf(problems));
        model.addAttribute("errorFields", problems.stream().map(Problem::field).toList());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("persons", people.search(null, 0, 200, user).content());
        var unitId = parseLong(typed.get("organisingUnitId"));
        model.addAttribute("unitName", unitId == null ? null : units.find(unitId, LocalDate.now(clock)).map(u -> u.name()).orElse(null));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("dialogue.nav"), "/dialogues"), new Crumb(text("dialogue.new.title"), null)));
        return "dialogue/form";
    }

    // ---- a dialogue's page ----------------------------------------------------------------------

    @GetMapping("/dialogues/{id}")
    String detail(@PathVariable long id, Model model) {
        return showDetail(id, model);
    }

    private String showDetail(long id, Model model) {
        var user = users.require();
        var d = queries.detail(id, user);
        model.addAttribute("dialogue", d);
        var counts = new HashMap<String, Integer>();
        d.participants().forEach(p -> counts.put(p.audience().name(), p.count()));
        model.addAttribute("participantCounts", counts);
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("speakerKinds", SpeakerKind.values());
        model.addAttribute("fields", OpinionField.values());
        model.addAttribute("persons", d.canWrite() ? people.search(null, 0, 200, user).content() : List.of());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("dialogue.nav"), "/dialogues"), new Crumb(d.title(), null)));
        return "dialogue/detail";
    }

    /** A refused form of the dialogue's page: the page again, the problems beside the form that caused them. */
    private String refused(long id, String section, Long opinionId, InvalidInputException invalid, Map<String, String> typed, Model model) {
        model.addAttribute("errorSection", section);
        model.addAttribute("errorOpinion", opinionId);
        model.addAttribute("errors", messagesOf(invalid.problems()));
        model.addAttribute("typed", typed);
        return showDetail(id, model);
    }

    @PostMapping("/dialogues/{id}/figures")
    String figures(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        var typed = params.toSingleValueMap();
        var problems = new ArrayList<Problem>();
        var participants = new EnumMap<Audience, Integer>(Audience.class);
        for (var a : Audience.values()) {
            var n = integer(typed, "participants." + a.name(), "participants", problems);
            if (n != null) {
                participants.put(a, n);
            }
        }
        try {
            var raised = integer(typed, "raisedCount", "raisedCount", problems);
            var answered = integer(typed, "answeredCount", "answeredCount", problems);
            var version = integer(typed, "version", "version", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            management.updateFigures(id, participants, raised, answered, typed.get("dialogueSummary"), version == null ? -1 : version,
                    users.require());
            redirect.addFlashAttribute("flashSuccess", text("dialogue.figures.saved"));
            return "redirect:/dialogues/" + id;
        } catch (InvalidInputException invalid) {
            return refused(id, "figures", null, invalid, typed, model);
        } catch (ConflictException conflict) {
            return refused(id, "figures", null, new InvalidInputException("version", "dialogue.stale"), typed, model);
        }
    }

    @PostMapping("/dialogues/{id}/opinions")
    String addOpinion(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        var typed = params.toSingleValueMap();
        try {
            management.addOpinion(id, new OpinionInput(enumValue(SpeakerKind.class, typed.get("speakerKind")), typed.get("speakerName"),
                    typed.get("speakerContact"), typed.get("opinionTopic"), enumValue(OpinionField.class, typed.get("opinionField")),
                    typed.get("opinionPlace")), users.require());
            redirect.addFlashAttribute("flashSuccess", text("dialogue.opinion.saved"));
            return "redirect:/dialogues/" + id + "#opinions";
        } catch (InvalidInputException invalid) {
            return refused(id, "opinion", null, invalid, typed, model);
        }
    }

    @PostMapping("/dialogues/{id}/opinions/{opinionId}/answer")
    String answer(@PathVariable long id, @PathVariable long opinionId, @RequestParam MultiValueMap<String, String> params, Model model,
                  RedirectAttributes redirect) {
        var typed = params.toSingleValueMap();
        var problems = new ArrayList<Problem>();
        try {
            var person = longValue(typed, "answeredByPersonId", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            management.answer(id, opinionId, typed.get("answerText"), person, users.require());
            redirect.addFlashAttribute("flashSuccess", text("dialogue.answer.saved"));
            return "redirect:/dialogues/" + id + "#opinion-" + opinionId;
        } catch (InvalidInputException invalid) {
            return refused(id, "answer", opinionId, invalid, typed, model);
        }
    }

    @PostMapping("/dialogues/{id}/opinions/{opinionId}/commitment")
    String assign(@PathVariable long id, @PathVariable long opinionId, @RequestParam MultiValueMap<String, String> params, Model model,
                  RedirectAttributes redirect) {
        var typed = params.toSingleValueMap();
        var problems = new ArrayList<Problem>();
        try {
            var unit = longValue(typed, "commitmentUnitId", problems);
            var due = date(typed, "commitmentDueOn", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            commitments.assign(id, opinionId, typed.get("commitmentTitle"), unit, due, users.require());
            redirect.addFlashAttribute("flashSuccess", text("dialogue.commitment.saved"));
            return "redirect:/dialogues/" + id + "#opinion-" + opinionId;
        } catch (InvalidInputException invalid) {
            return refused(id, "commitment", opinionId, invalid, typed, model);
        }
    }

    @PostMapping("/dialogues/{id}/opinions/{opinionId}/accept")
    String accept(@PathVariable long id, @PathVariable long opinionId, @RequestParam int version, Model model,
                  RedirectAttributes redirect) {
        try {
            commitments.accept(id, opinionId, version, users.require());
            redirect.addFlashAttribute("flashSuccess", text("dialogue.commitment.accepted"));
            return "redirect:/dialogues/" + id + "#opinion-" + opinionId;
        } catch (InvalidInputException invalid) {
            return refused(id, "verdict", opinionId, invalid, Map.of(), model);
        } catch (ConflictException conflict) {
            return refused(id, "verdict", opinionId, new InvalidInputException("version", "dialogue.stale"), Map.of(), model);
        }
    }

    @PostMapping("/dialogues/{id}/opinions/{opinionId}/send-back")
    String sendBack(@PathVariable long id, @PathVariable long opinionId, @RequestParam int version,
                    @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            commitments.sendBack(id, opinionId, reason, version, users.require());
            redirect.addFlashAttribute("flashSuccess", text("dialogue.commitment.sent-back"));
            return "redirect:/dialogues/" + id + "#opinion-" + opinionId;
        } catch (InvalidInputException invalid) {
            return refused(id, "verdict", opinionId, invalid, Map.of("reason", reason == null ? "" : reason), model);
        } catch (ConflictException conflict) {
            return refused(id, "verdict", opinionId, new InvalidInputException("version", "dialogue.stale"), Map.of(), model);
        }
    }

    @PostMapping("/dialogues/{id}/opinions/{opinionId}/petition")
    String handToPetition(@PathVariable long id, @PathVariable long opinionId, @RequestParam(required = false) String petitionKind,
                          Model model, RedirectAttributes redirect) {
        try {
            var number = commitments.handToPetition(id, opinionId, enumValue(ContentKind.class, petitionKind), null, users.require());
            redirect.addFlashAttribute("flashSuccess", text("dialogue.petition.saved", number));
            return "redirect:/dialogues/" + id + "#opinion-" + opinionId;
        } catch (InvalidInputException invalid) {
            return refused(id, "petition", opinionId, invalid, Map.of(), model);
        }
    }

    @GetMapping("/dialogues/{id}/report.docx")
    ResponseEntity<byte[]> summaryReport(@PathVariable long id) {
        var file = report.summary(id, users.require());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .contentType(MediaType.parseMediaType(vn.danvan.export.Docx.CONTENT_TYPE)).body(file.content());
    }

    // ---- reading what was typed -----------------------------------------------------------------

    private List<String> messagesOf(List<Problem> problems) {
        return problems.stream().map(this::fieldText).toList();
    }

    /** "Hạn hoàn thành: không được để trống" — the field's label, then the problem. */
    private String fieldText(Problem p) {
        var label = text("field." + p.field());
        return label + ": " + text(p.messageKey(), p.args());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Long parseLong(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(Map<String, String> typed, String field, List<Problem> problems) {
        var s = typed.get(field);
        if (s == null || s.isBlank()) {
            return null;
        }
        var v = parseLong(s);
        if (v == null) {
            problems.add(new Problem(field, "validation.bad-value", s));
        }
        return v;
    }

    private static Integer integer(Map<String, String> typed, String name, String field, List<Problem> problems) {
        var s = typed.get(name);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip().replace(".", ""));
        } catch (NumberFormatException e) {
            problems.add(new Problem(field, "validation.bad-value", s));
            return null;
        }
    }

    private static LocalDate date(Map<String, String> typed, String field, List<Problem> problems) {
        var s = typed.get(field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return s.contains("/") ? LocalDate.parse(s.strip(), java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                    : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new Problem(field, "validation.bad-date", s));
            return null;
        }
    }

    private static LocalTime time(Map<String, String> typed, String field, List<Problem> problems) {
        var s = typed.get(field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new Problem(field, "validation.bad-value", s));
            return null;
        }
    }
}
