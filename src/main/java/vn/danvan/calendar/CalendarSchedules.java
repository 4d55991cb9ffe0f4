package vn.danvan.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;

/**
 * An administrator enters the Government's announced schedule of a year: days off, swapped days,
 * make-up working days. The first change to a year not yet stored starts from the schedule computed
 * from the law, so that nothing of it is lost. The caller (a controller in {@code web}) checks that
 * the user is a system administrator; every change is audited here.
 */
@Service
@Transactional
public class CalendarSchedules {

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;

    CalendarSchedules(JdbcClient jdbc, WorkingCalendar calendar, AuditTrail audit) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.audit = audit;
    }

    /**
     * Stores one announced day (replacing what the day was).
     *
     * @throws InvalidInputException naming "day", "kind" or "name"
     */
    public ScheduledDay setDay(LocalDate day, DayKind kind, String name) {
        var problems = new ArrayList<Problem>();
        if (day == null) {
            problems.add(new Problem("day", "validation.required"));
        }
        if (kind == null) {
            problems.add(new Problem("kind", "validation.required"));
        }
        if (name == null || name.isBlank()) {
            problems.add(new Problem("name", "validation.required"));
        } else if (name.trim().length() > 200) {
            problems.add(new Problem("name", "validation.too-long", 200));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        storeComputedBaseline(day.getYear());
        var before = jdbc.sql("select day, kind, name, status from calendar_day where day = :day").param("day", day)
                .query(ScheduledDay.class).optional();
        var after = new ScheduledDay(day, kind, name.trim(), DayStatus.OFFICIAL);
        jdbc.sql("""
                insert into calendar_day (day, kind, name, status) values (:day, :kind, :name, 'OFFICIAL')
                on conflict (day) do update set kind = excluded.kind, name = excluded.name, status = excluded.status
                """).param("day", day).param("kind", kind.name()).param("name", after.name()).update();
        audit.record("calendar.day-set", "calendar_day", day, null,
                before.map(b -> AuditTrail.fields("kind", b.kind().name(), "name", b.name(), "status", b.status().name()))
                        .orElse(null),
                AuditTrail.fields("kind", kind.name(), "name", after.name(), "status", "OFFICIAL"));
        calendar.forget(day.getYear());
        return after;
    }

    /** Removes a day from a stored schedule: it becomes an ordinary day of the week. */
    public void removeDay(LocalDate day) {
        storeComputedBaseline(day.getYear());
        var before = jdbc.sql("select day, kind, name, status from calendar_day where day = :day").param("day", day)
                .query(ScheduledDay.class).optional().orElseThrow(() -> new NotFoundException("calendar-day", day));
        jdbc.sql("delete from calendar_day where day = :day").param("day", day).update();
        audit.record("calendar.day-removed", "calendar_day", day, null,
                AuditTrail.fields("kind", before.kind().name(), "name", before.name(), "status", before.status().name()),
                null);
        calendar.forget(day.getYear());
    }

    private void storeComputedBaseline(int year) {
        if (!calendar.storedDays(year).isEmpty()) {
            return;
        }
        for (var d : calendar.computed(year).values()) {
            jdbc.sql("insert into calendar_day (day, kind, name, status) values (:day, :kind, :name, 'COMPUTED')")
                    .param("day", d.day()).param("kind", d.kind().name()).param("name", d.name()).update();
        }
        audit.record("calendar.year-stored", "calendar_day", year, null, null,
                AuditTrail.fields("year", year, "computedDays", calendar.computed(year).size()));
    }
}
