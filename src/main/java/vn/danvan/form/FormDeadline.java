package vn.danvan.form;

/**
 * When a report for a period is due: {@code days} after the period's last day, counted as working
 * days (the Vietnamese working-day calendar: weekends, holidays, make-up days) or as calendar days.
 */
public record FormDeadline(int days, boolean workingDays) {
}
