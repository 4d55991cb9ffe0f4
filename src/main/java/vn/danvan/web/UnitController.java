package vn.danvan.web;

import vn.danvan.shared.Crumb;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.identity.UserManagement;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitEditing;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.orgunit.UnitQuery;
import vn.danvan.shared.NotFoundException;

/**
 * Unit pages: the list by level on a chosen day with search, a unit's detail with its history as
 * a timeline, the tree (children on demand), the unit picker, and the accounts of a unit (in scope
 * only). Names and kinds are those of the chosen day.
 */
@Controller
class UnitController {

    private static final int PAGE_SIZE = 50;

    private final OrgUnits units;
    private final CurrentUsers users;
    private final OrgScope scope;
    private final UserManagement userManagement;
    private final Labels labels;
    private final Clock clock;

    UnitController(OrgUnits units, CurrentUsers users, OrgScope scope, UserManagement userManagement,
                   Labels labels, Clock clock) {
        this.labels = labels;
        this.units = units;
        this.users = users;
        this.scope = scope;
        this.userManagement = userManagement;
        this.clock = clock;
    }

    @GetMapping("/units")
    String list(@RequestParam(defaultValue = "PROVINCE") UnitLevel level,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        var day = on == null ? LocalDate.now(clock) : on;
        var result = units.list(new UnitQuery(level, null, UnitCategory.AREA, day, q, null), Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("level", level);
        model.addAttribute("levels", new UnitLevel[] {UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE});
        model.addAttribute("on", day);
        model.addAttribute("q", q);
        model.addAttribute("result", result);
        model.addAttribute("breadcrumbs", Crumb.trail(label("nav.units"), null));
        return htmx != null ? "unit/list :: results" : "unit/list";
    }

    @GetMapping("/units/{id}")
    String detail(@PathVariable long id,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                  Model model) {
        var today = LocalDate.now(clock);
        var unit = units.get(id, on == null ? today : on);
        var day = on != null ? on : unit.validOn(today) ? today : lastDay(unit);
        if (!day.equals(on == null ? today : on)) {
            unit = units.get(id, day);
        }
        var user = users.require();
        var ancestors = units.ancestors(id, day);
        model.addAttribute("unit", unit);
        model.addAttribute("on", day);
        model.addAttribute("today", today);
        model.addAttribute("children", units.children(id, day));
        model.addAttribute("versions", units.versions(id));
        model.addAttribute("predecessors", units.predecessors(id));
        model.addAttribute("successors", units.successors(id));
        model.addAttribute("carriersToday", unit.validOn(today) ? List.of() : units.carriersOn(id, today));
        model.addAttribute("inScope", scope.canRead(user, id));
        model.addAttribute("administers", scope.canAdminister(user, id));
        model.addAttribute("keptByHand", UnitEditing.keptByHand(unit.kind()));
        var trail = new ArrayList<Crumb>();
        trail.add(new Crumb(label("nav.units"), "/units"));
        ancestors.stream().filter(a -> a.level() != UnitLevel.CENTRAL)
                .forEach(a -> trail.add(new Crumb(a.name(), "/units/" + a.id())));
        trail.add(new Crumb(unit.name(), null));
        model.addAttribute("breadcrumbs", trail);
        return "unit/detail";
    }

    @GetMapping("/units/{id}/children")
    String children(@PathVariable long id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                    Model model) {
        var day = on == null ? LocalDate.now(clock) : on;
        model.addAttribute("children", units.children(units.get(id, day).id(), day));
        model.addAttribute("on", day);
        return "unit/list :: tree";
    }

    /** A picker result with where it lies ("Tỉnh Lạng Sơn"), since names repeat across provinces. */
    record Choice(OrgUnit unit, String within) {
    }

    /**
     * The unit picker: with words, the accent-insensitive matches; without, a tree to walk — the
     * provinces, then the children of the unit opened ({@code parent}), with a way back up.
     */
    @GetMapping("/units/picker")
    String picker(@RequestParam(required = false) String q, @RequestParam(required = false) Long parent, Model model) {
        var today = LocalDate.now(clock);
        List<OrgUnit> found;
        if (parent != null) {
            var opened = units.get(parent, today);
            model.addAttribute("opened", opened);
            model.addAttribute("openedParent", opened.parentId() == null ? null
                    : units.find(opened.parentId(), today).filter(p -> p.level() != UnitLevel.CENTRAL).orElse(null));
            found = units.children(parent, today);
        } else if (q == null || q.isBlank()) {
            found = units.list(new UnitQuery(UnitLevel.PROVINCE, null, UnitCategory.AREA, today, null, null), 0, 100).content();
        } else {
            found = units.search(q, today, 15);
        }
        model.addAttribute("choices", found.stream()
                .map(u -> new Choice(u, parent != null || q == null || q.isBlank() ? "" : units.ancestors(u.id(), today).stream()
                        .filter(a -> a.level() != UnitLevel.CENTRAL)
                        .map(OrgUnit::name).reduce((a, b) -> a + " › " + b).orElse("")))
                .toList());
        return "unit/picker :: choices";
    }

    /** Chooses the unit shown in the header as the one the user works in. */
    @PostMapping("/units/current")
    String choose(@RequestParam long unitId, HttpSession session) {
        units.get(unitId, LocalDate.now(clock));
        session.setAttribute(ShellModel.CURRENT_UNIT, unitId);
        return "redirect:/units/" + unitId;
    }

    /** The accounts whose home is this unit: only within the user's scope, otherwise "not found". */
    @GetMapping("/units/{id}/users")
    String unitUsers(@PathVariable long id, Model model) {
        var user = users.require();
        var unit = units.get(id, LocalDate.now(clock));
        if (!scope.canRead(user, id)) {
            throw new NotFoundException("unit", id);
        }
        model.addAttribute("unit", unit);
        model.addAttribute("accounts", userManagement.listAtUnit(user, id));
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.units"), "/units"),
                new Crumb(unit.name(), "/units/" + id), new Crumb(label("nav.users"), null)));
        return "unit/users";
    }

    private static LocalDate lastDay(OrgUnit unit) {
        return unit.validTo() != null ? unit.validTo() : unit.validFrom();
    }

    private String label(String key) {
        return labels.get(key);
    }
}
