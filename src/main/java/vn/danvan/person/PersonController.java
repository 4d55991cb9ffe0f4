package vn.danvan.person;

import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.person.PersonViews.PersonInput;
import vn.danvan.person.PersonViews.PositionInput;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;

/** The people screens: search, a person with positions over time, adding a person or a position. */
@Controller
class PersonController {

    private final People people;
    private final CurrentUsers users;
    private final MessageSource messages;

    PersonController(People people, CurrentUsers users, MessageSource messages) {
        this.people = people;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/people")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var user = users.require();
        model.addAttribute("q", q);
        model.addAttribute("results", people.search(q, Math.max(0, page), 25, user));
        model.addAttribute("homeUnitId", user.homeUnitId());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("person.nav"), null)));
        return htmx != null ? "person/list :: results" : "person/list";
    }

    @PostMapping("/people")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String gender,
                  @RequestParam(required = false) String birthYear, @RequestParam(required = false) Long ownerUnitId, Model model,
                  RedirectAttributes redirect) {
        var user = users.require();
        try {
            var id = people.create(new PersonInput(name, gender, year(birthYear), ownerUnitId == null ? user.homeUnitId() : ownerUnitId), user);
            redirect.addFlashAttribute("flashSuccess", text("person.saved"));
            return "redirect:/people/" + id;
        } catch (InvalidInputException invalid) {
            model.addAttribute("errors", invalid.problems().stream().map(this::fieldText).toList());
            model.addAttribute("typedName", name);
            model.addAttribute("typedGender", gender);
            model.addAttribute("typedBirthYear", birthYear);
            return list(null, 0, null, model);
        }
    }

    @GetMapping("/people/{id}")
    String detail(@PathVariable long id, Model model) {
        var person = people.detail(id, users.require());
        model.addAttribute("person", person);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("person.nav"), "/people"), new Crumb(person.name(), null)));
        return "person/detail";
    }

    @PostMapping("/people/{id}/edit")
    String update(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String gender,
                  @RequestParam(required = false) String birthYear, @RequestParam(required = false) Integer version, Model model,
                  RedirectAttributes redirect) {
        var user = users.require();
        try {
            people.update(id, new PersonInput(name, gender, year(birthYear), 0L), version == null ? -1 : version, user);
            redirect.addFlashAttribute("flashSuccess", text("person.saved"));
            return "redirect:/people/" + id;
        } catch (InvalidInputException invalid) {
            model.addAttribute("personErrors", invalid.problems().stream().map(this::fieldText).toList());
            model.addAttribute("typedName", name);
            return detail(id, model);
        } catch (ConflictException stale) {
            redirect.addFlashAttribute("flashError", text("error.conflict", stale.key()));
            return "redirect:/people/" + id;
        }
    }

    @PostMapping("/people/{id}/positions")
    String addPosition(@PathVariable long id, @RequestParam(required = false) Long unitId, @RequestParam(required = false) String title,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                       Model model, RedirectAttributes redirect) {
        try {
            people.addPosition(id, new PositionInput(unitId, title, validFrom, validTo), users.require());
            redirect.addFlashAttribute("flashSuccess", text("person.position.saved"));
            return "redirect:/people/" + id;
        } catch (InvalidInputException invalid) {
            model.addAttribute("positionErrors", invalid.problems().stream().map(this::fieldText).toList());
            model.addAttribute("typedTitle", title);
            model.addAttribute("typedFrom", validFrom);
            model.addAttribute("typedTo", validTo);
            return detail(id, model);
        }
    }

    @PostMapping("/people/{id}/positions/{positionId}/delete")
    String removePosition(@PathVariable long id, @PathVariable long positionId, RedirectAttributes redirect) {
        people.removePosition(id, positionId, users.require());
        redirect.addFlashAttribute("flashSuccess", text("person.position.removed"));
        return "redirect:/people/" + id;
    }

    /** A typed year: blank is none, anything not a number is refused naming the field. */
    private static Integer year(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("birthYear", "validation.bad-value", typed.strip());
        }
    }

    private String fieldText(InvalidInputException.Problem p) {
        var locale = LocaleContextHolder.getLocale();
        return messages.getMessage("field." + p.field(), null, p.field(), locale) + ": "
                + messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
