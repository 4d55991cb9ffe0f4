package vn.danvan.petition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.shared.VietnameseText;

/**
 * The hits of a search by words, read from the area words index (V101, {@code petition_text_area_words}: the words of
 * a petition's text keyed by its year and area of receipt) one year of receipt at a time, newest first, until the
 * count's cap is passed: a common topic reads the newest year's postings and stops, a name reads every year's few.
 * Each year is its own statement, so which years were read whole is known, and the list's page can be taken from them
 * by id (the list's order is newest first). A search within the units of a few areas asks only the keys of their
 * areas: a province reads its own postings, not the country's. Runs in the caller's transaction: its statements are planned for the values
 * asked ({@code plan_cache_mode}, set for the transaction) and without parallel workers.
 */
@Component
class PetitionYearSearch {

    private final JdbcClient jdbc;

    PetitionYearSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A petition found: its id and day of receipt. */
    record Hit(long id, LocalDate receivedOn) {
        static final Comparator<Hit> NEWEST_FIRST = Comparator.comparing(Hit::receivedOn).thenComparingLong(Hit::id).reversed();
    }

    /**
     * The hits found, up to {@code cap} + 1, and how many of them (the first ones, newest years first) are all the
     * hits of their years.
     */
    record Found(List<Hit> hits, int whole) {

        /**
         * The ids among which the list's page lies (the page query sorts and cuts them), or null when the years read
         * whole do not hold it (the page must then walk the petitions newest first).
         */
        List<Long> pageAmong(int cap, long end) {
            if (hits.size() <= cap) {
                return hits.stream().map(Hit::id).toList();
            }
            if (whole >= end) {
                return hits.subList(0, whole).stream().map(Hit::id).toList();
            }
            return null;
        }

        /** The first day of the oldest year read, when the hits read hold the page ({@code end} rows); else null. */
        LocalDate pageFrom(long end) {
            return hits.size() >= end && !hits.isEmpty() ? hits.get(hits.size() - 1).receivedOn().withDayOfYear(1) : null;
        }
    }

    /**
     * The hits of {@code where} (over {@code petition_text t join petition p left join petition_matter m}, its words kept
     * by strpos on {@code t.search_text}) with the area words index asked for {@code terms}, newest year first, up to
     * {@code cap} + 1: each year's question asks the keys of the year and area for the areas of {@code units} when they are
     * few, else (the country: null) the year's keys.
     *
     * @param textOnly {@code where} names only {@code t} (petition_text: units, days, text), so the petition is not read:
     *                 at 505,683 petitions, 1,001 hits of a topic read 630 pages of text and 4,000 of the petition's key
     *                 and rows beside them
     */
    Found hits(String where, Map<String, Object> params, List<String> terms, List<Long> units, LocalDate from, LocalDate to,
               int cap, boolean textOnly) {
        var years = yearsNewestFirst(from, to);
        var areas = units == null ? List.<Long>of() : areas(units);
        // a few areas: their keys; the country or many areas: the year's (GIN weighs every key asked for every candidate)
        var byArea = !areas.isEmpty() && areas.size() <= MAX_AREAS;
        var sql = (textOnly ? "select t.petition_id, t.received_on from petition_text t "
                : "select p.id, p.received_on from petition_text t join petition p on p.id = t.petition_id"
                        + " left join petition_matter m on m.id = p.matter_id ") + where
                + " and petition_area_words(t.area_id, t.received_on, t.search_text) @@ cast(:yearWords as tsquery) limit :left";
        // the same statement is sent once per year, so the driver soon prepares it on the server, and a generic plan
        // (units and terms unknown) may walk the petitions of the units testing every row's words: planned for the
        // values asked, the year's postings of the areas asked are read
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        // a year's hits are a few hundred rows at most, but the planner's guess for an area's prefix terms is thousands
        // ("sach nhieu" in Thái Nguyên's three areas: 7,547 guessed, 125 read): it started two parallel workers for
        // 0.4 ms of work, 32 ms a year (bench/results/petitions-2026-12-01-small-quiet-s13-parallel-workers.md)
        jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
        var hits = new ArrayList<Hit>();
        int whole = 0;
        for (int i = 0; i < years.size() && hits.size() <= cap; i++) {
            int left = cap + 1 - hits.size();
            var yearParams = new LinkedHashMap<>(params);
            int year = years.get(i);
            yearParams.put("yearWords", VietnameseText.keyedQuery(terms, keys(year, areas, byArea)));
            yearParams.put("left", left);
            var found = new ArrayList<>(jdbc.sql(sql).params(yearParams)
                    .query((rs, n) -> new Hit(rs.getLong(1), rs.getObject(2, LocalDate.class))).list());
            found.sort(Hit.NEWEST_FIRST);
            hits.addAll(found);
            if (found.size() < left) {
                whole = hits.size();
            }
        }
        return new Found(List.copyOf(hits), whole);
    }

