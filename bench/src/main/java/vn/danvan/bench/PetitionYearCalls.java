package vn.danvan.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The statements PetitionQueries.search sends for a search by words since V95 (PetitionYearSearch; keyed by area since
 * V101): the plans set for the values asked, the areas of the units asked, one statement per year of receipt newest first until the count's cap is passed, then the page — by
 * id among the years read whole when they hold it, else the walk newest first (from the oldest year read when the hits
 * read hold the page). Which years are read, and so which statements and values, depends on the hits: the draw runs them
 * once, untimed (as the application decides in Java between its statements), and the timed run sends the same ones.
 */
final class PetitionYearCalls {

    private PetitionYearCalls() {
    }

    private record Hit(long id, LocalDate receivedOn) {
        static final Comparator<Hit> NEWEST_FIRST = Comparator.comparing(Hit::receivedOn).thenComparingLong(Hit::id).reversed();
    }

    /**
     * The statements of one search, its parameters completed ({@code :left<y>}, {@code :chosen} or {@code :pageFrom});
     * the rows reported are the hits (the count). The years asked are {@code lastYear} down to {@code firstYear} (those of
     * the petitions kept, within the filter's days); page 0 of {@code :size}.
     */
    static List<PetitionQueryBench.Statement> statements(Connection db, Map<String, Object> params, String text, String where,
                                                         boolean units, int lastYear, int firstYear, boolean textOnly)
            throws SQLException {
        var yearList = new ArrayList<Integer>();
        for (int y = lastYear; y >= firstYear; y--) {
            yearList.add(y);
        }
        var terms = ExemplarSql.terms(text);
        var statements = new ArrayList<PetitionQueryBench.Statement>();
        statements.add(new PetitionQueryBench.Statement(PetitionSql.CUSTOM_PLANS, false));
        // the areas of the units asked: their keys when they are few (PetitionYearSearch.MAX_AREAS), else the year's (V101)
        List<Long> areas = List.of();
        if (units) {
            areas = PetitionSql.AREAS_OF_UNITS.longs(db, params);
            statements.add(new PetitionQueryBench.Statement(PetitionSql.AREAS_OF_UNITS, false));
        }
        var byArea = !areas.isEmpty() && areas.size() <= 8;
        for (int y = 0; y < yearList.size(); y++) {
            int year = yearList.get(y);
            params.put("yearWords" + y, ExemplarSql.keyed(terms,
                    byArea ? areas.stream().map(a -> year + "." + a).toList() : List.of(String.valueOf(year))));
        }
        int years = yearList.size();
        int cap = PetitionSql.SEARCH_COUNT_CAP;
        var hits = new ArrayList<Hit>();
        int whole = 0;
        for (int y = 0; y < years && hits.size() <= cap; y++) {
            int left = cap + 1 - hits.size();
            params.put("left" + y, left);
            var sql = PetitionSql.yearHits(textOnly ? textWhere(where) : where, y, textOnly);
            var year = new ArrayList<Hit>();
            for (var row : sql.rows(db, params)) {
                year.add(new Hit(((Number) row[0]).longValue(), ((java.sql.Date) row[1]).toLocalDate()));
            }
            year.sort(Hit.NEWEST_FIRST);
            hits.addAll(year);
            if (year.size() < left) {
                whole = hits.size();
            }
            statements.add(new PetitionQueryBench.Statement(sql, false, true));
        }
        long end = ((Number) params.get("size")).longValue();
        List<Hit> among = hits.size() <= cap ? hits : whole >= end ? hits.subList(0, whole) : null;
        if (among != null) {
            params.put("chosen", among.stream().map(Hit::id).toArray(Long[]::new));
            statements.add(new PetitionQueryBench.Statement(PetitionSql.PAGE_BY_IDS_TEXT, false));
        } else {
            var pageFrom = hits.size() >= end && !hits.isEmpty() ? hits.get(hits.size() - 1).receivedOn().withDayOfYear(1) : null;
            params.put("pageFrom", pageFrom);
            if (textOnly && pageFrom != null) {
                // PetitionYearSearch.newest since session 15: windows of days before today (2 days, then eight times
                // wider) of the words and the texts' days (V107) until one holds the page; the page by the ids
                var keys = new ArrayList<String>();
                var newest = ((LocalDate) params.get("today"));
                for (int year = newest.getYear(); year >= pageFrom.getYear(); year--) {
                    int yy = year;
                    keys.addAll(byArea ? areas.stream().map(a -> yy + "." + a).toList() : List.of(String.valueOf(yy)));
                }
                params.put("pageWords", ExemplarSql.keyed(terms, keys));
                params.put("since", pageFrom);
                var textCondition = " and strpos(t.search_text, search_key(:text)) > 0";
                var walk = new NamedSql("select w.petition_id, w.received_on from (select t.petition_id, t.received_on, t.search_text"
                        + " from petition_text t " + textWhere(where).replace(textCondition, "")
                        + " and t.received_on >= :since order by t.received_on desc, t.petition_id desc limit 500) w"
                        + " where strpos(w.search_text, search_key(:text)) > 0 limit " + end);
                statements.add(new PetitionQueryBench.Statement(walk, false));
                var walked = new ArrayList<Hit>();
                for (var row : walk.rows(db, params)) {
                    walked.add(new Hit(((Number) row[0]).longValue(), ((java.sql.Date) row[1]).toLocalDate()));
                }
                var window = new NamedSql("select t.petition_id, t.received_on from petition_text t " + textWhere(where)
                        + " and petition_area_words(t.area_id, t.received_on, t.search_text) @@ cast(:pageWords as tsquery)"
                        + " and t.received_on >= :since");
                long days = 2;
                List<Hit> page = null;
                if (walked.size() >= end) {
                    walked.sort(Hit.NEWEST_FIRST);
                    page = walked.subList(0, (int) end);
                }
                int w = 0;
                while (page == null) {
                    var since = newest.minusDays(days - 1);
                    var last = !since.isAfter(pageFrom);
                    params.put("since" + w, last ? pageFrom : since);
                    var sinceSql = new NamedSql(window.text.replace(":since", ":since" + w));
                    var year = new ArrayList<Hit>();
                    for (var row : sinceSql.rows(db, params)) {
                        year.add(new Hit(((Number) row[0]).longValue(), ((java.sql.Date) row[1]).toLocalDate()));
                    }
                    statements.add(new PetitionQueryBench.Statement(sinceSql, false));
                    if (year.size() >= end || last) {
                        year.sort(Hit.NEWEST_FIRST);
                        page = year.subList(0, (int) Math.min(end, year.size()));
                        break;
                    }
                    days *= 8;
                    w++;
                }
                params.put("chosen", page.stream().map(Hit::id).toArray(Long[]::new));
                statements.add(new PetitionQueryBench.Statement(PetitionSql.PAGE_BY_IDS_TEXT, false));
            } else {
                statements.add(new PetitionQueryBench.Statement(PetitionSql.walkPage(where, pageFrom != null), false));
            }
        }
        statements.add(new PetitionQueryBench.Statement(PetitionSql.PLANS_AS_CONFIGURED, false));
        return statements;
    }

    /** PetitionQueries.search's conditions of units and days on petition_text's own columns (a search by words alone). */
    static String textWhere(String where) {
        return where.replace("p.unit_id", "t.unit_id").replace("p.received_on", "t.received_on");
    }
}
