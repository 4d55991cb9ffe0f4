package vn.danvan.meeting;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.meeting.MeetingQueries.MeetingFilter;

/**
 * The conferences a form of another module can name, as the {@code <option>}s of a select loaded by htmx
 * (a programme's review result names its review conference; module plan does not depend on meeting).
 * Only conferences within the user's scope, newest first.
 */
@Controller
class MeetingOptionsController {

    static final int LIMIT = 100;

    private final MeetingQueries queries;
    private final CurrentUsers users;

    MeetingOptionsController(MeetingQueries queries, CurrentUsers users) {
        this.queries = queries;
        this.users = users;
    }

    @GetMapping("/meetings/options")
    String options(@RequestParam(required = false) Long selected, Model model) {
        model.addAttribute("meetings", queries.search(new MeetingFilter(null, null, null, null, null), false, 0, LIMIT, users.require())
                .content());
        model.addAttribute("selected", selected);
        return "meeting/options :: options";
    }
}
