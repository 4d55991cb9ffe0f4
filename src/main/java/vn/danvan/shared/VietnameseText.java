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
