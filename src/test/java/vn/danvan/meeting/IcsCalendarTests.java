package vn.danvan.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The iCalendar writer against RFC 5545: CRLF, 75-octet folding, TEXT escaping, UTC times. */
class IcsCalendarTests {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    static String feed(String summary, String location) {
        return IcsCalendar.write("Lịch của tôi", List.of(new IcsCalendar.Event("meeting-7@danvan", LocalDateTime.of(2019, 3, 28, 14, 0),
                LocalDateTime.of(2019, 3, 28, 17, 0), summary, location, null, "https://danvan.example/meetings/7")),
                Instant.parse("2026-11-30T02:00:00Z"), HCM);
    }

    @Test
    void everyLineEndsWithCrlfAndNoBareLineFeedIsLeft() {
        var ics = feed("Giao ban quý I", "Lạng Sơn");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void writesTheRequiredPropertiesWithTimesInUtc() {
        var ics = feed("Giao ban quý I", "Lạng Sơn");
        assertThat(ics).contains("VERSION:2.0\r\n", "PRODID:", "BEGIN:VEVENT\r\n", "UID:meeting-7@danvan\r\n",
                "DTSTAMP:20261130T020000Z\r\n", "DTSTART:20190328T070000Z\r\n", "DTEND:20190328T100000Z\r\n",
                "SUMMARY:Giao ban quý I\r\n", "LOCATION:Lạng Sơn\r\n", "END:VEVENT\r\n");
    }

    @Test
    void escapesBackslashSemicolonCommaAndNewline() {
        assertThat(IcsCalendar.escape("a\\b;c,d\ne")).isEqualTo("a\\\\b\\;c\\,d\\ne");
        assertThat(feed("Tỉnh ủy, HĐND; UBND", "Phòng 1\nTầng 2")).contains("SUMMARY:Tỉnh ủy\\, HĐND\\; UBND\r\n",
                "LOCATION:Phòng 1\\nTầng 2\r\n");
    }

    @Test
    void foldsLongLinesAtSeventyFiveOctetsWithoutSplittingAVietnameseLetter() {
        var summary = "Hội nghị tổng kết Chương trình phối hợp về công tác dân vận giai đoạn 2016–2021 giữa Ban Cán sự đảng UBND tỉnh "
                + "và Ban Dân vận Tỉnh ủy Thái Nguyên";
        var ics = feed(summary, null);
        for (var line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        // unfolding (RFC 5545 §3.1: remove CRLF followed by one space) gives the line back whole
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:" + summary + "\r\n");
        var folded = IcsCalendar.fold("SUMMARY:" + "ệ".repeat(40));
        // "SUMMARY:" is 8 octets and "ệ" 3: the 23rd letter would end at octet 77, so the first line stops at 74
        assertThat(folded.split("\r\n")[0].getBytes(StandardCharsets.UTF_8)).hasSize(74);
        assertThat(folded.replace("\r\n ", "")).isEqualTo("SUMMARY:" + "ệ".repeat(40));
    }

    @Test
    void aShortLineIsNotFolded() {
        assertThat(IcsCalendar.fold("SUMMARY:Giao ban")).isEqualTo("SUMMARY:Giao ban");
    }
}
