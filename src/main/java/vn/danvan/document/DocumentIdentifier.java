package vn.danvan.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.VietnameseText;

/**
 * A document's number and symbol (số, ký hiệu), parsed by the grammar of brief §8.3 and contracts §5.
 *
 * <pre>
 * state := NUM ( "/" YEAR )? "/" PART ( "-" PART )*     16/CT-TTg, 09/2019/NĐ-CP, 1246/UBND-BTCD, 42/2013/QH13
 * party := NUM "-" TYPE "/" ISSUER ( "-" ISSUER )*        79-CTr/BDVTW-BCSĐCP, 290-QĐ/TW, 124-QĐi/TW
 * </pre>
 *
 * {@code type} is the abbreviation the symbol itself carries, null for laws and official letters
 * (their first part is not a type); {@code issuers} are the remaining parts, case kept (TTg).
 * {@code normalized} is NFC, without spaces, the number as written, the type in its canonical
 * spelling; {@code original} is what was given. Tolerated: a leading document name and "số" /
 * "Số:" ("Chỉ thị số 16/CT-TTg"), stray spaces ("94- KH/BTGDVTW"), other dashes and slashes,
 * decomposed Unicode and the look-alike "Ð" (U+00D0) for "Đ", and a Party identifier written with
 * the State's separators ("Quy định 11/QĐi-TW" is {@code 11-QĐi/TW}). Anything else is refused with
 * a message naming the part that is wrong.
 *
 * @param kindName the document name written before the identifier ("Chỉ thị"), or null
 */
