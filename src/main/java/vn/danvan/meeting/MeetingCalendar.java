package vn.danvan.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.identity.CurrentUser;
import vn.danvan.meeting.MeetingQueries.MeetingFilter;
import vn.danvan.meeting.MeetingViews.CalendarEntry;

/**
 * A unit calendar: conferences and the deadlines of tasks assigned by conferences, within the user's
 * scope (optionally narrowed to one unit's subtree), for the page and for the iCalendar feed.
 */
@Service
@Transactional(readOnly = true)
public class MeetingCalendar {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Conferences whose tasks may still fall due in the window: those held within this many days before it. */
    static final int TASK_LOOKBACK_DAYS = 400;
    static final int MAX_MEETINGS = 500;

    private final MeetingQueries queries;
    private final ConclusionTasks tasks;
    private final Clock clock;

    MeetingCalendar(MeetingQueries queries, ConclusionTasks tasks, Clock clock) {
        this.queries = queries;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * Entries from {@code from} to {@code to} inclusive, soonest first: conferences on those dates and
     * conclusion tasks due then (an unfinished task already overdue is shown on its due date, marked).
     *
     * @param unitIds null: everything in the user's scope
     */
    public List<CalendarEntry> entries(CurrentUser user, List<Long> unitIds, LocalDate from, LocalDate to) {
        var entries = new ArrayList<CalendarEntry>();
        for (var m : queries.search(new MeetingFilter(null, null, unitIds, from, to), true, 0, MAX_MEETINGS, user).content()) {
            entries.add(new CalendarEntry("MEETING", m.startsAt(), m.endsAt(), m.title(), m.place(), m.hostUnit().name(),
                    "/meetings/" + m.id(), "meeting-" + m.id() + "@danvan", false));
        }
        var sources = queries.search(new MeetingFilter(null, null, unitIds, from.minusDays(TASK_LOOKBACK_DAYS), to), false, 0,
                MAX_MEETINGS, user).content();
        for (var m : sources) {
            for (var t : tasks.of(m.id())) {
                if (t.dueOn() == null || t.dueOn().isBefore(from) || t.dueOn().isAfter(to)
                        || "DONE".equals(t.status()) || "CANCELLED".equals(t.status())) {
                    continue;
                }
                entries.add(new CalendarEntry("TASK", t.dueOn().atTime(8, 0), t.dueOn().atTime(8, 30), t.title(), null,
                        t.responsibleUnitName(), "/meetings/" + m.id(), "task-" + t.taskId() + "@danvan", t.overdue()));
            }
        }
        entries.sort(Comparator.comparing(CalendarEntry::startsAt).thenComparing(CalendarEntry::title));
        return entries;
    }

    /** The feed's body: a month back and a year ahead of today. */
    String ics(CurrentUser user, String calendarName, String baseUrl, String taskPrefix) {
        var today = LocalDate.now(clock);
        var events = entries(user, null, today.minusMonths(1), today.plusYears(1)).stream()
                .map(e -> new IcsCalendar.Event(e.uid(), e.startsAt(), e.endsAt(),
                        e.kind().equals("TASK") ? taskPrefix + e.title() : e.title(), e.place(), e.unitName(), baseUrl + e.href()))
                .toList();
        return IcsCalendar.write(calendarName, events, clock.instant(), ZONE);
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZONE));
    }
}
