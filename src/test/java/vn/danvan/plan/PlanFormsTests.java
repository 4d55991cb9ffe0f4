package vn.danvan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.danvan.form.FormQuery;

/** The day PlanForms judges overdue tasks on: the period's last day, or today while the period runs. */
class PlanFormsTests {

    private final PlanForms forms = new PlanForms(null, null, null, null,
            Clock.fixed(LocalDate.of(2026, 11, 30).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(), ZoneId.of("Asia/Ho_Chi_Minh")));

    private static FormQuery period(LocalDate from, LocalDate to) {
        return new FormQuery("NHIEM_VU_QUA_HAN", Set.of("tasks.overdue"), Map.of(), "20", null, from, to, null);
    }

    @Test
    void aPastPeriodIsJudgedOnItsLastDay() {
        assertThat(forms.asOf(period(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 6, 30)))).isEqualTo(LocalDate.of(2019, 6, 30));
    }

    @Test
    void aPeriodStillRunningIsJudgedToday() {
        assertThat(forms.asOf(period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)))).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void theMeasuresAreTheWorkCyclesFigures() {
        assertThat(forms.name()).isEqualTo("plan");
        assertThat(forms.measures()).containsExactly("plans.issued", "plans.issued.implementing", "tasks.assigned", "tasks.done",
                "tasks.done.on-time", "tasks.overdue");
    }
}
