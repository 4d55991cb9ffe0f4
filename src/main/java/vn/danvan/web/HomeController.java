package vn.danvan.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitLevel;

/** The start page: the user's roles and the unit counts before and after the 2025 reform. */
@Controller
class HomeController {

    /** The last day of the 63 provinces and 696 districts. */
    static final LocalDate LAST_PRE_REFORM_DAY = LocalDate.of(2025, 6, 30);

    record GrantView(Role role, String unitName) {
    }

    private final CurrentUsers users;
    private final OrgUnits units;
    private final Clock clock;

    HomeController(CurrentUsers users, OrgUnits units, Clock clock) {
        this.users = users;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        var today = LocalDate.now(clock);
        var user = users.require();
        model.addAttribute("grants", user.grants().stream()
                .map(g -> new GrantView(g.role(), units.get(g.unitId(), today).name())).toList());
        model.addAttribute("today", today);
        model.addAttribute("provincesToday", units.countValidOn(UnitLevel.PROVINCE, UnitCategory.AREA, today));
        model.addAttribute("communesToday", units.countValidOn(UnitLevel.COMMUNE, UnitCategory.AREA, today));
        model.addAttribute("provincesBefore", units.countValidOn(UnitLevel.PROVINCE, UnitCategory.AREA, LAST_PRE_REFORM_DAY));
        model.addAttribute("districtsBefore", units.countValidOn(UnitLevel.DISTRICT, UnitCategory.AREA, LAST_PRE_REFORM_DAY));
        model.addAttribute("communesBefore", units.countValidOn(UnitLevel.COMMUNE, UnitCategory.AREA, LAST_PRE_REFORM_DAY));
        return "home";
    }
}
