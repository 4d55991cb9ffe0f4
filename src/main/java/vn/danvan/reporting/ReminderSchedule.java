package vn.danvan.reporting;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link Reminders#remindDue} every morning (property {@code danvan.reporting.reminders-cron},
 * Vietnamese time). A morning missed (the application down) is made up the next one: a deadline is
 * reminded on each of the N working days before it. Several instances may run it at once: the
 * reminders' unique key keeps one of each.
 */
@Configuration
@EnableScheduling
class ReminderSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

    private final Reminders reminders;
    private final Clock clock;

    ReminderSchedule(Reminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Scheduled(cron = "${danvan.reporting.reminders-cron:0 15 6 * * *}", zone = "Asia/Ho_Chi_Minh")
    void daily() {
        run();
    }

    private void run() {
        var count = reminders.remindDue(LocalDate.now(clock));
        if (count > 0) {
            log.info("Report deadline reminders recorded: {}", count);
        }
    }
}
