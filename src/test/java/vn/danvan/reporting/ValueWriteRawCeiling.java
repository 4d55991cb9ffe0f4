package vn.danvan.reporting;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;

/**
 * The raw-SQL ceiling of {@link ValueWriteServiceBench}: the same values written by plain JDBC (one value per
 * transaction, or a batch in one statement), with the summary kept in the same statement as the application keeps
 * it, but no scope check, validation or audit.
 */
final class ValueWriteRawCeiling {

    private final List<Long> indicatorIds;
    private final int batch;
    private final List<String> quarters;

    ValueWriteRawCeiling(List<Long> indicatorIds, int batch, List<String> quarters) {
        this.indicatorIds = indicatorIds;
        this.batch = batch;
        this.quarters = quarters;
    }

    static final String RAW_ONE = """
            with %s,
            saved as (
                insert into reporting_value as v (indicator_id, unit_id, period, period_start, period_end, option_combo, value, updated_by)
                select ?, ?, ?, cast(? as date), cast(? as date), '', ?, 'bench' from mark
                on conflict (indicator_id, unit_id, period, option_combo) do update
                set value = excluded.value, version = v.version + 1, updated_by = excluded.updated_by, updated_at = now()
                returning new.id, new.indicator_id, new.unit_id, new.period, new.period_start, new.period_end, new.option_combo,
                          new.value, old.value as old_value, old.id is null as created
            ),
            %s
            select count(*) from saved
            """.formatted(SummaryInStatement.MARK, SummaryInStatement.KEPT);

    static final String RAW_BATCH = """
            with %s,
            input as (
                select * from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as text[]), cast(? as date[]), cast(? as date[]),
                                     cast(? as numeric[])) with ordinality as t(indicator_id, unit_id, period, period_start, period_end, value, n)
            ),
            saved as (
                insert into reporting_value as v (indicator_id, unit_id, period, period_start, period_end, option_combo, value, updated_by)
                select indicator_id, unit_id, period, period_start, period_end, '', value, 'bench' from input cross join mark
                order by n
                on conflict (indicator_id, unit_id, period, option_combo) do update
                set value = excluded.value, version = v.version + 1, updated_by = excluded.updated_by, updated_at = now()
                returning new.id, new.indicator_id, new.unit_id, new.period, new.period_start, new.period_end, new.option_combo,
                          new.value, old.value as old_value, old.id is null as created
            ),
            %s
            select count(*) from saved
            """.formatted(SummaryInStatement.MARK, SummaryInStatement.KEPT);

    int one(List<Long> communeIds, Random random, Connection raw) throws SQLException {
        var period = vn.danvan.form.ReportPeriod.parse(quarters.get(random.nextInt(quarters.size())), "period");
        try (var s = raw.prepareStatement(RAW_ONE)) {
            s.setLong(1, indicatorIds.get(random.nextInt(40)));
            s.setLong(2, communeIds.get(random.nextInt(communeIds.size())));
            s.setString(3, period.identifier());
            s.setString(4, period.from().toString());
            s.setString(5, period.to().toString());
            s.setBigDecimal(6, java.math.BigDecimal.valueOf(random.nextInt(200)));
            try (var rs = s.executeQuery()) {
                rs.next();
            }
        }
        return 1;
    }

    int batch(List<Long> communeIds, Random random, Connection raw) throws SQLException {
        record Key(long indicator, long unit, String period) {
        }
        var keys = new java.util.TreeSet<Key>(java.util.Comparator.comparingLong(Key::indicator).thenComparingLong(Key::unit)
                .thenComparing(Key::period));
        while (keys.size() < batch) {
            keys.add(new Key(indicatorIds.get(random.nextInt(40)), communeIds.get(random.nextInt(communeIds.size())),
                    quarters.get(random.nextInt(quarters.size()))));
        }
        int n = keys.size();
        var ind = new Long[n];
        var uni = new Long[n];
        var per = new String[n];
        var from = new String[n];
        var to = new String[n];
        var val = new java.math.BigDecimal[n];
        int i = 0;
        for (var k : keys) {
            var p = vn.danvan.form.ReportPeriod.parse(k.period(), "period");
            ind[i] = k.indicator();
            uni[i] = k.unit();
            per[i] = k.period();
            from[i] = p.from().toString();
            to[i] = p.to().toString();
            val[i] = java.math.BigDecimal.valueOf(random.nextInt(200));
            i++;
        }
        try (var s = raw.prepareStatement(RAW_BATCH)) {
            s.setArray(1, raw.createArrayOf("bigint", ind));
            s.setArray(2, raw.createArrayOf("bigint", uni));
            s.setArray(3, raw.createArrayOf("text", per));
            s.setArray(4, raw.createArrayOf("date", from));
            s.setArray(5, raw.createArrayOf("date", to));
            s.setArray(6, raw.createArrayOf("numeric", val));
            try (var rs = s.executeQuery()) {
                rs.next();
            }
        }
        return n;
    }
}
