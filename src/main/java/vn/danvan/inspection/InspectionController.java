package vn.danvan.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.inspection.InspectionQueries.InspectionFilter;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.person.People;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;

/**
 * The inspection screens: the yearly list of a body's inspections and supervisions (and those of the
 * units it covers), an inspection's page, and the planning form. The form keeps what the officer typed
 * when something is wrong, each problem beside its field; problems of the team are listed above it.
 */
@Controller
class InspectionController {

    private final InspectionManagement management;
    private final InspectionQueries queries;
    private final InspectionPages pages;
    private final References refs;
    private final InspectionFields fields;
    private final People people;
    private final OrgUnits units;
    private final OrgScope scope;
    private final CurrentUsers users;
    private final Clock clock;

    InspectionController(InspectionManagement management, InspectionQueries queries, InspectionPages pages, References refs,
                         InspectionFields fields, People people, OrgUnits units, OrgScope scope, CurrentUsers users, Clock clock) {
        this.management = management;
        this.queries = queries;
        this.pages = pages;
        this.refs = refs;
        this.fields = fields;
        this.people = people;
        this.units = units;
        this.scope = scope;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/inspections")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) InspectionKind kind,
                @RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var user = users.require();
        List<Long> unitIds = null;
        if (unit != null && !unit.isBlank()) {
            var u = units.findByCode(unit.strip(), LocalDate.now(clock)).orElseThrow(() -> new NotFoundException("unit", unit));
            scope.requireRead(user, u.id(), "unit", unit);
            unitIds = queries.subtreeIds(u.id());
        }
        model.addAttribute("q", q);
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", InspectionKind.values());
        model.addAttribute("results", queries.search(new InspectionFilter(q, unitIds, year, kind), Math.max(0, page), 25, user));
        model.addAttribute("breadcrumbs", List.of(new Crumb(fields.text("inspection.nav"), null)));
        return htmx != null ? "inspection/list :: results" : "inspection/list";
    }

    @GetMapping("/inspections/{id}")
    String detail(@PathVariable long id, Model model) {
        return pages.detail(id, model);
    }

    @GetMapping("/inspections/new")
    String newForm(Model model) {
        return form(null, InspectionForm.blank(LocalDate.now(clock)), model);
    }

    @PostMapping("/inspections/new")
    String create(@ModelAttribute("form") InspectionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        var user = users.require();
        try {
            var id = management.create(input(form), user);
            redirect.addFlashAttribute("flashSuccess", fields.text("inspection.saved"));
            return "redirect:/inspections/" + id;
        } catch (InvalidInputException invalid) {
            reject(invalid, result, model);
            return form(null, form, model);
        }
    }

    @GetMapping("/inspections/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        var d = queries.detail(id, users.require());
        if (!d.canWrite()) {
            throw new NotFoundException("inspection", id);
        }
        return form(id, InspectionForm.of(d), model);
    }

    @PostMapping("/inspections/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") InspectionForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        var user = users.require();
        try {
            management.update(id, input(form), form.version() == null ? -1 : form.version(), user);
            redirect.addFlashAttribute("flashSuccess", fields.text("inspection.saved"));
            return "redirect:/inspections/" + id;
        } catch (InvalidInputException invalid) {
            reject(invalid, result, model);
            return form(id, form, model);
        } catch (ConflictException stale) {
            redirect.addFlashAttribute("flashError", fields.text("error.conflict", stale.key()));
            return "redirect:/inspections/" + id;
        }
    }

    private String form(Long id, InspectionForm form, Model model) {
        var user = users.require();
        model.addAttribute("form", form);
        model.addAttribute("inspectionId", id);
        model.addAttribute("kinds", InspectionKind.values());
        model.addAttribute("modes", InspectionMode.values());
        model.addAttribute("roles", TeamRole.values());
        model.addAttribute("persons", people.search(null, 0, 500, user).content());
        model.addAttribute("inspectingUnitName", form.inspectingUnitId() == null ? null
                : units.find(form.inspectingUnitId(), LocalDate.now(clock)).map(u -> u.name()).orElse(null));
        var title = fields.text(id == null ? "inspection.new.title" : "inspection.edit.title");
        model.addAttribute("pageTitle", title);
        model.addAttribute("breadcrumbs", List.of(new Crumb(fields.text("inspection.nav"), "/inspections"), new Crumb(title, null)));
        return "inspection/form";
    }

    /** What the form says, with the typed references resolved; every unreadable reference is reported at once. */
    private InspectionInput input(InspectionForm form) {
        var problems = new ArrayList<Problem>();
        var day = form.startsOn();
        var subjects = new ArrayList<Long>();
        for (var line : form.subjectLines()) {
            collect(problems, () -> subjects.add(refs.documentId(line, "subjectIdentifiers")));
        }
        var targets = new ArrayList<Long>();
        for (var code : form.targetCodes()) {
            collect(problems, () -> targets.add(refs.unitId(code, day, "targetUnitCodes")));
        }
        var members = new ArrayList<InspectionInput.MemberInput>();
        for (int i = 0; i < form.memberPersonIds().size(); i++) {
            var person = form.memberPersonIds().get(i);
            var body = i < form.memberBodyCodes().size() ? form.memberBodyCodes().get(i) : null;
            var role = i < form.memberRoles().size() ? form.memberRoles().get(i) : null;
            if (person == null && (body == null || body.isBlank()) && role == null) {
                continue;
            }
            var row = members.size();
            var bodyId = new Long[1];
            collect(problems, () -> bodyId[0] = refs.unitId(body, day, "members[" + row + "].bodyUnitId"));
            members.add(new InspectionInput.MemberInput(person, bodyId[0], role));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new InspectionInput(form.kind(), form.mode(), form.title(), form.startsOn(), form.endsOn(), form.inspectingUnitId(), subjects,
                members, targets, form.reportDueOn());
    }

    private static void collect(List<Problem> problems, Runnable read) {
        try {
            read.run();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
    }

    /** Each problem beside its field; the team's problems above the team. */
    private void reject(InvalidInputException invalid, BindingResult result, Model model) {
        var team = new ArrayList<String>();
        for (var p : invalid.problems()) {
            var field = switch (p.field()) {
                case "subjects" -> "subjectIdentifiers";
                case "targets" -> "targetUnitCodes";
                default -> p.field();
            };
            if (field.startsWith("members")) {
                team.add(fields.message(p));
            } else if (List.of("kind", "mode", "title", "startsOn", "endsOn", "inspectingUnitId", "subjectIdentifiers", "targetUnitCodes",
                    "reportDueOn").contains(field)) {
                result.rejectValue(field, p.messageKey(), p.args(), fields.text(p.messageKey(), p.args()));
            } else {
                result.reject(p.messageKey(), p.args(), fields.message(p));
            }
        }
        model.addAttribute("teamErrors", team);
    }
}
