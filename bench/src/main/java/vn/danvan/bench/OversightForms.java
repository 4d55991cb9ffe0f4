package vn.danvan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Three forms over the oversight modules' figures, uploaded by the benchmark as the administrator
 * (POST /api/forms/definitions; no bundled form reads these providers yet), so that the country's figures for a year are
 * asked the way a report asks them: GET /api/forms/{code}?unit=&from=&to=. Each column is one measure of the module's
 * FormProvider; beside each form, the raw SQL counting the same over the whole country and which of its columns each
 * number answers (for the checks).
 */
final class OversightForms {

    static final List<String> CODES = List.of("BENCH-KT", "BENCH-DT", "BENCH-DC");

    /** Code → provider, title, columns' measures and headers. */
    private static final Map<String, String[][]> COLUMNS = Map.of(
            "BENCH-KT", new String[][] {{"inspections.held", "Số cuộc kiểm tra, giám sát"}, {"units.inspected", "Số đơn vị được kiểm tra"},
                    {"recommendations.made", "Số kiến nghị"}, {"recommendations.accepted", "Số kiến nghị được chấp nhận hoàn thành"},
                    {"recommendations.overdue", "Số kiến nghị quá hạn"}},
            "BENCH-DT", new String[][] {{"dialogues.held", "Số hội nghị đối thoại"}, {"dialogue-opinions.raised", "Số ý kiến"},
                    {"dialogue-opinions.answered", "Trả lời tại hội nghị"}, {"dialogue-opinions.assigned", "Giao giải quyết"},
                    {"dialogue-opinions.resolved", "Đã giải quyết"}},
            "BENCH-DC", new String[][] {{"board.sessions", "Số cuộc kiểm tra, giám sát của Ban TTND"},
                    {"board.recommendations", "Số kiến nghị của Ban TTND"}, {"board.recommendations.answered", "Số kiến nghị được trả lời"},
                    {"disclosures.made", "Số nội dung đã công khai"}, {"community-meetings.held", "Số cuộc họp cộng đồng dân cư"},
                    {"disclosures.outstanding", "Số nội dung đến hạn chưa công khai"}});

    private static final Map<String, String[]> HEADS = Map.of(
            "BENCH-KT", new String[] {"inspection", "Kết quả kiểm tra, giám sát công tác dân vận (benchmark)"},
            "BENCH-DT", new String[] {"dialogue", "Kết quả đối thoại với Nhân dân (benchmark)"},
            "BENCH-DC", new String[] {"democracy", "Kết quả thực hiện dân chủ ở cơ sở (benchmark)"});

    private final WebSession admin;

    OversightForms(WebSession admin) {
        this.admin = admin;
    }

    /** Uploads the three definitions (version 1; an existing version 1 is kept). */
    void upload() throws Exception {
        for (var code : CODES) {
            var page = admin.postJson("/api/forms/definitions", definition(code));
            if (page.status() != 200 && !page.body().contains("version")) {
                throw new IllegalStateException("uploading form " + code + ": " + page.status() + " " + OversightQueryBench.abbreviate(page.body()));
            }
        }
    }

    static String definition(String code) {
        var columns = new ArrayList<String>();
        var list = COLUMNS.get(code);
        for (int i = 0; i < list.length; i++) {
            columns.add("{\"number\": %d, \"header\": [\"%s\"], \"measure\": \"%s\", \"kind\": \"COUNT\"}".formatted(i + 1, list[i][1], list[i][0]));
        }
        return """
                {"code": "%s", "symbol": "%s", "circular": "danvan bench", "version": 1, "validFrom": "2010-01-01", "title": "%s",
                 "provider": "%s", "parameters": {}, "cut": "CALENDAR", "columns": [%s], "identities": []}
                """.formatted(code, code.replace("BENCH-", "") + "/BENCH", HEADS.get(code)[1], HEADS.get(code)[0], String.join(", ", columns));
    }

    /** The raw SQL counting the form's figures over the whole country from the records (OversightSql), for the checks. */
    static List<NamedSql> sql(String code) {
        return switch (code) {
            case "BENCH-KT" -> OversightSql.COUNTRY_INSPECTIONS;
            case "BENCH-DT" -> OversightSql.COUNTRY_DIALOGUES;
            default -> OversightSql.COUNTRY_DEMOCRACY;
        };
    }

    /**
     * The raw SQL measured beside the form: as the application reads the figures (OversightSql.*_READ: per province,
     * from the tallies V82, V92 and V93 and the index V91); the checks count them independently ({@link #sql}).
     */
    static List<NamedSql> measured(String code) {
        return switch (code) {
            case "BENCH-KT" -> OversightSql.COUNTRY_INSPECTIONS_READ;
            case "BENCH-DT" -> OversightSql.COUNTRY_DIALOGUES_READ;
            default -> OversightSql.COUNTRY_DEMOCRACY_READ;
        };
    }

    static List<String> statementNames(String code) {
        return switch (code) {
            case "BENCH-KT" -> List.of("held", "inspected", "made", "accepted", "overdue");
            case "BENCH-DT" -> List.of("figures");
            default -> List.of("events", "communes owed", "disclosed");
        };
    }

    /** Which column (1-based) each number of the SQL's rows answers, in the order the statements' columns come; 0: none. */
    static int[] sqlColumns(String code) {
        return switch (code) {
            case "BENCH-KT" -> new int[] {1, 2, 3, 4, 5};
            case "BENCH-DT" -> new int[] {1, 2, 3, 4, 5};
            default -> new int[] {1, 2, 3, 4, 5};
        };
    }
}
