package vn.danvan.petition;

import vn.danvan.shared.VietnameseText;

/**
 * The words index's share of an accent-free petition search (the rule of
 * {@link VietnameseText#wordsQuery}, shared with the exemplar module). The search finds the petitions whose
 * search text (subject and content, accent-folded) contains what was typed ("thu hoi dat" inside
 * "... thu hồi đất ..."); the year words index (V95, the words of the folded text and their neighbouring
 * pairs keyed by the year of receipt; V76's index of words alone before it) can only say which petitions
 * hold whole words. Every word typed between two spaces is a whole word of a petition that contains the
 * text, and the last word typed begins one; the first may be the end of a longer word. So "thu hoi dat"
 * asks the index for the pair {@code hoi dat:*} ({@link #terms}; V76 was asked {@code hoi & dat:*},
 * {@link #query}), and the containment check keeps only the exact hits among them: the same petitions as
 * a scan, from the candidates of the words typed instead of every petition whose trigrams match.
 * <p>Only words of the letters a–z are asked (after folding "Đ", "ắ" …), which the SQL folding and
 * the index's parser read the same way; text with no such word ("d", one word alone), with a digit (for
 * {@link #query}: V76's words alone; the year words terms ask a number typed last as the beginning of a word,
 * since the trigrams of a number are read with those of every other word typed) or with a LIKE wildcard is not asked
 * for and the trigram index answers it as before. Petitioners' names are not in the search
 * text (they are in petition_person, behind IdentityVault), so the index holds no identity.
 */
final class PetitionSearchWords {

    private PetitionSearchWords() {
    }

    /** The tsquery text of the whole words typed, or null when the words index cannot narrow it (then no year terms either). */
    static String query(String typed) {
        if (typed == null) {
            return null;
        }
        if (typed.chars().anyMatch(c -> Character.isDigit(c) || c == '%' || c == '_' || c == '\\')) {
            // a number ("thua dat so 713") is invisible to the words index and selective in trigrams; the
            // wildcards of LIKE keep the trigram search's meaning
            return null;
        }
        return VietnameseText.wordsQuery(typed);
    }

    /**
     * The terms asked of the year words index (V95, {@code petition_year_words}: every word and every pair of
     * neighbouring words of a petition's folded text, prefixed by its year of receipt) for what was typed: the pairs
     * typed after the first word, the words in no pair alone, the last a prefix ({@link VietnameseText#wordTerms}:
     * "nguyen van an" → {@code nguyen van}, {@code van an:*}; "thua dat so 713" → {@code thua dat}, {@code dat so},
     * {@code 713:*}); null for a LIKE wildcard or no usable word, which the trigram index answers.
     */
    static java.util.List<String> terms(String typed) {
        if (typed == null || typed.chars().anyMatch(c -> c == '%' || c == '_' || c == '\\')) {
            return null; // the wildcards of LIKE keep the trigram search's meaning
        }
        return VietnameseText.wordTerms(typed);
    }

    /** The terms as one tsquery per year, in the order given: {@code '2026/van an':*} ({@link VietnameseText#perYearQueries}). */
    static String[] perYear(java.util.List<String> terms, java.util.List<Integer> years) {
        return VietnameseText.perYearQueries(terms, years);
    }
}