public record DocumentIdentifier(String original, String normalized, DocumentSystem system, int number, String numberText,
                                 Integer year, String type, List<String> issuers, String kindName) {

    /** The field that problems name. */
    static final String FIELD = "identifier";

    private static final Pattern DASHES = Pattern.compile("[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]");
    private static final Pattern SLASHES = Pattern.compile("[\u2044\u2215\uFF0F]");
    private static final Pattern SPACES = Pattern.compile("[\\s\u00A0\u2007\u202F\u200B]+");
    private static final Pattern AROUND_SEPARATORS = Pattern.compile("\\s*([/-])\\s*");
    private static final Pattern SO_COLON = Pattern.compile("(?iu)\\b(số)\\s*:\\s*");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)(.*)$");
    private static final Pattern YEAR_THEN_SYMBOL = Pattern.compile("^(\\d+)/(.*)$");
    private static final Pattern PART = Pattern.compile("^\\p{L}[\\p{L}\\p{N}&]*$");
    private static final Pattern WORD = Pattern.compile("^\\p{L}+:?$");
    private static final Pattern PARTY_ISSUER = Pattern.compile("^(TW|TƯ|TU|HU|ĐU\\p{L}*|BCSĐ[\\p{L}\\p{N}]*|[\\p{Lu}]+(TW|TƯ|TU|HU))$");

    public DocumentIdentifier {
        issuers = List.copyOf(issuers);
    }

    /** The symbol after the number (and year): {@code CT-TTg}, {@code QĐ/TW}. */
    public String symbol() {
        var parts = new ArrayList<String>();
        if (system == DocumentSystem.PARTY) {
            return type + "/" + String.join("-", issuers);
        }
        if (type != null) {
            parts.add(type);
        }
        parts.addAll(issuers);
        return String.join("-", parts);
    }

    /** The name of the kind: the one written before the identifier, otherwise the one the type stands for. */
    public String kindOrDefault() {
        return kindName != null ? kindName : DocumentTypes.kindName(system, type, issuers);
    }

    /**
     * Parses one identifier, optionally preceded by a document name and "số".
     *
     * @throws InvalidInputException on field "identifier", naming the part that is wrong
     */
    public static DocumentIdentifier parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("document.identifier.empty");
        }
        var original = text.strip();
        var s = clean(original);
        s = SO_COLON.matcher(s).replaceAll("$1 ");
        s = AROUND_SEPARATORS.matcher(s).replaceAll("$1").strip();
        var tokens = s.split(" ");
        int first = -1;
        for (int i = 0; i < tokens.length; i++) {
            if (!tokens[i].isEmpty() && Character.isDigit(tokens[i].charAt(0))) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            throw invalid("document.identifier.no-number", original);
        }
        var name = new ArrayList<String>();
        for (int i = 0; i < first; i++) {
            var word = tokens[i];
            if (!WORD.matcher(word).matches() || word.endsWith(":") && !word.equalsIgnoreCase("số:")) {
                throw invalid("document.identifier.prefix", String.join(" ", List.of(tokens).subList(0, first)));
            }
            if (!word.replace(":", "").equalsIgnoreCase("số")) {
                name.add(word);
            } else if (i != first - 1) {
                throw invalid("document.identifier.prefix", String.join(" ", List.of(tokens).subList(0, first)));
            }
        }
        if (first + 1 < tokens.length) {
            throw invalid("document.identifier.extra", String.join(" ", List.of(tokens).subList(first + 1, tokens.length)));
        }
        var kindName = name.isEmpty() ? null : String.join(" ", name);
        return core(original, tokens[first], kindName);
    }

    /** NFC; look-alike letters, dashes, slashes and spaces made plain; trailing punctuation dropped. */
    static String clean(String text) {
        var s = VietnameseText.nfc(text)
                .replace('\u00D0', 'Đ').replace('\u0189', 'Đ').replace('\u00F0', 'đ');
        s = DASHES.matcher(s).replaceAll("-");
        s = SLASHES.matcher(s).replaceAll("/");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        while (!s.isEmpty() && ".,;".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static DocumentIdentifier core(String original, String id, String kindName) {
        var m = LEADING_NUMBER.matcher(id);
        if (!m.matches()) {
            throw invalid("document.identifier.no-number", id);
        }
        var numberText = m.group(1);
        var rest = m.group(2);
        if (numberText.length() > 5) {
            throw invalid("document.identifier.number-too-long", numberText);
        }
        var number = Integer.parseInt(numberText);
        if (number == 0) {
            throw invalid("document.identifier.number-zero", numberText);
        }
        if (rest.isEmpty()) {
            throw invalid("document.identifier.no-symbol", numberText);
        }
        var separator = rest.charAt(0);
        if (separator == '-') {
            return party(original, numberText, number, rest.substring(1), kindName);
        }
        if (separator != '/') {
            throw invalid("document.identifier.separator", numberText, String.valueOf(separator));
        }
        return state(original, numberText, number, rest.substring(1), kindName);
    }

    private static DocumentIdentifier party(String original, String numberText, int number, String rest, String kindName) {
        var slash = rest.indexOf('/');
        if (slash < 0) {
            throw invalid("document.identifier.party-no-issuer", numberText + "-" + rest);
        }
        var typeText = rest.substring(0, slash);
        if (typeText.isEmpty()) {
            throw invalid("document.identifier.party-no-type", numberText);
        }
        var type = DocumentTypes.canonical(typeText, DocumentSystem.PARTY)
                .orElseThrow(() -> invalid("document.identifier.party-type-unknown", typeText));
        var issuersText = rest.substring(slash + 1);
        if (issuersText.isEmpty()) {
            throw invalid("document.identifier.party-no-issuer", numberText + "-" + typeText);
        }
        if (issuersText.indexOf('/') >= 0) {
            throw invalid("document.identifier.part", issuersText);
        }
        var issuers = parts(issuersText);
        var normalized = numberText + "-" + type + "/" + String.join("-", issuers);
        return new DocumentIdentifier(original, normalized, DocumentSystem.PARTY, number, numberText, null, type, issuers, kindName);
    }

    private static DocumentIdentifier state(String original, String numberText, int number, String rest, String kindName) {
        Integer year = null;
        String yearText = null;
        var y = YEAR_THEN_SYMBOL.matcher(rest);
        if (y.matches()) {
            yearText = y.group(1);
            if (yearText.length() != 4 || Integer.parseInt(yearText) < 1945 || Integer.parseInt(yearText) > 2100) {
                throw invalid("document.identifier.year", yearText);
            }
            year = Integer.parseInt(yearText);
            rest = y.group(2);
        }
        if (rest.isEmpty()) {
            throw invalid("document.identifier.no-symbol", numberText + (yearText == null ? "" : "/" + yearText));
        }
        if (rest.indexOf('/') >= 0) {
            throw invalid("document.identifier.part", rest);
        }
        var parts = parts(rest);
        var head = parts.get(0);
        var tail = parts.subList(1, parts.size());
        var stateType = DocumentTypes.canonical(head, DocumentSystem.STATE);
        var partyType = DocumentTypes.canonical(head, DocumentSystem.PARTY);
        var partyIssuers = !tail.isEmpty() && tail.stream().allMatch(p -> PARTY_ISSUER.matcher(p).matches());
        if (year == null && partyType.isPresent() && (stateType.isEmpty() || partyIssuers)
                && (partyIssuers || DocumentTypes.PARTY_ONLY.contains(partyType.get()))) {
            // a Party identifier written with the State's separators: "11/QĐi-TW" is 11-QĐi/TW
            var normalized = numberText + "-" + partyType.get() + "/" + String.join("-", tail);
            return new DocumentIdentifier(original, normalized, DocumentSystem.PARTY, number, numberText, null, partyType.get(),
                    tail, kindName);
        }
        String type = null;
        List<String> issuers = parts;
        if (stateType.isPresent() && !tail.isEmpty()) {
            type = stateType.get();
            issuers = tail;
        } else if (stateType.isPresent() && DocumentTypes.STATE.containsKey(head)) {
            throw invalid("document.identifier.state-no-issuer", head);
        }
        var symbol = new ArrayList<String>();
        if (type != null) {
            symbol.add(type);
        }
        symbol.addAll(issuers);
        var normalized = numberText + (yearText == null ? "" : "/" + yearText) + "/" + String.join("-", symbol);
        return new DocumentIdentifier(original, normalized, DocumentSystem.STATE, number, numberText, year, type, issuers, kindName);
    }

    private static List<String> parts(String text) {
        var parts = new ArrayList<String>();
        for (var part : text.split("-", -1)) {
            if (part.isEmpty()) {
                throw invalid("document.identifier.empty-part", text);
            }
            if (!PART.matcher(part).matches()) {
                throw invalid("document.identifier.part", part);
            }
            parts.add(part);
        }
        return parts;
    }

    private static InvalidInputException invalid(String key, Object... args) {
        return new InvalidInputException(FIELD, key, args);
    }
}
