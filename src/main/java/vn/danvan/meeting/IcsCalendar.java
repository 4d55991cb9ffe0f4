package vn.danvan.meeting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an iCalendar stream (RFC 5545): VCALENDAR with one VEVENT per entry; times in UTC ("Z"), so
 * no VTIMEZONE is needed; text values escaped (backslash, semicolon, comma, newline); lines ended by
 * CRLF and folded at 75 octets of UTF-8 without splitting a character.
 */
final class IcsCalendar {

    static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private IcsCalendar() {
    }

    /** One event; {@code start}/{@code end} local times in {@code zone}. */
    record Event(String uid, LocalDateTime start, LocalDateTime end, String summary, String location, String description, String url) {
    }

    static String write(String calendarName, List<Event> events, Instant stamp, ZoneId zone) {
        var out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//danvan//Hoi nghi va han nhiem vu//VI");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(calendarName));
        line(out, "X-WR-TIMEZONE:" + zone.getId());
        var dtstamp = UTC.format(stamp.atOffset(ZoneOffset.UTC));
        for (var e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid());
            line(out, "DTSTAMP:" + dtstamp);
            line(out, "DTSTART:" + utc(e.start(), zone));
            line(out, "DTEND:" + utc(e.end() != null && !e.end().isBefore(e.start()) ? e.end() : e.start(), zone));
            line(out, "SUMMARY:" + escape(e.summary()));
            if (e.location() != null && !e.location().isBlank()) {
                line(out, "LOCATION:" + escape(e.location()));
            }
            if (e.description() != null && !e.description().isBlank()) {
                line(out, "DESCRIPTION:" + escape(e.description()));
            }
            if (e.url() != null) {
                line(out, "URL:" + e.url());
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    static String utc(LocalDateTime local, ZoneId zone) {
        return UTC.format(local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC));
    }

    /** TEXT escaping of RFC 5545 §3.3.11. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /**
     * Folds a content line (RFC 5545 §3.1): at most 75 octets per physical line, continued lines start
     * with one space; a multi-octet UTF-8 character is never split.
     */
    static String fold(String line) {
        var out = new StringBuilder();
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            var ch = new String(Character.toChars(cp));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space counts
            }
            out.append(ch);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String content) {
        out.append(fold(content)).append(CRLF);
    }
}
