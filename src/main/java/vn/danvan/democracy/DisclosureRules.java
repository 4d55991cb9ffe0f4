package vn.danvan.democracy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.danvan.democracy.ReportingPeriod.PeriodKind;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * What a commune must disclose in a period, from the seeded items of Law 10/2022/QH15 Art. 11 — never a
 * list kept per commune: a yearly item falls due once for the year, a half-yearly one for each half, a
 * quarterly one for each quarter lying in the period; items due with an event (a project, a land
 * recovery) have no period. Pure rules, no database.
 */
final class DisclosureRules {

    enum Frequency { YEARLY, HALF_YEARLY, QUARTERLY, ON_EVENT }

    enum Channel { NOTICE_BOARD, LOUDSPEAKER, WEBSITE, MEETING }

    /** An item of the law's list. */
    record Item(String code, Frequency frequency, int minDaysPosted) {
    }

    /** One item due for one period; overdue once the period has ended without it being disclosed. */
    record Obligation(String itemCode, String periodKey, LocalDate periodEnd) {

        boolean overdueOn(LocalDate today) {
            return periodEnd.isBefore(today);
        }
    }

    private DisclosureRules() {
    }

    /** The obligations of every periodic item within the period, in item order then period order. */
    static List<Obligation> obligations(List<Item> items, ReportingPeriod period) {
        var due = new ArrayList<Obligation>();
        for (var item : items) {
            var kind = switch (item.frequency()) {
                case YEARLY -> PeriodKind.YEAR;
                case HALF_YEARLY -> PeriodKind.HALF_YEAR;
                case QUARTERLY -> PeriodKind.QUARTER;
                case ON_EVENT -> null;
            };
            if (kind != null) {
                period.within(kind).forEach(p -> due.add(new Obligation(item.code(), p.key(), p.to())));
            }
        }
        return due;
    }

    /** The obligations of every periodic item whose period ends between the two days (both included). */
    static List<Obligation> obligationsEnding(List<Item> items, LocalDate from, LocalDate to) {
        var due = new ArrayList<Obligation>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            obligations(items, ReportingPeriod.of(year, PeriodKind.YEAR, 1)).stream()
                    .filter(o -> !o.periodEnd().isBefore(from) && !o.periodEnd().isAfter(to))
                    .forEach(due::add);
        }
        return due;
    }

    /** The obligations not met by a disclosure of the item for that period ({@code made}: "CODE|2026Q1"). */
    static List<Obligation> outstanding(List<Item> items, ReportingPeriod period, Set<String> made) {
        return obligations(items, period).stream().filter(o -> !made.contains(o.itemCode() + "|" + o.periodKey())).toList();
    }

    /** The period a disclosure of the item may name: a yearly item a year, a quarterly one a quarter… */
    static boolean periodFits(Frequency frequency, ReportingPeriod period) {
        return switch (frequency) {
            case YEARLY -> period.kind() == PeriodKind.YEAR;
            case HALF_YEARLY -> period.kind() == PeriodKind.HALF_YEAR;
            case QUARTERLY -> period.kind() == PeriodKind.QUARTER;
            case ON_EVENT -> true;
        };
    }

    /**
     * A warning when a notice-board posting is planned to come down before the item's minimum (Art. 12:
     * at least 30 days, the day posted counted); other channels have no such period.
     */
    static Optional<Problem> postingTooShort(Channel channel, LocalDate postedOn, LocalDate postedUntil, int minDays) {
        if (channel != Channel.NOTICE_BOARD || postedOn == null || postedUntil == null) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(postedOn, postedUntil) + 1;
        return days < minDays ? Optional.of(new Problem("postedUntil", "democracy.disclosure.too-short", days, minDays)) : Optional.empty();
    }
}
