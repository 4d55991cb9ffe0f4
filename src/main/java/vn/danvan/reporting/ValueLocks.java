package vn.danvan.reporting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.form.FormDefinitions;
import vn.danvan.form.ReportPeriod;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;

/**
 * The lock of approved data, one check for every write path: the entry grid and its .xlsx import
 * ({@link ReportEntry}), {@code PUT /api/values} ({@link ReportValues}) and the dataValueSets import
 * ({@link DataValueSets}) ask here before they write. Approving a report writes one lock row per
 * entered indicator of its form for the unit and period; returning or unlocking it removes them. A
 * check is one probe of the lock table's primary key (unit, period, indicator).
 */
@Component
class ValueLocks {

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final OrgUnits units;
    private final FormDefinitions definitions;

    ValueLocks(JdbcClient jdbc, Indicators indicators, OrgUnits units, FormDefinitions definitions) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.indicators = indicators;
        this.units = units;
    }

    /** The form, unit and period of a lock, as the refusal names them. */
    record Holder(String formCode, String status) {
    }

    /**
     * @throws ValueLockedException when a value of one of the indicators for the unit and period is locked
     */
    void requireOpen(Collection<Long> indicatorIds, OrgUnit unit, ReportPeriod period) {
        holder(indicatorIds, unit.id(), period.identifier()).ifPresent(h -> {
            throw refusal(h.formCode(), h.status(), unit.name(), period, List.of());
        });
    }

    /** One indicator (PUT /api/values). */
    void requireOpen(Indicator indicator, OrgUnit unit, ReportPeriod period) {
        requireOpen(List.of(indicator.id()), unit, period);
    }

    /**
     * Before an import writes anything: every row that would change locked data, all named in one
     * refusal, so that nothing is saved. Rows naming an unknown indicator, unit or period are left to
     * the import's own checks.
     *
     * @throws ValueLockedException listing the rows
     */
    void requireOpen(List<DataValueSets.DataValue> rows, String defaultUnit, String defaultPeriod) {
        var locked = new ArrayList<ValueLockedException.LockedRow>();
        Holder first = null;
        OrgUnit firstUnit = null;
        ReportPeriod firstPeriod = null;
        var unitCache = new HashMap<String, Optional<OrgUnit>>();
        var indicatorCache = new HashMap<String, Optional<Indicator>>();
        var holderCache = new HashMap<String, Optional<Holder>>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var unitCode = blank(row.orgUnit()) ? defaultUnit : row.orgUnit().strip();
            var periodText = blank(row.period()) ? defaultPeriod : row.period().strip();
            if (blank(unitCode) || blank(periodText) || blank(row.dataElement())) {
                continue;
            }
            ReportPeriod period;
            try {
                period = ReportPeriod.parse(periodText, "period");
            } catch (InvalidInputException e) {
                continue;
            }
            var indicator = indicatorCache.computeIfAbsent(row.dataElement().strip(), indicators::find);
            var unit = unitCache.computeIfAbsent(unitCode + "@" + period.to(), k -> units.findByCode(unitCode, period.to()));
            if (indicator.isEmpty() || unit.isEmpty()) {
                continue;
            }
            var holder = holderCache.computeIfAbsent(indicator.get().id() + "/" + unit.get().id() + "/" + period.identifier(),
                    k -> holder(List.of(indicator.get().id()), unit.get().id(), period.identifier()));
            if (holder.isPresent()) {
                if (first == null) {
                    first = holder.get();
                    firstUnit = unit.get();
                    firstPeriod = period;
                }
                locked.add(new ValueLockedException.LockedRow(i, row.dataElement(), unitCode, period.identifier(), holder.get().formCode()));
            }
        }
        if (first != null) {
            throw refusal(first.formCode(), first.status(), firstUnit.name(), firstPeriod, locked);
        }
    }

    /** Locks the entered indicators of a form for the unit and period of an approved submission. */
    int lock(long submissionId, Collection<Long> indicatorIds, long unitId, String period) {
        return jdbc.sql("""
                insert into reporting_value_lock (unit_id, period, indicator_id, submission_id)
                select :unit, :period, i, :submission from unnest(cast(:ids as bigint[])) as i
                on conflict do nothing
                """).param("unit", unitId).param("period", period).param("ids", indicatorIds.toArray(Long[]::new))
                .param("submission", submissionId).update();
    }

    /** Removes a submission's lock (returned or unlocked). */
    int unlock(long submissionId) {
        return jdbc.sql("delete from reporting_value_lock where submission_id = :submission")
                .param("submission", submissionId).update();
    }

    private Optional<Holder> holder(Collection<Long> indicatorIds, long unitId, String period) {
        if (indicatorIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select s.form_code, s.status
                from reporting_value_lock l
                join reporting_submission s on s.id = l.submission_id
                where l.unit_id = :unit and l.period = :period and l.indicator_id = any(cast(:ids as bigint[]))
                limit 1
                """).param("unit", unitId).param("period", period).param("ids", indicatorIds.toArray(Long[]::new))
                .query(Holder.class).optional();
    }

    private ValueLockedException refusal(String formCode, String status, String unitName, ReportPeriod period,
                                         List<ValueLockedException.LockedRow> rows) {
        var form = definitions.applicable(formCode, period.to());
        return new ValueLockedException(form.symbol() == null ? formCode : form.symbol(), form.title(), unitName, period.identifier(),
                status, rows);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
