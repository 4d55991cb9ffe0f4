package vn.danvan.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text rules shared by every module.
 *
 * <ul>
 *   <li>{@link #nfc}: one Unicode form for storage, equality and unique checks (NFD "Dân" and NFC
 *       "Dân" look alike but differ byte for byte).</li>
 *   <li>{@link #searchKey}: the Java twin of SQL {@code search_key()}: no diacritics, đ → d, lower
 *       case. "dan van kheo" matches "Dân vận khéo".</li>
 *   <li>{@link #withNewTonePlacement}: old and new tone placements ("Hòa"/"Hoà", "Thủy"/"Thuỷ") are
 *       one name; this gives the new placement so that sorting and duplicate checks treat them
 *       as equal.</li>
 * </ul>
 */
public final class VietnameseText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Combining tone marks: grave, acute, tilde, hook above, dot below. */
    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    /** A folded word the SQL folding and a {@code simple} text-search parser read alike. */
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    /** A word typed in Vietnamese letters only (decomposed): a–z, đ and the marks of the alphabet and its tones. */
    /**
     * A folded word that no Vietnamese syllable ends with unless it is the whole syllable: its consonants before the
     * first vowel are a whole initial that is not the tail of a longer one (not h of ch, kh, nh, ph, th, gh; not g or
     * gh of ng, ngh; not r of tr), so the word cannot be the end of a longer syllable ("an" ends "lan", "hang" ends
     * "thang"; "dong", "nguyen", "thu" end none).
     */
    private static final Pattern BEGINS_ONLY = Pattern.compile("(b|c|ch|d|k|kh|l|m|n|ng|ngh|nh|p|ph|q|s|t|th|tr|v|x)[aeiouy][a-z]*");
    /**
     * A folded word whose initial is the tail of longer initials (h of ch, gh, kh, nh, ph, th, ngh; g of ng; gh of ngh;
     * r of tr), then a vowel: the syllables it can be the end of are that word with each longer initial ("hoang":
     * "khoang", "thoang" …), {@link #LONGER_INITIALS}.
     */
    private static final Pattern ENDS_LONGER = Pattern.compile("(gh|h|g|r)[aeiouy][a-z]*");
    /** What comes before an initial in a longer one: {@code h} → c, g, k, n, ng, p, t (ch, gh, kh, nh, ngh, ph, th) … */
    private static final java.util.Map<String, java.util.List<String>> LONGER_INITIALS = java.util.Map.of(
            "h", java.util.List.of("c", "g", "k", "n", "ng", "p", "t"), "g", java.util.List.of("n"),
            "gh", java.util.List.of("n"), "r", java.util.List.of("t"));
    /** A number typed as a word: digits only. */
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,40}");
    private static final Pattern VIETNAMESE_WORD = Pattern.compile("[A-Za-zĐđ\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323]+");

    private VietnameseText() {
    }

    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    public static String searchKey(String text) {
        if (text == null) {
            return null;
        }
        var stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(VIETNAMESE);
    }

    /**
     * The words index's share of an accent-free "contains" search, as a tsquery text (config
     * {@code simple}), or null when a words index cannot narrow it. A record whose folded text contains
     * what was typed ("lo kim thang" inside "... lò kim thắng ...") holds every word typed between two
     * spaces as a whole word, and a word beginning with the last one typed; the first may be the end of
     * a longer word. So "lo kim thang" gives {@code kim & thang:*}, and the caller's containment check
     * keeps the exact hits among the index's candidates: the same records as a scan. Only words of the
     * letters a–z (after folding "Đ", "ắ" …) are asked; text with no such word after the first ("d",
     * "kheo", "16/ct") gives null and the caller's trigram index answers it.
     */
    public static String wordsQuery(String typed) {
        if (typed == null) {
            return null;
        }
        var raw = Normalizer.normalize(typed.strip(), Normalizer.Form.NFD).split(" ", -1);
        var parts = searchKey(typed.strip()).split(" ", -1);
        if (parts.length < 2 || parts.length != raw.length) {
            return null;
        }
        var terms = new java.util.ArrayList<String>();
        for (int i = 1; i < parts.length; i++) {
            var word = parts[i];
            if (word.isEmpty() || !WORD.matcher(word).matches() || !VIETNAMESE_WORD.matcher(raw[i]).matches()) {
                continue;
            }
            terms.add(i == parts.length - 1 ? word + ":*" : word);
        }
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }

    /**
     * The terms a words-and-pairs index (one that holds every word of a record's folded text and every
     * pair of neighbouring words, "thanh vinh") can answer for an accent-free "contains" search, or null
     * when it cannot narrow it. As in {@link #wordsQuery}, the words typed between two spaces are whole
     * words of a record that contains the text, the last one begins a word, and the first may be the end
     * of a longer one; so two neighbouring words typed after the first are a pair of the record, the second
     * a prefix when it is the last: "an ninh trat tu" gives {@code ninh trat} and {@code trat tu:*}. A word in
     * no pair (a neighbour that is not a word of a–z) is asked alone: "hien dat" gives {@code dat:*}. A pair
     * narrows far more than its words apart: "thanh" and "vinh" are common, "thanh vinh" side by side is a name.
     * <p>The first word joins the pairs when no Vietnamese syllable ends with it ({@link #BEGINS_ONLY}: "dong",
     * "nguyen", "thu", not "an", "hoa", "guyen"): then it is the end of the index's word before the second (V99
     * pairs the letters that end a word, "(dong" or "100dong" as "dong", with the letters that begin the next),
     * so "dong kinh" gives {@code dong kinh:*}, "nong thanh vinh" {@code nong thanh} and {@code thanh vinh:*}.
     * What it leaves out is a word of other letters glued before it ("xdong kinh"), which is no Vietnamese text.
     * <p>When the first word's initial ends longer ones ({@link #ENDS_LONGER}: "hoang" ends "khoang", "thoang" …) its pair
     * is asked with each syllable it can end, any of them will do: "hoang thu hoa" gives
     * {@code hoang thu|choang thu|ghoang thu|khoang thu|nhoang thu|nghoang thu|phoang thu|thoang thu} and
     * {@code thu hoa:*}, where the pair after it alone is held by every petition about "thu hoạch" (at 4.5 million
     * petitions, 2,840 candidates a year for a few hits). A term holding {@code |} is such a choice ({@link #keyedQuery}).
     * <p>A number typed last is asked as the beginning of a single word: "thua dat so 713" gives {@code thua dat},
     * {@code dat so} and {@code 713:*}.
     *
     * @return the terms in the order typed, a prefix term ending in {@code :*}
     */
    public static java.util.List<String> wordTerms(String typed) {
        if (typed == null) {
            return null;
        }
        var raw = Normalizer.normalize(typed.strip(), Normalizer.Form.NFD).split(" ", -1);
        var parts = searchKey(typed.strip()).split(" ", -1);
        if (parts.length < 2 || parts.length != raw.length) {
            return null;
        }
        int n = parts.length;
        var usable = new boolean[n];
        for (int i = 0; i < n; i++) {
            usable[i] = !parts[i].isEmpty() && parts[i].length() <= MAX_WORD && WORD.matcher(parts[i]).matches()
                    && VIETNAMESE_WORD.matcher(raw[i]).matches();
        }
        // the first word is asked only in a pair: alone when no Vietnamese syllable ends with it (V99's pairs), else
        // beside the syllables it can end
        var endsLonger = usable[0] && !BEGINS_ONLY.matcher(parts[0]).matches() && ENDS_LONGER.matcher(parts[0]).matches()
                && parts[0].length() + 3 <= MAX_WORD;
        usable[0] = usable[0] && n > 1 && usable[1] && (BEGINS_ONLY.matcher(parts[0]).matches() || endsLonger);
        var terms = new java.util.ArrayList<String>();
        var paired = new boolean[n];
        for (int i = 0; i + 1 < n; i++) {
            if (usable[i] && usable[i + 1]) {
                var pair = parts[i] + " " + parts[i + 1] + (i + 1 == n - 1 ? ":*" : "");
                if (i == 0 && endsLonger) {
                    var initial = parts[0].startsWith("gh") ? "gh" : parts[0].substring(0, 1);
                    var choice = new StringBuilder(pair);
                    for (var before : LONGER_INITIALS.get(initial)) {
                        choice.append('|').append(before).append(pair);
                    }
                    pair = choice.toString();
                }
                terms.add(pair);
                paired[i] = true;
                paired[i + 1] = true;
            }
        }
        for (int i = 1; i < n; i++) {
            if (usable[i] && !paired[i]) {
                terms.add(i == n - 1 ? parts[i] + ":*" : parts[i]);
            }
        }
        if (NUMBER.matcher(parts[n - 1]).matches() && parts[n - 1].equals(raw[n - 1])) {
            // a number typed last begins a word of the text, and the 'simple' parser's word there begins with it too
            // ("713" of "713/qd", "713,5", "713-2", "713a"): the index's single words hold it
            terms.add(parts[n - 1] + ":*");
        }
        return terms.isEmpty() ? null : java.util.List.copyOf(terms);
    }

    /**
     * The {@link #wordTerms} asked of a year words index (SQL {@code year_words}: every word and every pair of
     * neighbouring words of a record prefixed by a year, "2026/thanh vinh"), one tsquery text per year in the
     * order given: {@code '2026/thanh vinh':* & '2026/hai'}.
     */
    public static String[] perYearQueries(java.util.List<String> terms, java.util.List<Integer> years) {
        var out = new String[years.size()];
        for (int y = 0; y < out.length; y++) {
            out[y] = keyedQuery(terms, java.util.List.of(String.valueOf(years.get(y))));
        }
        return out;
    }

    /**
     * The {@link #wordTerms} asked of a keyed words index (SQL {@code keyed_words}: every word and every pair of
     * neighbouring words of a record prefixed by a key, "2026.42/thanh vinh") for any of the keys given: the terms
     * under one key together, each key's group an alternative — {@code ('2026.42/thanh vinh':* & '2026.42/hai') |
     * ('2026.45/thanh vinh':* & '2026.45/hai')}; no parentheses for one key. A term of choices ({@code a b|ca b},
     * {@link #wordTerms}) asks any of them: {@code ('2026/a b' | '2026/ca b')}.
     */
    public static String keyedQuery(java.util.List<String> terms, java.util.List<String> keys) {
        var q = new StringBuilder();
        for (var key : keys) {
            var group = new StringBuilder();
            for (var term : terms) {
                var choices = term.split("\\|");
                var choice = new StringBuilder();
                for (var one : choices) {
                    var prefix = one.endsWith(":*");
                    var word = prefix ? one.substring(0, one.length() - 2) : one;
                    choice.append(choice.isEmpty() ? "" : " | ").append('\'').append(key).append('/').append(word).append('\'')
                            .append(prefix ? ":*" : "");
                }
                group.append(group.isEmpty() ? "" : " & ").append(choices.length > 1 ? "(" + choice + ")" : choice);
            }
            q.append(q.isEmpty() ? "" : " | ").append(keys.size() > 1 && terms.size() > 1 ? "(" + group + ")" : group);
        }
        return q.toString();
    }

    /** The longest word a words-and-pairs index holds in a pair (SQL {@code exemplar_year_words}); no Vietnamese syllable comes near. */
    public static final int MAX_WORD = 40;

    /**
     * Moves the tone mark of open syllables "oa", "oe", "uy" (no final consonant) from the first to
     * the second vowel, as the new placement writes it: "Hòa" → "Hoà", "Khỏe" → "Khoẻ",
     * "Thủy" → "Thuỷ". Syllables with a final consonant ("Hoàng", "Toán") and "qu" + vowel
     * ("Quý") are the same in both placements and are left alone.
     */
    public static String withNewTonePlacement(String text) {
        if (text == null) {
            return null;
        }
        var d = Normalizer.normalize(text, Normalizer.Form.NFD);
        var out = new StringBuilder(d.length());
        int i = 0;
        while (i < d.length()) {
            char c = d.charAt(i);
            if ((c == 'o' || c == 'O' || c == 'u' || c == 'U') && i + 2 < d.length()) {
                char tone = d.charAt(i + 1);
                if (TONES.indexOf(tone) >= 0) {
                    char next = d.charAt(i + 2);
                    boolean pair = (c == 'o' || c == 'O') ? (next == 'a' || next == 'A' || next == 'e' || next == 'E')
                            : (next == 'y' || next == 'Y');
                    boolean afterQ = i > 0 && (d.charAt(i - 1) == 'q' || d.charAt(i - 1) == 'Q');
                    boolean open = i + 3 >= d.length() || !Character.isLetter(d.charAt(i + 3));
                    if (pair && open && !afterQ) {
                        out.append(c).append(next).append(tone);
                        i += 3;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** True when two names are the same name, differing at most in tone placement or case. */
    public static boolean sameName(String a, String b) {
        return withNewTonePlacement(a).toLowerCase(VIETNAMESE).equals(withNewTonePlacement(b).toLowerCase(VIETNAMESE));
    }
}
