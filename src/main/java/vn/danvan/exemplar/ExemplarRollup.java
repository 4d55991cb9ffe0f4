package vn.danvan.exemplar;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sums of the tally (V40) for a set of units, read from as few rows as the set allows: a branch (the
 * unit just under the root: a province, old or new, or a central body) whose every unit is in the set
 * is read from its rolled-up rows (exemplar_rollup, V68, kept in the writers' transactions with the
 * tally), the other units of the set from their own tally rows. The whole country reads about 100
 * branches × years rows; Thái Nguyên today reads its own branch and the old Thái Nguyên and Bắc Kạn;
 * a commune, or a unit that took in a commune of another province, reads its units' rows as before.
 * The answer is the same sum either way, so it is exactly the tally's.
 */
@Component
class ExemplarRollup {

    /** Where the rows come from: whole branches, and single units outside them; all = every unit. */
    record Split(boolean all, Long[] branches, Long[] units) {

        static final Split EVERYTHING = new Split(true, new Long[0], new Long[0]);
    }

    /** Units and their branches as read last, with the number of units read (a unit added reloads them). */
    private record Tree(long units, long maxId, Map<Long, Long> branchOf, Map<Long, Integer> branchSize) {
    }

    private final JdbcClient jdbc;
    private volatile Tree tree;

    ExemplarRollup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param unitIds the units covered; null for every unit */
    Split split(Collection<Long> unitIds) {
        if (unitIds == null) {
            return Split.EVERYTHING;
        }
        var t = tree();
        var covered = new HashSet<>(unitIds);
        var perBranch = new HashMap<Long, List<Long>>();
        for (var id : covered) {
            var branch = t.branchOf().get(id);
            if (branch == null) {
                t = reload();
                branch = t.branchOf().get(id);
            }
            perBranch.computeIfAbsent(branch == null ? -id : branch, k -> new ArrayList<>()).add(id);
        }
        var branches = new ArrayList<Long>();
        var units = new ArrayList<Long>();
        for (var e : perBranch.entrySet()) {
            if (e.getKey() > 0 && e.getValue().size() == t.branchSize().getOrDefault(e.getKey(), -1)) {
                branches.add(e.getKey());
            } else {
                units.addAll(e.getValue());
            }
        }
        return new Split(false, branches.toArray(Long[]::new), units.toArray(Long[]::new));
    }

    /**
     * The tally's rows summed over the split, years up to {@code year}: measure, year, collective,
     * individual; measures starting with {@code measurePrefix} only when it is not null.
     */
    void sums(Split split, int fromYear, int toYear, RowHandler handler) {
        var sql = split.all() ? """
                select measure, year, sum(collective), sum(individual) from exemplar_rollup
                where year between :from and :to group by 1, 2
                """ : """
                select measure, year, sum(c), sum(i) from (
                    select measure, year, collective as c, individual as i from exemplar_rollup
                    where branch_id = any(:branches) and year between :from and :to
                    union all
                    select measure, year, collective, individual from exemplar_tally
                    where unit_id = any(:units) and year between :from and :to
                ) x group by 1, 2
                """;
        jdbc.sql(sql).param("from", fromYear).param("to", toYear).param("branches", split.branches()).param("units", split.units())
                .query((rs, n) -> {
                    handler.row(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4));
                    return null;
                }).list();
    }

    /**
     * One measure summed over the split per year (or in one year), the latest year first: year →
     * {collective, individual}. The list's exact count of a filter the tally answers (models
     * registered, by field, by status), and how many years back its first pages reach.
     */
    java.util.NavigableMap<Integer, long[]> perYear(Split split, String measure, Integer year) {
        var years = year == null ? "" : " and year = :year";
        var sql = split.all() ? "select year, sum(collective), sum(individual) from exemplar_rollup where measure = :m"
                + years + " group by 1" : """
                select year, sum(c), sum(i) from (
                    select year, collective as c, individual as i from exemplar_rollup where branch_id = any(:branches) and measure = :m %s
                    union all
                    select year, collective, individual from exemplar_tally where unit_id = any(:units) and measure = :m %s
                ) x group by 1
                """.formatted(years, years);
        var out = new java.util.TreeMap<Integer, long[]>(java.util.Comparator.reverseOrder());
        jdbc.sql(sql).param("m", measure).param("year", year).param("branches", split.branches()).param("units", split.units())
                .query((rs, n) -> out.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        return out;
    }

    @FunctionalInterface
    interface RowHandler {
        void row(String measure, int year, BigDecimal collective, BigDecimal individual);
    }

    private Tree tree() {
        var t = tree;
        if (t == null) {
            return reload();
        }
        // a unit added since (a unit file, a unit added by hand) changes a branch's size: read them again
        var now = jdbc.sql("select count(*), coalesce(max(id), 0) from org_unit").query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return now[0] == t.units() && now[1] == t.maxId() ? t : reload();
    }

    private synchronized Tree reload() {
        var branchOf = new HashMap<Long, Long>();
        var size = new HashMap<Long, Integer>();
        jdbc.sql("select id, coalesce(nullif(split_part(path, '/', 3), '')::bigint, id) from org_unit").query((rs, n) -> {
            branchOf.put(rs.getLong(1), rs.getLong(2));
            size.merge(rs.getLong(2), 1, Integer::sum);
            return null;
        }).list();
        long max = branchOf.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        var t = new Tree(branchOf.size(), max, Map.copyOf(branchOf), Map.copyOf(size));
        tree = t;
        return t;
    }
}
