package vn.danvan.form;

import java.time.LocalDate;

/**
 * A reporting period: a month, a quarter, the first six or nine months, or the year, cut on calendar
 * months or on the inspection sector's months (15th to 14th, the year starting 15/12 of the year
 * before).
 */
public record ReportPeriod(Kind kind, int year, int index, PeriodCut cut) {

    public enum Kind {
        MONTH, QUARTER, SIX_MONTHS, NINE_MONTHS, YEAR
    }

    public ReportPeriod {
        int max = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            default -> 1;
        };
        if (index < 1 || index > max) {
            throw new IllegalArgumentException("index " + index + " out of 1.." + max + " for " + kind);
        }
    }

    public static ReportPeriod year(int year, PeriodCut cut) {
        return new ReportPeriod(Kind.YEAR, year, 1, cut);
    }

    /** First and last month (1–12) this period covers. */
    private int[] months() {
        return switch (kind) {
            case MONTH -> new int[] {index, index};
            case QUARTER -> new int[] {3 * index - 2, 3 * index};
            case SIX_MONTHS -> new int[] {1, 6};
            case NINE_MONTHS -> new int[] {1, 9};
            case YEAR -> new int[] {1, 12};
        };
    }

    public LocalDate from() {
        int first = months()[0];
        if (cut == PeriodCut.CALENDAR) {
            return LocalDate.of(year, first, 1);
        }
        // Month m of the inspection year starts on the 15th of the month before.
        return LocalDate.of(year, first, 15).minusMonths(1);
    }

    public LocalDate to() {
        int last = months()[1];
        if (cut == PeriodCut.CALENDAR) {
            return LocalDate.of(year, last, 1).plusMonths(1).minusDays(1);
        }
        return LocalDate.of(year, last, 14);
    }
}
