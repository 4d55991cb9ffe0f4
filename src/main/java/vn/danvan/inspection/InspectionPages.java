package vn.danvan.inspection;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.shared.Crumb;

/** Fills an inspection's page, for its own handler and for the small forms on it that show it again with their problems. */
@Component
class InspectionPages {

    private final InspectionQueries queries;
    private final InspectionFields fields;
    private final CurrentUsers users;

    InspectionPages(InspectionQueries queries, InspectionFields fields, CurrentUsers users) {
        this.queries = queries;
        this.fields = fields;
        this.users = users;
    }

    String detail(long id, Model model) {
        var d = queries.detail(id, users.require());
        model.addAttribute("inspection", d);
        model.addAttribute("roles", TeamRole.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(fields.text("inspection.nav"), "/inspections"), new Crumb(d.title(), null)));
        return "inspection/detail";
    }
}
