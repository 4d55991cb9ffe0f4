package vn.danvan.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.audit.AuditTrail;

/**
 * First start: the official schedules of days off 2024–2026 and the computed 2027 schedule
 * ({@code calendar/days-off.csv}, converted from the shared holiday data), once, under a database
 * lock so that instances starting together load them once.
 */
@Component
@Order(12)
class CalendarOnStart implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final WorkingCalendar calendar;

    CalendarOnStart(JdbcClient jdbc, TransactionTemplate transaction, AuditTrail audit, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('danvan.calendar.bundled'))").query(Object.class).single();
            if (jdbc.sql("select count(*) from calendar_day").query(Long.class).single() > 0) {
                return;
            }
            var days = bundledDays();
            for (var d : days) {
                jdbc.sql("insert into calendar_day (day, kind, name, status) values (:day, :kind, :name, :status)")
                        .param("day", d.day()).param("kind", d.kind().name()).param("name", d.name())
                        .param("status", d.status().name()).update();
            }
            audit.record("calendar.schedule-imported", "calendar_day", "days-off.csv", null, null,
                    AuditTrail.fields("days", days.size(), "from", days.get(0).day().toString(),
                            "to", days.get(days.size() - 1).day().toString()));
            days.stream().map(d -> d.day().getYear()).distinct().forEach(calendar::forget);
        });
    }

    static java.util.List<ScheduledDay> bundledDays() {
        try {
            var text = new ClassPathResource("calendar/days-off.csv").getContentAsString(StandardCharsets.UTF_8);
            var days = new ArrayList<ScheduledDay>();
            text.lines().skip(1).filter(l -> !l.isBlank()).forEach(line -> {
                var first = line.indexOf(',');
                var second = line.indexOf(',', first + 1);
                var last = line.lastIndexOf(',');
                var name = line.substring(second + 1, last);
                if (name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
                }
                days.add(new ScheduledDay(LocalDate.parse(line.substring(0, first)),
                        DayKind.valueOf(line.substring(first + 1, second)), name,
                        DayStatus.valueOf(line.substring(last + 1))));
            });
            return days;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
