package vn.danvan.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.AllocationShares;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * System administrators set the allocation shares of split units (contracts §4, §6): the percent of a
 * split unit's figures each successor carries when reports are restated to today's units. Other
 * users get 404. The service audits each change.
 */
@Controller
class UnitShareController {

    private static final String PREFIX = "share.";

    private final AllocationShares shares;
    private final CurrentUsers users;
    private final Labels labels;

    UnitShareController(AllocationShares shares, CurrentUsers users, Labels labels) {
        this.shares = shares;
        this.users = users;
        this.labels = labels;
    }

    @GetMapping("/admin/units/splits")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        requireSystemAdmin();
        model.addAttribute("q", q);
        model.addAttribute("results", shares.splits(q, Math.max(0, page), 50));
        model.addAttribute("breadcrumbs", List.of(new Crumb(labels.get("unit.share.title"), null)));
        return "unit/splits";
    }

    @GetMapping("/admin/units/splits/{id}")
    String form(@PathVariable long id, Model model) {
        requireSystemAdmin();
        var split = shares.split(id);
        var percents = new LinkedHashMap<Long, String>();
        split.parts().forEach(p -> percents.put(p.successor().id(), p.share() == null ? ""
                : p.share().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString()));
        return show(split, percents, List.of(), model);
    }

    @PostMapping("/admin/units/splits/{id}")
    String save(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        requireSystemAdmin();
        var split = shares.split(id);
        var percents = new LinkedHashMap<Long, String>();
        var given = new LinkedHashMap<Long, BigDecimal>();
        var problems = new java.util.ArrayList<String>();
        for (var part : split.parts()) {
            var text = params.getOrDefault(PREFIX + part.successor().id(), "").strip().replace(',', '.');
            percents.put(part.successor().id(), text);
            if (text.isEmpty()) {
                continue;
            }
            try {
                given.put(part.successor().id(), new BigDecimal(text).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP));
            } catch (NumberFormatException e) {
                problems.add(part.successor().name() + ": " + labels.get("validation.bad-value", text));
            }
        }
        if (problems.isEmpty()) {
            try {
                shares.setShares(id, given);
                redirect.addFlashAttribute("flashSuccess", labels.get("unit.share.saved", split.unit().name()));
                return "redirect:/admin/units/splits/" + id;
            } catch (InvalidInputException invalid) {
                for (var p : invalid.problems()) {
                    var label = p.field().startsWith(PREFIX) ? split.parts().stream()
                            .filter(x -> p.field().equals(PREFIX + x.successor().id())).map(x -> x.successor().name())
                            .findFirst().orElse(p.field()) : labels.get("field.shares");
                    problems.add(label + ": " + labels.get(p.messageKey(), p.args()));
                }
            }
        }
        return show(split, percents, problems, model);
    }

    private String show(AllocationShares.Split split, Map<Long, String> percents, List<String> problems, Model model) {
        model.addAttribute("split", split);
        model.addAttribute("percents", percents);
        model.addAttribute("problems", problems);
        model.addAttribute("breadcrumbs", List.of(new Crumb(labels.get("unit.share.title"), "/admin/units/splits"),
                new Crumb(split.unit().name(), null)));
        return "unit/split";
    }

    private void requireSystemAdmin() {
        if (!users.require().isSystemAdmin()) {
            throw new NotFoundException("page", "/admin/units/splits");
        }
    }
}
