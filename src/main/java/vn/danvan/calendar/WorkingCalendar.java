package vn.danvan.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.shared.InvalidInputException;

/**
 * The working-day calendar of Vietnam's civil service: which days are working days, and when a
 * period of N working or calendar days from a day ends. A year's schedule is the one stored (the
 * Government's announcement, loaded on first start for 2024–2027), else the one computed from the
 * law and the lunar calendar. Schedules are cached per year for a minute, so that a schedule
 * stored on one instance reaches the others within that time.
 */
@Component
public class WorkingCalendar {

    private final JdbcClient jdbc;
    private final CalendarSettings settings;
    private final Map<Integer, DefaultSchedule.LunarDates> lunarDates;
    /** A year's days and when they were read. */
    private record Cached(Map<LocalDate, ScheduledDay> days, long readAt) {
    }

    static final long CACHE_MILLIS = 60_000;

    private final Map<Integer, Cached> years = new ConcurrentHashMap<>();
    private final WorkingDays rules = new WorkingDays(day -> daysOf(day.getYear()));

    WorkingCalendar(JdbcClient jdbc, CalendarSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.lunarDates = readLunarDates();
    }

    public boolean isWorkingDay(LocalDate day) {
        return rules.isWorkingDay(day);
    }

    /**
     * The last day of a period of {@code days} working or calendar days starting after {@code from}.
     *
     * @throws InvalidInputException naming "days" when it is negative or over 10,000
     */
    public DueDate due(LocalDate from, int days, DayUnit unit) {
        if (days < 0 || days > WorkingDays.MAX_DAYS) {
            throw new InvalidInputException("days", "calendar.days.range", 0, WorkingDays.MAX_DAYS);
        }
        return rules.due(from, days, unit);
    }

    /** Working days from {@code from} (exclusive) to {@code to} (inclusive); negative when {@code to} is before {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return between(from, to, rules::isWorkingDay);
    }

    static int between(LocalDate from, LocalDate to, java.util.function.Predicate<LocalDate> isWorkingDay) {
        if (to.isBefore(from)) {
            return -between(to, from, isWorkingDay);
        }
        var count = 0;
        for (var day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay.test(day)) {
                count++;
            }
        }
        return count;
    }

    /** Working days from {@code today} to each of {@code dues}, counted in one walk (see {@link DueDays}). */
    public DueDays dueDays(LocalDate today, java.util.Collection<LocalDate> dues) {
        return new DueDays(today, dues, rules::isWorkingDay);
    }

    WorkingDays workingDays() {
        return rules;
    }

    /** The days of a year that depart from the ordinary week, in date order. */
    public List<ScheduledDay> schedule(int year) {
        return DefaultSchedule.sorted(daysOf(year));
    }

    /** Whether the year's schedule is stored (announced or entered) rather than computed here. */
    public boolean isStored(int year) {
        return !storedDays(year).isEmpty();
    }

    /** Forgets cached schedules, after a schedule was stored. */
    void forget(int year) {
        years.remove(year);
    }

    private Map<LocalDate, ScheduledDay> daysOf(int year) {
        var now = System.currentTimeMillis();
        var cached = years.get(year);
        if (cached == null || now - cached.readAt() > CACHE_MILLIS) {
            cached = new Cached(read(year), now);
            years.put(year, cached);
        }
        return cached.days();
    }

    private Map<LocalDate, ScheduledDay> read(int year) {
        var stored = storedDays(year);
        if (stored.isEmpty()) {
            return computed(year);
        }
        var schedule = new HashMap<LocalDate, ScheduledDay>();
        stored.stream().filter(d -> d.status() != DayStatus.PENDING || settings.pendingDaysOff())
                .forEach(d -> schedule.put(d.day(), d));
        return schedule;
    }

    /** The schedule of a year computed from the law and the lunar calendar. */
    Map<LocalDate, ScheduledDay> computed(int year) {
        return DefaultSchedule.forYear(year, Optional.ofNullable(lunarDates.get(year)));
    }

    List<ScheduledDay> storedDays(int year) {
        return jdbc.sql("""
                select day, kind, name, status from calendar_day
                where day between :first and :last
                order by day
                """)
                .param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .query(ScheduledDay.class).list();
    }

    private static Map<Integer, DefaultSchedule.LunarDates> readLunarDates() {
        try {
            var text = new ClassPathResource("calendar/lunar-dates.csv").getContentAsString(StandardCharsets.UTF_8);
            var dates = new HashMap<Integer, DefaultSchedule.LunarDates>();
            text.lines().skip(1).filter(l -> !l.isBlank()).forEach(line -> {
                var f = line.split(",");
                dates.put(Integer.parseInt(f[0]), new DefaultSchedule.LunarDates(LocalDate.parse(f[1]), LocalDate.parse(f[2])));
            });
            return Map.copyOf(dates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
