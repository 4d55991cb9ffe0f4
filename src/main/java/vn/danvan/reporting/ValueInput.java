package vn.danvan.reporting;

/**
 * One value to store: the indicator's code, the unit's code (read as of the period's last day), the
 * period identifier, the option combination ('' or null without disaggregation), the value (a number,
 * true/false, or a text) and, to guard against overwriting another officer's save, the version read
 * ({@code 0}: "there was no value yet"; {@code null}: store whatever is there).
 */
public record ValueInput(String indicator, String unit, String period, String categoryOptionCombo, Object value,
                         Integer version) {
}
