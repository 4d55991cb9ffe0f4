package vn.danvan.exemplar;

import vn.danvan.shared.VietnameseText;

/**
 * The word index's share of an accent-free search. The list finds the models whose search text
 * contains what was typed ("lo kim thang" inside "... lò kim thắng ..."); the words index (V69, a
 * tsvector of the accent-folded text, config {@code simple}) can only say which models hold whole
 * words. Every word typed between two spaces is a whole word of a model that contains the text, and
 * the last word typed begins one; the first may be the end of a longer word. So "lo kim thang" asks
 * the index for {@code kim & thang:*}, and the containment check keeps only the exact hits among them:
 * the same models as a scan, from a few hundred candidates instead of a million.
 * <p>Only words of the letters a–z are asked (after folding "Đ", "ắ" …), which the SQL folding and
 * the index's parser read the same way; text with no such word ("d", "kheo", "16/ct") is not
 * asked for and the trigram index answers it as before.
 */
final class SearchWords {

    private SearchWords() {
    }

    /** The tsquery text for what was typed, or null when the words index cannot narrow it ({@link VietnameseText#wordsQuery}). */
    static String query(String typed) {
        return VietnameseText.wordsQuery(typed);
    }

    /** The terms of the year words index (V84) for what was typed: words and pairs of neighbouring words ({@link VietnameseText#wordTerms}). */
    static java.util.List<String> terms(String typed) {
        return VietnameseText.wordTerms(typed);
    }

    /**
     * The terms asked of the year words index (V84, {@code exemplar_year_words}: every word and every pair of
     * neighbouring words of a model prefixed by its year of registration, "2026/thanh vinh"), one tsquery per
     * year in the order given: {@code '2026/thanh vinh':*}.
     *
     * @param terms what {@link #terms} answered (not null)
     */
    static String[] perYear(java.util.List<String> terms, java.util.List<Integer> years) {
        return VietnameseText.perYearQueries(terms, years);
    }

    /** Up to how many units a search asks the per-unit words index (V75) once per unit; more read the country's words. */
    static final int UNIT_WORDS_LIMIT = 3_000;

    /**
     * The same words asked of the per-unit words index (V75, {@code exemplar_unit_words}: every word of a
     * model prefixed by its unit's id, "977/thon"), one tsquery per unit: {@code '977/thon' & '977/moi':*}.
     * A unit's query reads the unit's own entries only, the prefix ones too, so a province's search costs
     * what its units hold, not the country's postings of a common word.
     *
     * @param words what {@link #query} answered (not null)
     */
    static String[] perUnit(String words, java.util.List<Long> unitIds) {
        var terms = words.split(" & ");
        var out = new String[unitIds.size()];
        for (int u = 0; u < out.length; u++) {
            var unit = unitIds.get(u);
            var q = new StringBuilder();
            for (var term : terms) {
                var prefix = term.endsWith(":*");
                var word = prefix ? term.substring(0, term.length() - 2) : term;
                q.append(q.isEmpty() ? "" : " & ").append('\'').append(unit).append('/').append(word).append('\'')
                        .append(prefix ? ":*" : "");
            }
            out[u] = q.toString();
        }
        return out;
    }
}
