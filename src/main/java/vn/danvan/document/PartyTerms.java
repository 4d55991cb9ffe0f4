package vn.danvan.document;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The Party-committee term (nhiệm kỳ) a Party document is numbered in (brief §8.2: numbering runs
 * from 01 for each type within one term, from the day after one congress closes to the close of the
 * next). The exact closing day differs per committee and is not in the brief, so this is a default
 * the officer may correct on the form:
 * <ul>
 *   <li>central bodies (issuer TW, VPTW, BDVTW, BCSĐCP …): national congresses in 2006, 2011, 2016,
 *   2021, 2026, terms counted from 1 February of those years (the XIII Congress closed 1/2/2021, the
 *   XII on 28/1/2016);</li>
 *   <li>every other committee: provincial and lower congresses in 2010, 2015, 2020, 2025, terms
 *   counted from 1 October (most provincial congresses closed in September–October).</li>
 * </ul>
 */
final class PartyTerms {

    private static final MonthDay CENTRAL_START = MonthDay.of(2, 1);
    private static final MonthDay LOCAL_START = MonthDay.of(10, 1);

    private PartyTerms() {
    }

    /** "2021-2026" for a central document of 30/7/2021. */
    static String termOf(LocalDate issuedOn, boolean central) {
        var start = central ? CENTRAL_START : LOCAL_START;
        var offset = central ? 1 : 0;
        var year = issuedOn.getYear();
        if (issuedOn.isBefore(start.atYear(year))) {
            year--;
        }
        var first = year - Math.floorMod(year - offset, 5);
        return first + "-" + (first + 5);
    }

    /** Is the lead issuer a central Party body (its abbreviation ends in TW / TƯ, or it is the Government's Party committee)? */
    static boolean central(DocumentIdentifier id) {
        if (id == null || id.issuers().isEmpty()) {
            return false;
        }
        var lead = id.issuers().get(0);
        return lead.endsWith("TW") || lead.endsWith("TƯ") || lead.startsWith("BCSĐCP") || lead.startsWith("ĐUCP");
    }

    static boolean valid(String term) {
        if (term == null || !term.matches("\\d{4}-\\d{4}")) {
            return false;
        }
        var from = Integer.parseInt(term.substring(0, 4));
        var to = Integer.parseInt(term.substring(5));
        return from >= 1930 && to > from && to - from <= 6;
    }
}
