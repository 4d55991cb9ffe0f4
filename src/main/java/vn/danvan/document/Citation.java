package vn.danvan.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.danvan.shared.InvalidInputException;

/**
 * A document as it is cited in running text, read into its parts for the officer to confirm:
 * "Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường …" gives the kind
 * "Chỉ thị", the identifier, 16/05/2016, the issuer "Thủ tướng Chính phủ" and the subject. Party
 * dates with hyphens ("ngày 25-02-2010") and "ngày 16 tháng 5 năm 2016" are read too; joint
 * documents name their issuers with "giữa A và B".
 *
 * @param identifier null when the citation names no identifier that parses
 * @param problem    why the identifier did not parse (a message key of field "identifier"), or null
 */
public record Citation(String kindName, DocumentIdentifier identifier, LocalDate issuedOn, List<String> issuers, String subject,
                       InvalidInputException problem) {

    private static final String PART = "\\p{L}[\\p{L}\\p{N}&]*";
    private static final Pattern IDENTIFIER = Pattern.compile(
            "\\d{1,5}\\s*(?:-\\s*" + PART + "\\s*/\\s*" + PART + "(?:\\s*-\\s*" + PART + ")*"
                    + "|/\\s*(?:\\d{4}\\s*/\\s*)?" + PART + "(?:\\s*-\\s*" + PART + ")*)");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})");
    private static final Pattern WORDED_DATE = Pattern.compile("(?iu)(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})");
    private static final Pattern ISSUER = Pattern.compile("(?iu)(?:^|\\s)(của|giữa|do)\\s+(.+?)(?=\\s+về\\s|\\s+V/v|\\s+ban hành|\\s+ngày\\s|[,;(\"“”']|$)");
    private static final Pattern SUBJECT = Pattern.compile("(?iu)(?:[\"“'‘](.+?)[\"”'’])|(?:(?:^|\\s)(về|V/v)\\s+(.+)$)");
    private static final Pattern SO = Pattern.compile("(?iu)\\s*\\bsố\\s*:?\\s*$");
    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    /** Kind names that may stand before the identifier, longest first so that "Chương trình phối hợp" wins over "Chương trình". */
    private static final List<String> KIND_NAMES = Stream.concat(
                    Stream.concat(DocumentTypes.STATE.values().stream(), DocumentTypes.PARTY.values().stream()),
                    Stream.of("Luật", "Chương trình phối hợp", "Kế hoạch phối hợp", "Quy chế phối hợp", "Thông báo kết luận",
                            "Công văn", "Pháp lệnh", "Nghị quyết liên tịch"))
            .distinct().sorted(Comparator.comparing(String::length).reversed()).toList();

    /** Reads a citation; never fails: parts not found are null (or empty). */
    public static Citation parse(String text) {
        if (text == null || text.isBlank()) {
            return new Citation(null, null, null, List.of(), null, new InvalidInputException(DocumentIdentifier.FIELD, "document.identifier.empty"));
        }
        var s = DocumentIdentifier.clean(text);
        var m = IDENTIFIER.matcher(s);
        DocumentIdentifier identifier = null;
        InvalidInputException problem = null;
        String before = s;
        String after = "";
        var found = m.find();
        if (found) {
            before = s.substring(0, m.start());
            after = s.substring(m.end());
            try {
                identifier = DocumentIdentifier.parse(m.group());
            } catch (InvalidInputException e) {
                problem = e;
            }
        } else {
            problem = new InvalidInputException(DocumentIdentifier.FIELD, "document.identifier.no-number", s);
            after = s;
        }
        var kind = kindName(SO.matcher(found ? before : leadingWords(s)).replaceAll("").strip());
        if (kind == null && identifier != null) {
            kind = identifier.kindOrDefault();
        }
        var issuedOn = date(after);
        var issuers = issuers(after);
        var subject = subject(after);
        return new Citation(kind, identifier, issuedOn, issuers, subject, problem);
    }

    /** The words before the first digit, "ngày", "của" or "về": where a kind name stands when no identifier does. */
    private static String leadingWords(String text) {
        var m = Pattern.compile("(?iu)^(.*?)(?=\\d|\\s+ngày\\s|\\s+của\\s|\\s+về\\s|$)").matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static String kindName(String prefix) {
        if (prefix.isEmpty()) {
            return null;
        }
        var lower = prefix.toLowerCase(VI);
        for (var name : KIND_NAMES) {
            if (lower.endsWith(name.toLowerCase(VI))) {
                var written = prefix.substring(prefix.length() - name.length());
                return Character.toUpperCase(written.charAt(0)) + written.substring(1);
            }
        }
        return prefix.matches("[\\p{L} ]+") ? prefix : null;
    }

    private static LocalDate date(String text) {
        for (var pattern : List.of(WORDED_DATE, NUMERIC_DATE)) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                } catch (DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static List<String> issuers(String text) {
        var m = ISSUER.matcher(text);
        if (!m.find()) {
            return List.of();
        }
        var names = new LinkedHashSet<String>();
        var found = m.group(2).strip();
        var split = m.group(1).equalsIgnoreCase("giữa") ? found.split("\\s+(?:và|với)\\s+") : new String[] {found};
        for (var name : split) {
            var clean = name.replaceAll("\\s*\\(.*$", "").strip();
            if (!clean.isEmpty()) {
                names.add(clean);
            }
        }
        return new ArrayList<>(names);
    }

    private static String subject(String text) {
        var m = SUBJECT.matcher(text);
        if (!m.find()) {
            return null;
        }
        var subject = m.group(1) != null ? m.group(1).strip() : ("về".equalsIgnoreCase(m.group(2)) ? "Về " : "") + m.group(3).strip();
        return subject.isEmpty() ? null : subject;
    }
}
