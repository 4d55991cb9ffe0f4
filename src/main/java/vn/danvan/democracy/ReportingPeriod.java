package vn.danvan.democracy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.danvan.shared.InvalidInputException;

/**
 * A year ("2026"), a half-year ("2026H1") or a quarter ("2026Q1"): the periods for which a board plans
 * its work and a commune discloses. Both days are included.
 */
record ReportingPeriod(String key, int year, PeriodKind kind, int index) {

    enum PeriodKind { YEAR, HALF_YEAR, QUARTER }

    private static final Pattern SHAPE = Pattern.compile("^(\\d{4})(?:([QH])([1-4]))?$");

    /**
     * Reads "2026", "2026H2", "2026Q3" (case-insensitive).
     *
     * @throws InvalidInputException naming {@code field} when the text is not such a period
     */
    static ReportingPeriod parse(String text, String field) {
        var m = text == null ? null : SHAPE.matcher(text.strip().toUpperCase());
        if (m == null || !m.matches()) {
            throw new InvalidInputException(field, "democracy.period.invalid", text == null ? "" : text);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return of(year, PeriodKind.YEAR, 1);
        }
        int index = Integer.parseInt(m.group(3));
        if (m.group(2).equals("H")) {
            if (index > 2) {
                throw new InvalidInputException(field, "democracy.period.invalid", text);
            }
            return of(year, PeriodKind.HALF_YEAR, index);
        }
        return of(year, PeriodKind.QUARTER, index);
    }

    static ReportingPeriod of(int year, PeriodKind kind, int index) {
        var key = switch (kind) {
            case YEAR -> String.valueOf(year);
            case HALF_YEAR -> year + "H" + index;
            case QUARTER -> year + "Q" + index;
        };
        return new ReportingPeriod(key, year, kind, index);
    }

    /** The quarter holding a day. */
    static ReportingPeriod quarterOf(LocalDate day) {
        return of(day.getYear(), PeriodKind.QUARTER, (day.getMonthValue() - 1) / 3 + 1);
    }

    int months() {
        return switch (kind) {
            case YEAR -> 12;
            case HALF_YEAR -> 6;
            case QUARTER -> 3;
        };
    }

    LocalDate from() {
        return LocalDate.of(year, (index - 1) * months() + 1, 1);
    }

    LocalDate to() {
        return from().plusMonths(months()).minusDays(1);
    }

    /** The periods of a kind that lie within this one (none when that kind is longer). */
    List<ReportingPeriod> within(PeriodKind part) {
        var parts = new ArrayList<ReportingPeriod>();
        var partMonths = of(year, part, 1).months();
        if (partMonths > months()) {
            return parts;
        }
        int first = (from().getMonthValue() - 1) / partMonths + 1;
        for (int i = 0; i < months() / partMonths; i++) {
            parts.add(of(year, part, first + i));
        }
        return parts;
    }
}
