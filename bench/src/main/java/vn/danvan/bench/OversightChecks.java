package vn.danvan.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Before measuring: the application's answers set against the raw SQL's counts on the same tables — a province's overdue
 * recommendations (the API's total), a commune's public page (its JSON twins: the dialogues' total, the commitments'
 * tally, the board's recommendations and disclosures; and no generated phone number in either HTML page) and the country's
 * figures for a year (the forms' total row, column by column). Each line says what was compared and whether it matched.
 */
final class OversightChecks {

    interface Subtree {
        Long[] of(long unitId) throws SQLException;
    }

    /** The generated phones of speakers and board members: 09 and eight digits. */
    private static final Pattern PHONE = Pattern.compile("\\b09\\d{8}\\b");

    private final Connection db;
    private final WebSession admin;
    private final WebSession anonymous;
    private final LocalDate today;
    private final Subtree subtree;

    OversightChecks(Connection db, WebSession admin, WebSession anonymous, LocalDate today, Subtree subtree) {
        this.db = db;
        this.admin = admin;
        this.anonymous = anonymous;
        this.today = today;
        this.subtree = subtree;
    }

    List<String> recommendations(List<OversightQueryBench.Unit> provinces) throws Exception {
        var out = new ArrayList<String>();
        for (var p : provinces) {
            var page = admin.get("/api/recommendations?unit=" + p.code() + "&status=OVERDUE&page=0&size=20");
            long app = page.status() == 200 ? ((Number) map(page.body()).get("totalElements")).longValue() : -1;
            long sql = OversightSql.OVERDUE_RECOMMENDATIONS.get(0).run(db, Map.of("responsible", subtree.of(p.id()), "today", today), true);
            out.add(line("overdue recommendations of province " + p.code(), app, sql));
        }
        return out;
    }

    List<String> publicPages(List<OversightQueryBench.Unit> communes) throws Exception {
        var out = new ArrayList<String>();
        for (var c : communes) {
            var params = new HashMap<String, Object>();
            params.put("units", subtree.of(c.id()));
            params.put("today", today);
            var data = anonymous.get("/public/accountability/" + c.code() + "/data");
            var json = data.status() == 200 ? map(data.body()) : Map.of();
            out.add(line("dialogues on the public page of " + c.code(), number(json, "dialogues", "totalElements"),
                    OversightSql.PUBLIC_DIALOGUES.get(0).run(db, params, true)));
            out.add(line("commitments tallied on the public page of " + c.code(), number(json, "tally", "total"),
                    OversightSql.PUBLIC_DIALOGUES.get(3).run(db, params, false)));
            var board = new HashMap<String, Object>();
            board.put("units", new Long[] {c.id()});
            board.put("today", today);
            board.put("year", String.valueOf(today.getYear()));
            board.put("yearStart", LocalDate.of(today.getYear(), 1, 1));
            board.put("yearEnd", LocalDate.of(today.getYear(), 12, 31));
            var boardPage = anonymous.get("/public/accountability/" + c.code() + "/board.json");
            var b = boardPage.status() == 200 ? map(boardPage.body()) : Map.of();
            out.add(line("board recommendations on the public page of " + c.code(), size(b.get("recommendations")),
                    OversightSql.PUBLIC_BOARD.get(1).run(db, board, true)));
            out.add(line("disclosures on the public page of " + c.code(), size(b.get("disclosures")),
                    OversightSql.PUBLIC_BOARD.get(3).run(db, board, false)));
            for (var path : List.of("/public/accountability/" + c.code(), "/public/accountability/" + c.code() + "/board")) {
                var html = anonymous.get(path);
                var phone = PHONE.matcher(html.body());
                out.add(line("phone numbers of citizens shown on " + path + " (status " + html.status() + ")", phone.find() ? 1 : 0, 0));
            }
        }
        return out;
    }

    List<String> forms(String country, int year) throws Exception {
        var out = new ArrayList<String>();
        var from = LocalDate.of(year, 1, 1);
        var to = LocalDate.of(year, 12, 31);
        var params = new HashMap<String, Object>();
        params.put("from", from);
        params.put("until", to.isAfter(today) ? today : to);
        params.put("today", today);
        for (var code : OversightForms.CODES) {
            var page = admin.get("/api/forms/" + code + "?unit=" + country + "&from=" + from + "&to=" + to);
            Map<?, ?> total = Map.of();
            if (page.status() == 200) {
                for (var row : (List<?>) map(page.body()).get("rows")) {
                    if ("TOTAL".equals(((Map<?, ?>) row).get("kind"))) {
                        total = (Map<?, ?>) ((Map<?, ?>) row).get("values");
                    }
                }
            } else {
                out.add("form " + code + ": **" + page.status() + "** " + OversightQueryBench.abbreviate(page.body()));
                continue;
            }
            var numbers = new ArrayList<Long>();
            for (var statement : OversightForms.sql(code)) {
                numbers.addAll(statement.firstRow(db, params));
            }
            int[] columns = OversightForms.sqlColumns(code);
            for (int i = 0; i < numbers.size() && i < columns.length; i++) {
                var value = total.get(String.valueOf(columns[i]));
                long app = value == null ? 0 : ((Number) value).longValue();
                out.add(line("form %s %d, column %d".formatted(code, year, columns[i]), app, numbers.get(i)));
            }
        }
        return out;
    }

    private static String line(String what, long app, long sql) {
        return "%s: application %,d, SQL %,d — %s".formatted(what, app, sql, app == sql ? "same" : "**different**");
    }

    private static Map<?, ?> map(String body) {
        return (Map<?, ?>) Json.parse(body);
    }

    private static long number(Map<?, ?> json, String object, String field) {
        var inner = json.get(object);
        return inner instanceof Map<?, ?> m && m.get(field) instanceof Number n ? n.longValue() : -1;
    }

    private static long size(Object list) {
        return list instanceof List<?> l ? l.size() : -1;
    }
}
