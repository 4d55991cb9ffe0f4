package vn.danvan.form;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.danvan.shared.InvalidInputException;

/**
 * A reporting period: a month, a quarter, a half year, the first nine months, the year, or a
 * multi-year term, cut on calendar months or on the inspection sector's months (15th to 14th, the
 * year starting 15/12 of the year before).
 *
 * <p>Identifiers follow DHIS2's ({@link #parse}, {@link #identifier}): {@code 2024} (year),
 * {@code 2024S1}/{@code 2024S2} (half years), {@code 2024Q1}…{@code 2024Q4}, {@code 202403} (month);
 * danvan adds {@code 2024N9} (the first nine months, "9 tháng"); the inspection sector's periods carry
 * {@code TT} after the year: {@code 2024TT} (15/12/2023–14/12/2024), {@code 2024TTS1},
 * {@code 2024TTQ1} (15/12/2023–14/03/2024), {@code 2024TTN9}, {@code 2024TT03} (15/02–14/03/2024);
 * a term is {@code 2016-2021} (01/01/2016–31/12/2021, both years whole; at most ten years apart) or
 * {@code 2016-2021TT}. For a term, {@code year} is its first year and {@code index} its last.
 */
public record ReportPeriod(Kind kind, int year, int index, PeriodCut cut) {

    public enum Kind {
        MONTH, QUARTER, SIX_MONTHS, NINE_MONTHS, YEAR, TERM
    }

    /** The longest term, in years between its first and last year (ten-year reviews). */
    public static final int MAX_TERM_YEARS = 10;

    private static final Pattern SHAPE = Pattern.compile(
            "(?<year>\\d{4})(?:-(?<last>\\d{4}))?(?<tt>TT)?(?:(?<q>Q\\d)|(?<s>S\\d)|(?<n9>N9)|(?<month>\\d{2}))?");

    public ReportPeriod {
        if (kind == null || cut == null) {
            throw new IllegalArgumentException("kind and cut are required");
        }
        if (kind == Kind.TERM) {
            if (index <= year || index - year > MAX_TERM_YEARS) {
                throw new IllegalArgumentException("term " + year + "-" + index + " must span 1.." + MAX_TERM_YEARS + " years");
            }
        } else {
            int max = switch (kind) {
                case MONTH -> 12;
                case QUARTER -> 4;
                case SIX_MONTHS -> 2;
                default -> 1;
            };
            if (index < 1 || index > max) {
                throw new IllegalArgumentException("index " + index + " out of 1.." + max + " for " + kind);
            }
        }
    }

    public static ReportPeriod year(int year, PeriodCut cut) {
        return new ReportPeriod(Kind.YEAR, year, 1, cut);
    }

    /**
     * Reads a period identifier (see the class comment).
     *
     * @throws InvalidInputException naming {@code field} with a Vietnamese message when it is ill-formed
     */
    public static ReportPeriod parse(String text, String field) {
        var t = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        if (t.isEmpty()) {
            throw new InvalidInputException(field, "validation.required");
        }
        var m = SHAPE.matcher(t);
        if (!m.matches()) {
            throw new InvalidInputException(field, "form.period.ill-formed", text.strip());
        }
        int year = Integer.parseInt(m.group("year"));
        if (year < 1945 || year > 2100) {
            throw new InvalidInputException(field, "form.period.year-out-of-range", text.strip());
        }
        var cut = m.group("tt") != null ? PeriodCut.INSPECTION : PeriodCut.CALENDAR;
        if (m.group("last") != null) {
            int last = Integer.parseInt(m.group("last"));
            if (m.group("q") != null || m.group("s") != null || m.group("n9") != null || m.group("month") != null) {
                throw new InvalidInputException(field, "form.period.ill-formed", text.strip());
            }
            if (last <= year || last - year > MAX_TERM_YEARS) {
                throw new InvalidInputException(field, "form.period.term-range", text.strip(), MAX_TERM_YEARS);
            }
            return new ReportPeriod(Kind.TERM, year, last, cut);
        }
        if (m.group("q") != null) {
            return numbered(Kind.QUARTER, year, m.group("q").substring(1), 4, cut, field, text);
        }
        if (m.group("s") != null) {
            return numbered(Kind.SIX_MONTHS, year, m.group("s").substring(1), 2, cut, field, text);
        }
        if (m.group("n9") != null) {
            return new ReportPeriod(Kind.NINE_MONTHS, year, 1, cut);
        }
        if (m.group("month") != null) {
            return numbered(Kind.MONTH, year, m.group("month"), 12, cut, field, text);
        }
        return new ReportPeriod(Kind.YEAR, year, 1, cut);
    }

    private static ReportPeriod numbered(Kind kind, int year, String digits, int max, PeriodCut cut, String field, String text) {
        int index = Integer.parseInt(digits);
        if (index < 1 || index > max) {
            throw new InvalidInputException(field, "form.period.index-out-of-range." + kind, text.strip());
        }
        return new ReportPeriod(kind, year, index, cut);
    }

