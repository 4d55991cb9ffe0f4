package vn.danvan.petition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;

/**
 * The reception desk's screens: the sessions and the published schedule, a new session, one session
 * with its visits, the visit form (persons, matter, refusal, crowd, instruction, petition taken) and
 * the notice of conclusion of a head's session.
 */
@Controller
class ReceptionController {

    record SessionForm(Long unitId, SessionKind sessionKind, SessionHost host, SessionMode mode,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, String place, String hostName,
                       String hostTitle, Boolean scheduled) {
    }

    record VisitForm(Integer personsCount, Integer representativesCount, String matterNumber, Boolean firstTime,
                     ContentKind contentKind, String summary, Long placeUnitId, Boolean refused, RefusalReason refusalReason,
                     String instruction, Long instructionUnitId,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate instructionDueOn, String visitorNames,
                     Boolean petition) {
    }

    record ConclusionForm(String conclusionNumber, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate conclusionOn,
                          String conclusionText) {
    }

    private final OrgScope scope;
    private final ReceptionDesk desk;
    private final PetitionQueries queries;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    ReceptionController(ReceptionDesk desk, PetitionQueries queries, CurrentUsers users, OrgUnits units, MessageSource messages,
                        Clock clock, OrgScope scope) {
        this.scope = scope;
        this.desk = desk;
        this.queries = queries;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/reception")
    String sessions(Model model) {
        var user = users.require();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SessionForm(user.homeUnitId(), SessionKind.REGULAR, SessionHost.OFFICE, SessionMode.IN_PERSON,
                    LocalDate.now(clock), null, null, null, false));
        }
        return showSessions(model);
    }

    @PostMapping("/reception/sessions")
    String open(@ModelAttribute("form") SessionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        var user = users.require();
        if (!result.hasErrors()) {
            try {
                var id = desk.openSession(new ReceptionDesk.NewSession(form.unitId() == null ? 0 : form.unitId(), form.sessionKind(),
                        form.host(), form.mode(), form.heldOn(), form.place(), form.hostName(), form.hostTitle(),
                        Boolean.TRUE.equals(form.scheduled())), user);
                redirect.addFlashAttribute("flashSuccess", text("petition.session.opened"));
                return "redirect:/reception/sessions/" + id;
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        return showSessions(model);
    }

    private String showSessions(Model model) {
        var user = users.require();
        var form = (SessionForm) model.getAttribute("form");
        var sessions = desk.sessions(user, false, 100);
        var schedule = desk.sessions(user, true, 20);
        model.addAttribute("sessions", sessions);
        model.addAttribute("schedule", schedule);
        // the form that opens a session only for those who may write their unit: a viewer saw it and was refused on saving
        model.addAttribute("mayWrite", scope.canWrite(user, user.homeUnitId()));
        var ids = new java.util.HashSet<Long>();
        sessions.forEach(x -> ids.add(x.unitId()));
        schedule.forEach(x -> ids.add(x.unitId()));
        model.addAttribute("unitNames", names(ids));
        model.addAttribute("unitName", form == null || form.unitId() == null ? null
                : units.find(form.unitId(), LocalDate.now(clock)).map(u -> u.name()).orElse(null));
        model.addAttribute("kinds", SessionKind.values());
        model.addAttribute("hosts", SessionHost.values());
        model.addAttribute("modes", SessionMode.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("petition.nav"), "/petitions"), new Crumb(text("petition.nav.reception"), null)));
        return "petition/reception";
    }

    @GetMapping("/reception/sessions/{id}")
    String session(@PathVariable long id, Model model) {
        if (!model.containsAttribute("visit")) {
            model.addAttribute("visit", new VisitForm(1, 0, null, true, null, null, null, false, null, null, null, null, null, false));
        }
        if (!model.containsAttribute("conclusion")) {
            var s = desk.session(id, users.require());
            model.addAttribute("conclusion", new ConclusionForm(s.conclusionNumber(),
                    s.conclusionOn() == null ? LocalDate.now(clock) : s.conclusionOn(), s.conclusionText()));
        }
        return showSession(id, model);
    }

    @PostMapping("/reception/sessions/{id}/visits")
    String visit(@PathVariable long id, @ModelAttribute("visit") VisitForm form, BindingResult result, Model model,
                 RedirectAttributes redirect) {
        var user = users.require();
        if (!result.hasErrors()) {
            try {
                var matterId = form.matterNumber() == null || form.matterNumber().isBlank() ? null
                        : queries.matterByNumber(form.matterNumber().strip(), user).id();
                var persons = new ArrayList<PersonInput>();
                if (form.visitorNames() != null) {
                    form.visitorNames().lines().map(String::strip).filter(s -> !s.isEmpty())
                            .forEach(name -> persons.add(new PersonInput(PersonRole.VISITOR, false, name, null, null, null)));
                }
                var ref = desk.recordVisit(id, new ReceptionDesk.NewVisit(form.personsCount() == null ? 0 : form.personsCount(),
                        form.representativesCount() == null ? 0 : form.representativesCount(), matterId, form.firstTime(),
                        form.contentKind(), form.summary(), form.placeUnitId(), Boolean.TRUE.equals(form.refused()),
                        form.refusalReason(), form.instruction(), form.instructionUnitId(), form.instructionDueOn(), persons,
                        Boolean.TRUE.equals(form.petition()), null), user);
                redirect.addFlashAttribute("flashSuccess", ref.petitionNumber() != null
                        ? text("petition.visit.saved-with-petition", ref.petitionNumber()) : text("petition.visit.saved"));
                return "redirect:/reception/sessions/" + id;
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        model.addAttribute("conclusion", new ConclusionForm(null, LocalDate.now(clock), null));
        return showSession(id, model);
    }

    @PostMapping("/reception/sessions/{id}/conclusion")
    String conclude(@PathVariable long id, @ModelAttribute("conclusion") ConclusionForm form, BindingResult result, Model model,
                    RedirectAttributes redirect) {
        try {
            desk.conclude(id, form.conclusionNumber(), form.conclusionOn(), form.conclusionText(), users.require());
            redirect.addFlashAttribute("flashSuccess", text("petition.session.concluded"));
            return "redirect:/reception/sessions/" + id;
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(invalid, result);
        }
        model.addAttribute("visit", new VisitForm(1, 0, null, true, null, null, null, false, null, null, null, null, null, false));
        return showSession(id, model);
    }

    private String showSession(long id, Model model) {
        var user = users.require();
        var s = desk.session(id, user);
        model.addAttribute("receptionSession", s);
        // the visit and conclusion forms only for those who may write the session's unit; a viewer reads the conclusion
        model.addAttribute("mayWrite", scope.canWrite(user, s.unitId()));
        model.addAttribute("unitName", units.find(s.unitId(), s.heldOn()).map(u -> u.name()).orElse(""));
        model.addAttribute("contentKinds", ContentKind.values());
        model.addAttribute("refusalReasons", RefusalReason.values());
        model.addAttribute("placeName", null);
        model.addAttribute("instructionUnitName", null);
        var ids = new java.util.HashSet<Long>();
        s.visits().forEach(v -> {
            if (v.placeUnitId() != null) ids.add(v.placeUnitId());
            if (v.instructionUnitId() != null) ids.add(v.instructionUnitId());
        });
        model.addAttribute("unitNames", names(ids));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("petition.nav.reception"), "/reception"),
                new Crumb(text("petition.session.title", s.heldOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))), null)));
        return "petition/session";
    }

    /** Names of units for the templates, as of today. */
    private java.util.Map<Long, String> names(java.util.Set<Long> ids) {
        var today = LocalDate.now(clock);
        var names = new java.util.HashMap<Long, String>();
        ids.forEach(id -> units.find(id, today).ifPresent(u -> names.put(id, u.name())));
        return names;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
