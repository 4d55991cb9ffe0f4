package vn.danvan.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.reporting.DashboardItems.DashboardItem;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * A unit's dashboard {@code /reporting/dashboard?unit=CODE} (default: the user's own unit): its saved
 * pivots and charts, each answered live; officers of the unit reorder and remove them. Items are
 * added from the pivot page.
 */
@Controller
class DashboardController {

    /** An item with its live answer, or the problem that kept it from being answered. */
    record Shown(DashboardItem item, Pivot pivot, PivotTable table, String chartJson, String problem) {
    }

    private final DashboardItems items;
    private final Pivots pivots;
    private final PivotController pivotPage;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final OrgScope scope;
    private final MessageSource messages;
    private final Clock clock;

    DashboardController(DashboardItems items, Pivots pivots, PivotController pivotPage, CurrentUsers users, OrgUnits units,
                        OrgScope scope, MessageSource messages, Clock clock) {
        this.items = items;
        this.pivots = pivots;
        this.pivotPage = pivotPage;
        this.users = users;
        this.units = units;
        this.scope = scope;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/reporting/dashboard")
    String dashboard(@RequestParam(required = false) String unit, Model model) {
        var user = users.require();
        var today = LocalDate.now(clock);
        var code = unit != null && !unit.isBlank() ? unit.strip()
                : units.find(user.homeUnitId(), today).map(u -> u.code()).orElse("");
        var owner = units.findByCode(code, today).orElseThrow(() -> new NotFoundException("unit", code));
        var shown = new ArrayList<Shown>();
        for (var item : items.of(code, user)) {
            try {
                var pivot = pivots.pivot(item.question(), user);
                shown.add(new Shown(item, pivot, pivotPage.table(pivot),
                        item.kind() == DashboardItems.Kind.CHART ? pivotPage.chartJson(pivot) : null, null));
            } catch (InvalidInputException invalid) {
                shown.add(new Shown(item, null, null, null, invalid.problems().stream()
                        .map(p -> label(p.field()) + ": " + text(p.messageKey(), p.args())).reduce((a, b) -> a + "; " + b).orElse("")));
            } catch (NotFoundException missing) {
                shown.add(new Shown(item, null, null, null, text("error.not-found." + missing.what(), missing.key())));
            }
        }
        model.addAttribute("owner", owner);
        model.addAttribute("items", shown);
        model.addAttribute("canEdit", scope.canWrite(user, owner.id()));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.dashboard.title"), null)));
        return "reporting/dashboard";
    }

    @PostMapping("/reporting/dashboard/items")
    String add(@RequestParam String unit, @RequestParam(required = false) String title, @RequestParam(required = false) String kind,
               @RequestParam String query, RedirectAttributes redirect) {
        var user = users.require();
        var question = PivotQuestion.fromQuery(query);
        try {
            var item = items.add(unit, kind, title, question, user);
            redirect.addFlashAttribute("flashSuccess", text("reporting.dashboard.added", item.title()));
            return "redirect:" + dashboardOf(item.unit());
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("flashError", invalid.problems().stream()
                    .map(p -> label(p.field()) + ": " + text(p.messageKey(), p.args())).reduce((a, b) -> a + "; " + b).orElse(""));
            return "redirect:/reporting/pivot?" + question.toQuery();
        }
    }

    @PostMapping("/reporting/dashboard/items/{id}/move")
    String move(@PathVariable long id, @RequestParam String direction, @RequestParam int version, @RequestParam String unit,
                RedirectAttributes redirect) {
        try {
            items.move(id, "up".equals(direction), version, users.require());
        } catch (ConflictException stale) {
            redirect.addFlashAttribute("flashError", text("reporting.dashboard.stale"));
        }
        return "redirect:" + dashboardOf(unit);
    }

    @PostMapping("/reporting/dashboard/items/{id}/delete")
    String remove(@PathVariable long id, @RequestParam int version, @RequestParam String unit, RedirectAttributes redirect) {
        try {
            items.remove(id, version, users.require());
            redirect.addFlashAttribute("flashSuccess", text("reporting.dashboard.removed"));
        } catch (ConflictException stale) {
            redirect.addFlashAttribute("flashError", text("reporting.dashboard.stale"));
        }
        return "redirect:" + dashboardOf(unit);
    }

    private static String dashboardOf(String unit) {
        return UriComponentsBuilder.fromPath("/reporting/dashboard").queryParam("unit", unit).encode().build().toUriString();
    }

    /** The field's label: the dashboard's own words for its fields, else the common ones. */
    private String label(String field) {
        return messages.getMessage("reporting.dashboard.field." + field, null, text("field." + field), LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
