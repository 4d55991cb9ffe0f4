package vn.danvan.web;

import vn.danvan.shared.Crumb;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitEditing;
import vn.danvan.orgunit.UnitKind;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * A unit administrator adds bodies and residential areas under a unit in their scope, or renames
 * one from a day. Outside the administrator's scope the forms answer as not found.
 */
@Controller
class UnitEditController {

    /** What the form posts; the date comes from an {@code <input type="date">}. */
    record SubUnitForm(String code, UnitKind kind, String name, String nameEn,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom) {
    }

    record RenameForm(String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom) {
    }

    private final UnitEditing editing;
    private final OrgUnits units;
    private final CurrentUsers users;
    private final OrgScope scope;
    private final Labels labels;
    private final Clock clock;

    UnitEditController(UnitEditing editing, OrgUnits units, CurrentUsers users, OrgScope scope, Labels labels,
                       Clock clock) {
        this.editing = editing;
        this.units = units;
        this.users = users;
        this.scope = scope;
        this.labels = labels;
        this.clock = clock;
    }

    @GetMapping("/units/{id}/sub-units/new")
    String newSubUnit(@PathVariable long id, Model model) {
        var parent = administered(id);
        model.addAttribute("form", new SubUnitForm(null, null, null, null, LocalDate.now(clock)));
        return showSubUnitForm(parent, model);
    }

    @PostMapping("/units/{id}/sub-units")
    String addSubUnit(@PathVariable long id, @ModelAttribute("form") SubUnitForm form, BindingResult result,
                      Model model, RedirectAttributes redirect) {
        var parent = administered(id);
        if (!result.hasErrors()) {
            try {
                var added = editing.addSubUnit(id, new UnitEditing.NewSubUnit(form.code(), form.kind(), form.name(),
                        form.nameEn(), form.validFrom()));
                redirect.addFlashAttribute("flashSuccess", labels.get("unit.edit.added", added.name()));
                return "redirect:/units/" + added.id();
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        return showSubUnitForm(parent, model);
    }

    @GetMapping("/units/{id}/rename")
    String renameForm(@PathVariable long id, Model model) {
        var unit = administered(id);
        model.addAttribute("form", new RenameForm(unit.name(), LocalDate.now(clock)));
        return showRenameForm(unit, model);
    }

    @PostMapping("/units/{id}/rename")
    String rename(@PathVariable long id, @ModelAttribute("form") RenameForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        var unit = administered(id);
        if (!result.hasErrors()) {
            try {
                var renamed = editing.rename(id, form.name(), form.validFrom());
                redirect.addFlashAttribute("flashSuccess", labels.get("unit.edit.renamed", renamed.name()));
                return "redirect:/units/" + id + "?on=" + form.validFrom();
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        return showRenameForm(unit, model);
    }

    private String showSubUnitForm(OrgUnit parent, Model model) {
        model.addAttribute("unit", parent);
        model.addAttribute("kinds", Arrays.stream(UnitKind.values()).filter(UnitEditing::keptByHand).toList());
        model.addAttribute("breadcrumbs", List.of(new Crumb(parent.name(), "/units/" + parent.id()),
                new Crumb(labels.get("unit.edit.add"), null)));
        return "unit/sub-unit-form";
    }

    private String showRenameForm(OrgUnit unit, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("breadcrumbs", List.of(new Crumb(unit.name(), "/units/" + unit.id()),
                new Crumb(labels.get("unit.edit.rename"), null)));
        return "unit/rename-form";
    }

    private OrgUnit administered(long id) {
        var unit = units.get(id, LocalDate.now(clock));
        if (!scope.canAdminister(users.require(), id)) {
            throw new NotFoundException("unit", id);
        }
        return unit;
    }
}
