package vn.danvan.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The raw SQL of the aggregation peer's q1, q2, q3 and q4 on danvan's own tables, as the reporting benchmark
 * ({@code bench/…/ReportingSql}) states them: the restatement to today's provinces computed live in SQL from
 * {@code org_unit_succession} (whole successions carry all, splits their share; a split without a share is kept
 * apart). Used by {@link ValueReadServiceBench} beside the services' answers, both in the same JVM.
 */
final class ValueReadSql {

    private ValueReadSql() {
    }

    /** (unit_id, province_id, share) for every commune of any date; {@code %1$s} is today, {@code %2$d} the province's place in a path. */
    private static final String TODAY = """
            with recursive flow(unit_id, carrier_id, share, unknown) as (
                select u.id, u.id, cast(1 as numeric), false
                from org_unit u
                where u.category = 'AREA' and u.level = 'COMMUNE'
              union all
                select f.unit_id, s.successor_id,
                       case when s.whole then f.share else f.share * coalesce(s.share, 0) end,
                       f.unknown or (not s.whole and s.share is null)
                from flow f
                join org_unit c on c.id = f.carrier_id and not c.validity @> date '%1$s'
                join org_unit_succession s on s.predecessor_id = f.carrier_id and s.effective_on <= date '%1$s'
            ),
            by_province as (
                select f.unit_id, cast(nullif((string_to_array(c.path, '/'))[%2$d], '') as bigint) as province_id,
                       sum(f.share) as share, bool_or(f.unknown) as unknown
                from flow f
                join org_unit c on c.id = f.carrier_id and c.validity @> date '%1$s'
                group by 1, 2
            ),
            today as (
                select unit_id, province_id,
                       case when count(*) over (partition by unit_id) = 1 then cast(1 as numeric) else share end as share,
                       unknown and count(*) over (partition by unit_id) > 1 as apart
                from by_province
            )
            """;

    /** The TODAY common table expressions for a day and the province's place in a path. */
    static String today(String day, int provinceIndex) {
        return TODAY.formatted(day, provinceIndex);
    }

    /** q1: one indicator, the whole country, a year (every unit counts whole in the country). */
    static String q1(long indicator, int year) {
        return """
                select sum(value) from reporting_value
                where indicator_id = %d and period_start >= date '%d-01-01' and period_end <= date '%d-12-31'
                """.formatted(indicator, year, year);
    }

    /** q2 and q3: indicators × today's provinces × periods (the quarters of a year, or the year), restated. */
    static String provinces(String today, List<Long> indicators, int year, boolean quarters) {
        return today + """
                select i.code, p.code, %s, sum(v.value * t.share)
                from reporting_value v
                join today t on t.unit_id = v.unit_id and not t.apart
                join reporting_indicator i on i.id = v.indicator_id
                join org_unit p on p.id = t.province_id
                where v.indicator_id = any(array%s::bigint[])
                  and v.period_start >= date '%d-01-01' and v.period_end <= date '%d-12-31'
                group by 1, 2, 3
                order by 1, 2, 3
                """.formatted(quarters ? "v.period" : "'" + year + "'", indicators, year, year);
    }

    /** q4: the values of one indicator for the communes of an old province (as recorded), some periods. */
    static String communesOf(long indicator, String provincePath, List<String> periods) {
        return """
                select u.code, v.period, v.value
                from reporting_value v
                join org_unit u on u.id = v.unit_id
                where v.indicator_id = %d and v.period = any(array[%s])
                  and v.unit_id in (select id from org_unit where path like '%s%%' and category = 'AREA')
                order by 1, 2
                """.formatted(indicator, String.join(", ", periods.stream().map(p -> "'" + p + "'").toList()), provincePath);
    }

    /** Every row of a statement, each column as text (numbers plain). */
    static List<List<String>> rows(Connection db, String sql) throws SQLException {
        var out = new ArrayList<List<String>>();
        try (var st = db.createStatement(); var rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new ArrayList<String>(columns);
                for (int c = 1; c <= columns; c++) {
                    var v = rs.getObject(c);
                    row.add(v instanceof BigDecimal n ? plain(n) : v == null ? null : v.toString());
                }
                out.add(row);
            }
        }
        return out;
    }

    static String plain(Object value) {
        if (value == null) {
            return null;
        }
        var v = new BigDecimal(value.toString()).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }

    /**
     * Cell by cell (the key columns, the value rounded to 4 decimals; cells of 0 or none count as absent, as the
     * services answer 0 where SQL has no row): "equal (n cells)" or the first differences.
     */
    static String compare(List<List<String>> a, List<List<String>> b) {
        var left = canonical(a);
        var right = canonical(b);
        if (left.equals(right)) {
            return "equal (%,d cells)".formatted(left.size());
        }
        var keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        var differences = keys.stream().filter(k -> !java.util.Objects.equals(left.get(k), right.get(k)))
                .map(k -> k + ": " + left.get(k) + " vs " + right.get(k)).toList();
        return "**%,d of %,d cells differ**, e.g. %s".formatted(differences.size(), keys.size(),
                String.join("; ", differences.subList(0, Math.min(3, differences.size()))));
    }

    private static Map<String, String> canonical(List<List<String>> rows) {
        var map = new TreeMap<String, String>();
        for (var row : rows) {
            var value = row.get(row.size() - 1);
            if (value == null) {
                continue;
            }
            var n = new BigDecimal(value).setScale(4, RoundingMode.HALF_UP);
            if (n.signum() != 0) {
                map.put(String.join("|", row.subList(0, row.size() - 1)), plain(n));
            }
        }
        return map;
    }
}
