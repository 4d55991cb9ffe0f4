package vn.danvan.meeting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.NotFoundException;

/**
 * The unit calendar page (conferences and conclusion task deadlines ahead) with the user's secret
 * feed address, and the feed itself: {@code /public/calendar/{token}.ics}, outside the sign-in
 * because calendar clients cannot sign in — the token is the key, and the feed shows what its owner
 * may read today.
 */
@Controller
class MeetingCalendarController {

    static final int DAYS_AHEAD = 90;

    private final MeetingCalendar calendar;
    private final MeetingFeeds feeds;
    private final CurrentUsers users;
    private final OrgScope scope;
    private final OrgUnits units;
    private final MeetingQueries queries;
    private final MessageSource messages;
    private final Clock clock;

    MeetingCalendarController(MeetingCalendar calendar, MeetingFeeds feeds, CurrentUsers users, OrgScope scope, OrgUnits units,
                              MeetingQueries queries, MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.feeds = feeds;
        this.users = users;
        this.scope = scope;
        this.units = units;
        this.queries = queries;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/meetings/calendar")
    String page(@RequestParam(required = false) Long unitId, Model model) {
        var user = users.require();
        var today = LocalDate.now(clock);
        List<Long> unitIds = null;
        if (unitId != null) {
            scope.requireRead(user, unitId, "unit", unitId);
            unitIds = queries.subtreeIds(unitId);
            model.addAttribute("unitName", units.find(unitId, today).map(u -> u.name()).orElse(null));
        }
        model.addAttribute("unitId", unitId);
        model.addAttribute("today", today);
        model.addAttribute("until", today.plusDays(DAYS_AHEAD));
        model.addAttribute("entries", calendar.entries(user, unitIds, today, today.plusDays(DAYS_AHEAD)));
        model.addAttribute("hasFeed", feeds.hasFeed(user));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("meeting.nav"), "/meetings"), new Crumb(text("meeting.calendar.title"), null)));
        return "meeting/calendar";
    }

    @PostMapping("/meetings/calendar/feed")
    String regenerate(RedirectAttributes redirect) {
        var token = feeds.regenerate(users.require());
        var url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/calendar/{token}.ics").buildAndExpand(token).toUriString();
        redirect.addFlashAttribute("feedUrl", url);
        redirect.addFlashAttribute("flashSuccess", text("meeting.feed.created"));
        return "redirect:/meetings/calendar";
    }

    @PostMapping("/meetings/calendar/feed/revoke")
    String revoke(RedirectAttributes redirect) {
        feeds.revoke(users.require());
        redirect.addFlashAttribute("flashSuccess", text("meeting.feed.revoked"));
        return "redirect:/meetings/calendar";
    }

    @GetMapping("/public/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        var owner = feeds.owner(token).orElseThrow(() -> new NotFoundException("calendar-feed", "…"));
        var base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        var body = calendar.ics(owner, text("meeting.feed.name", owner.displayName()), base, text("meeting.feed.task-prefix"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(body);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