    /** The identifier {@link #parse} reads back: {@code 2024Q1}, {@code 2024TT03}, {@code 2016-2021}. */
    public String identifier() {
        var tt = cut == PeriodCut.INSPECTION ? "TT" : "";
        return switch (kind) {
            case YEAR -> year + tt;
            case SIX_MONTHS -> year + tt + "S" + index;
            case QUARTER -> year + tt + "Q" + index;
            case NINE_MONTHS -> year + tt + "N9";
            case MONTH -> year + tt + String.format("%02d", index);
            case TERM -> year + "-" + index + tt;
        };
    }

    /** First and last month (1–12) this period covers within its year (a term: of its first and last year). */
    private int[] months() {
        return switch (kind) {
            case MONTH -> new int[] {index, index};
            case QUARTER -> new int[] {3 * index - 2, 3 * index};
            case SIX_MONTHS -> new int[] {6 * index - 5, 6 * index};
            case NINE_MONTHS -> new int[] {1, 9};
            case YEAR, TERM -> new int[] {1, 12};
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
        int lastYear = kind == Kind.TERM ? index : year;
        if (cut == PeriodCut.CALENDAR) {
            return LocalDate.of(lastYear, last, 1).plusMonths(1).minusDays(1);
        }
        return LocalDate.of(lastYear, last, 14);
    }

    /** Does this period cover every day of {@code other}, on the same cut? A period contains itself. */
    public boolean contains(ReportPeriod other) {
        return other.cut == cut && !other.from().isBefore(from()) && !other.to().isAfter(to());
    }

    /**
     * The periods one step smaller that make this one: months of a quarter, quarters of a half year,
     * of nine months and of a year, years of a term; none for a month.
     */
    public List<ReportPeriod> children() {
        var result = new ArrayList<ReportPeriod>();
        switch (kind) {
            case MONTH -> { }
            case QUARTER -> {
                for (int m = 3 * index - 2; m <= 3 * index; m++) {
                    result.add(new ReportPeriod(Kind.MONTH, year, m, cut));
                }
            }
            case SIX_MONTHS, NINE_MONTHS, YEAR -> {
                int[] months = months();
                for (int q = (months[0] + 2) / 3; q <= months[1] / 3; q++) {
                    result.add(new ReportPeriod(Kind.QUARTER, year, q, cut));
                }
            }
            case TERM -> {
                for (int y = year; y <= index; y++) {
                    result.add(year(y, cut));
                }
            }
        }
        return List.copyOf(result);
    }

    /**
     * The same period of the year before ("so với cùng kỳ"); for a term, the term of the same length
     * that ends in the year this one begins (2021-2026 → 2016-2021).
     */
    public ReportPeriod previousYear() {
        if (kind == Kind.TERM) {
            int span = index - year;
            return new ReportPeriod(Kind.TERM, year - span, year, cut);
        }
        return new ReportPeriod(kind, year - 1, index, cut);
    }

    /**
     * The period of the same kind just before this one (2026Q1 → 2025Q4, 202601 → 202512, 2024S2 →
     * 2024S1; a year or nine months → the year before; a term → the term of the same length before it).
     */
    public ReportPeriod previous() {
        return switch (kind) {
            case MONTH -> index == 1 ? new ReportPeriod(kind, year - 1, 12, cut) : new ReportPeriod(kind, year, index - 1, cut);
            case QUARTER -> index == 1 ? new ReportPeriod(kind, year - 1, 4, cut) : new ReportPeriod(kind, year, index - 1, cut);
            case SIX_MONTHS -> index == 1 ? new ReportPeriod(kind, year - 1, 2, cut) : new ReportPeriod(kind, year, 1, cut);
            case NINE_MONTHS, YEAR, TERM -> previousYear();
        };
    }

    /** The period of the given kind and cut that covers exactly {@code from}–{@code to}, if there is one. */
    public static java.util.Optional<ReportPeriod> covering(Kind kind, PeriodCut cut, LocalDate from, LocalDate to) {
        if (from == null || to == null || kind == null) {
            return java.util.Optional.empty();
        }
        int year = cut == PeriodCut.INSPECTION ? to.getYear() : from.getYear();
        int max = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case SIX_MONTHS -> 2;
            case TERM -> 0;
            default -> 1;
        };
        if (kind == Kind.TERM) {
            if (to.getYear() <= year || to.getYear() - year > MAX_TERM_YEARS) {
                return java.util.Optional.empty();
            }
            var term = new ReportPeriod(kind, year, to.getYear(), cut);
            return term.from().equals(from) && term.to().equals(to) ? java.util.Optional.of(term) : java.util.Optional.empty();
        }
        for (int index = 1; index <= max; index++) {
            var p = new ReportPeriod(kind, year, index, cut);
            if (p.from().equals(from) && p.to().equals(to)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    /** Is this period's kind finer than {@code other} (a month than a quarter, a quarter than a year)? */
    public boolean isFinerThan(Kind other) {
        return rank(kind) < rank(other);
    }

    private static int rank(Kind kind) {
        return switch (kind) {
            case MONTH -> 0;
            case QUARTER -> 1;
            case SIX_MONTHS -> 2;
            case NINE_MONTHS -> 3;
            case YEAR -> 4;
            case TERM -> 5;
        };
    }

    @Override
    public String toString() {
        return identifier();
    }
}
