package vn.danvan.shared;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A period cut for a tally kept per month: the whole months inside it (read from the tally) and the partial months at
 * either end (read from the records). {@code from = 15/12/2024, until = 14/12/2025} gives the head 15/12–31/12/2024,
 * the months 01/2025–11/2025 and the tail 01/12–14/12/2025; a period inside one month is all head.
 *
 * @param head       the days before the first whole month, if any
 * @param firstMonth the first day of the first whole month, or null when there is none
 * @param lastMonth  the first day of the last whole month, or null when there is none
 * @param tail       the days after the last whole month, if any
 */
public record WholeMonths(Optional<Days> head, LocalDate firstMonth, LocalDate lastMonth, Optional<Days> tail) {

    /** Days from {@code from} to {@code until}, both counted. */
    public record Days(LocalDate from, LocalDate until) {
    }

    /** The cut of {@code from}–{@code until} (both counted); empty everywhere when {@code until} is before {@code from}. */
    public static WholeMonths of(LocalDate from, LocalDate until) {
        if (until.isBefore(from)) {
            return new WholeMonths(Optional.empty(), null, null, Optional.empty());
        }
        var firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        var lastWholeEnd = until.getDayOfMonth() == until.lengthOfMonth() ? until : until.withDayOfMonth(1).minusDays(1);
        if (firstWhole.isAfter(lastWholeEnd)) {
            return new WholeMonths(Optional.of(new Days(from, until)), null, null, Optional.empty());
        }
        return new WholeMonths(
                from.isBefore(firstWhole) ? Optional.of(new Days(from, firstWhole.minusDays(1))) : Optional.empty(),
                firstWhole, lastWholeEnd.withDayOfMonth(1),
                lastWholeEnd.isBefore(until) ? Optional.of(new Days(lastWholeEnd.plusDays(1), until)) : Optional.empty());
    }

    /** Whether some whole month lies inside the period. */
    public boolean hasMonths() {
        return firstMonth != null;
    }
}
