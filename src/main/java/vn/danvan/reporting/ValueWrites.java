package vn.danvan.reporting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.form.ReportPeriod;
import vn.danvan.orgunit.OrgUnit;

/**
 * The write of one value ({@link ReportValues#save}) in ONE statement on its usual path: the lock of
 * approved data checked, the indicator's definition confirmed, the value stored with its version bumped
 * and reporting_summary kept ({@link SummaryInStatement}) — one round trip where the checks took three.
 * <p>The indicators read by code are kept here (by code) between requests; every write states the
 * version it validated against and the statement writes only if that is still the indicator's version,
 * so a changed definition is never written against: the statement then writes nothing and the caller
 * reads the indicator afresh and takes the checked path.
 * <p>The lock check is {@link ValueLocks}' in one statement: the unit's submissions of the period are
 * held FOR SHARE (READ COMMITTED re-reads a row an approval in flight changed, once it commits, so a
 * submission approved meanwhile is seen APPROVED), and the statement writes only when none of them is
 * APPROVED or ACCEPTED (the only states that hold lock rows) and its snapshot holds no lock row of the
 * key. Otherwise — some form of the unit and period is approved — it writes nothing and the caller runs
 * {@link ValueLocks#requireOpen} and the write as separate statements, which name the lock exactly.
 */
@Component
class ValueWrites {

    /** What the statement did: {@code open} false when it wrote nothing because a check needs the checked path. */
    record Outcome(boolean open, Saved saved) {
    }

    /** The row written, with the value it replaced (null when created) for the audit record. */
    record Saved(long id, int version, OffsetDateTime updatedAt, BigDecimal oldValue, String oldText, boolean created) {
    }

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final ConcurrentHashMap<String, Indicator> byCode = new ConcurrentHashMap<>();

    ValueWrites(JdbcClient jdbc, Indicators indicators) {
        this.jdbc = jdbc;
        this.indicators = indicators;
    }

    /** The indicator as last read (its version is confirmed by the write), else read now; empty for an unknown code. */
    Optional<Indicator> indicator(String code) {
        if (code == null) {
            return Optional.empty();
        }
        var key = code.strip().toUpperCase(Locale.ROOT);
        var known = byCode.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        return fresh(key);
    }

    /** The indicator read now (the kept one forgotten). */
    Optional<Indicator> fresh(String code) {
        if (code == null) {
            return Optional.empty();
        }
        var key = code.strip().toUpperCase(Locale.ROOT);
        byCode.remove(key);
        var found = indicators.find(key);
        found.ifPresent(i -> byCode.put(key, i));
        return found;
    }

    static final String STATEMENT = """
            with %s,
            held as (
                select s.status
                from reporting_submission s
                where s.unit_id = :unit and s.period = :period
                order by s.id
                for share of s
            ),
            guard as (
                select (select count(*) filter (where status in ('APPROVED', 'ACCEPTED')) from held) = 0
                       and not exists (select 1 from reporting_value_lock l
                                       where l.unit_id = :unit and l.period = :period and l.indicator_id = :indicator)
                       and exists (select 1 from reporting_indicator i where i.id = :indicator and i.version = :indicatorVersion)
                       as open
            ),
            saved as (
                insert into reporting_value as v (indicator_id, unit_id, period, period_start, period_end, option_combo,
                                                  value, text_value, updated_by)
                select cast(:indicator as bigint), cast(:unit as bigint), cast(:period as text), cast(:from as date), cast(:to as date),
                       cast(:combo as text), cast(:value as numeric), cast(:text as text), cast(:by as text)
                from mark, guard
                where guard.open
                on conflict (indicator_id, unit_id, period, option_combo) do update
                set value = excluded.value, text_value = excluded.text_value, version = v.version + 1,
                    updated_by = excluded.updated_by, updated_at = now()
                where cast(:expected as int) is null or v.version = cast(:expected as int)
                returning new.id, new.version, new.updated_at, new.indicator_id, new.unit_id, new.period, new.period_start,
                          new.period_end, new.option_combo, new.value, old.value as old_value, old.text_value as old_text,
                          old.id is null as created
            ),
            %s
            select g.open, s.id, s.version, s.updated_at, s.old_value, s.old_text, s.created
            from guard g left join saved s on true
            """.formatted(SummaryInStatement.MARK, SummaryInStatement.KEPT);

    /**
     * Stores the value if the key is open and the indicator is still at the version validated; an empty
     * {@code saved} with {@code open} true means the version given is no longer the value's (a conflict).
     */
    Outcome write(Indicator indicator, OrgUnit unit, ReportPeriod period, String combo, ValueType.Checked checked, String by,
                  Integer expected) {
        return jdbc.sql(STATEMENT)
                .param("indicator", indicator.id()).param("indicatorVersion", indicator.version()).param("unit", unit.id())
                .param("period", period.identifier()).param("from", period.from()).param("to", period.to()).param("combo", combo)
                .param("value", checked.number()).param("text", checked.text()).param("by", by).param("expected", expected)
                .query((rs, n) -> {
                    boolean open = rs.getBoolean(1);
                    long id = rs.getLong(2);
                    if (rs.wasNull()) {
                        return new Outcome(open, null);
                    }
                    return new Outcome(open, new Saved(id, rs.getInt(3), rs.getObject(4, OffsetDateTime.class), rs.getBigDecimal(5),
                            rs.getString(6), rs.getBoolean(7)));
                }).single();
    }
}
