package vn.danvan.form;

import java.time.LocalDate;

/** The days of one period of a bulk question ({@link FormProvider#rowsBySpan}), both days included. */
public record FormSpan(LocalDate from, LocalDate to) {

    public FormSpan {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a span needs from <= to: " + from + " .. " + to);
        }
    }
}