    /**
     * The newest {@code end} hits of a search by words alone ({@code textWhere} on petition_text's columns: units, days,
     * text) received from {@code from} on (the first day of the oldest year whose hits were read), newest first, for a
     * page past the hits read by {@link #hits} (which reads a year's hits in the order the texts are kept, not newest
     * first). The newest {@link #WALK} texts first (a common topic fills its page there; the texts are kept in the order
     * received, so they are a few pages); else windows of days before {@code newest}, 2 days first, then eight times
     * wider until one holds {@code end} hits (at the latest the window from {@code from}, which holds at least that many): in each, the words
     * index's candidates of those years (keys as {@link #hits} asks them) and the texts of the window's days (V107) are
     * combined, so only the texts that are both are read, then sorted here. Only a search with more hits than the count's
     * cap comes here: at least 3 a day, so the second window (16 days) holds a page of 20.
     *
     * <p>A walk over the texts newest first read every text until the page was full: one page of the table per text,
     * and thousands of texts when the newest petitions are about other things (at 4.5 million petitions, "ho ngheo" in
     * the whole country after 14,000 petitions received that day on other subjects: 26,010 texts, 25,128 pages, 536 ms).
     * Windows alone read every hit of their days: "thu hoi dat" held 14,000 that day, 420 ms. Planned with an order and
     * a limit, a window walked the texts as before; without them, it combines the two indexes.
     */
    List<Hit> newest(String textWhere, Map<String, Object> params, List<String> terms, List<Long> units, LocalDate from,
                     LocalDate newest, long end) {
        var areas = units == null ? List.<Long>of() : areas(units);
        var byArea = !areas.isEmpty() && areas.size() <= MAX_AREAS;
        var keys = new ArrayList<String>();
        for (int year = newest.getYear(); year >= from.getYear(); year--) {
            keys.addAll(keys(year, areas, byArea));
        }
        var sql = "select t.petition_id, t.received_on from petition_text t " + textWhere
                + " and petition_area_words(t.area_id, t.received_on, t.search_text) @@ cast(:pageWords as tsquery)"
                + " and t.received_on >= :since";
        var windowParams = new LinkedHashMap<>(params);
        windowParams.put("since", from);
        // the newest texts first, at most WALK of them: a common topic fills its page there
        var walked = new ArrayList<>(jdbc.sql("select w.petition_id, w.received_on from (select t.petition_id, t.received_on, t.search_text"
                        + " from petition_text t " + textWhere.replace(PetitionSearchConditions.WORDS, "")
                        + " and t.received_on >= :since order by t.received_on desc, t.petition_id desc limit " + WALK + ") w"
                        + " where " + PetitionSearchConditions.WORDS.replace(" and ", "").replace("t.search_text", "w.search_text")
                        + " limit " + end)
                .params(windowParams).query((rs, n) -> new Hit(rs.getLong(1), rs.getObject(2, LocalDate.class))).list());
        if (walked.size() >= end) {
            walked.sort(Hit.NEWEST_FIRST);
            return List.copyOf(walked.subList(0, (int) end));
        }
        windowParams.put("pageWords", VietnameseText.keyedQuery(terms, keys));
        long days = 2;
        while (true) {
            var since = newest.minusDays(days - 1);
            var last = !since.isAfter(from);
            windowParams.put("since", last ? from : since);
            var found = new ArrayList<>(jdbc.sql(sql).params(windowParams)
                    .query((rs, n) -> new Hit(rs.getLong(1), rs.getObject(2, LocalDate.class))).list());
            if (found.size() >= end || last) {
                found.sort(Hit.NEWEST_FIRST);
                return List.copyOf(found.subList(0, (int) Math.min(end, found.size())));
            }
            days *= 8;
        }
    }

    /** The keys of a year the words index is asked under: the year and each area asked when they are few, else the year. */
    private static List<String> keys(int year, List<Long> areas, boolean byArea) {
        return byArea ? areas.stream().map(a -> year + "." + a).toList() : List.of(String.valueOf(year));
    }

    /** The most texts {@link #newest} walks newest first before it asks the words index by windows of days. */
    static final int WALK = 500;

    /**
     * The most areas a search asks by their keys: a province merged in 2025 has two or three areas (its own and those
     * of the provinces that passed into it). Asking all 92 areas of a year at once took 39 ms of GIN's weighing of 184
     * entries for each of the 8,483 candidates of "thu hoi dat" in 2026, at 505,683 petitions; one year key, 6.5 ms.
     */
    static final int MAX_AREAS = 8;

    /** The areas of receipt (V101 {@code unit_area}: the province or central body on a unit's path) of the units given, in id order. */
    List<Long> areas(List<Long> units) {
        return jdbc.sql("select distinct unit_area(id, path) from org_unit where id = any(:units) order by 1")
                .param("units", units.toArray(Long[]::new)).query(Long.class).list();
    }

    /** The years of receipt a search asks, newest first: those of the petitions kept, within the filter's days. */
    List<Integer> yearsNewestFirst(LocalDate from, LocalDate to) {
        var range = jdbc.sql("select min(received_on), max(received_on) from petition")
                .query((rs, n) -> rs.getObject(1) == null ? null
                        : new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}).single();
        if (range == null) {
            return List.of();
        }
        int first = Math.max(range[0].getYear(), from == null ? Integer.MIN_VALUE : from.getYear());
        int last = Math.min(range[1].getYear(), to == null ? Integer.MAX_VALUE : to.getYear());
        var years = new ArrayList<Integer>();
        for (int y = last; y >= first; y--) {
            years.add(y);
        }
        return years;
    }
}
