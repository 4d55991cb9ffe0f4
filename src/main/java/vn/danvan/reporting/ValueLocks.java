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
 * check holds the unit's submissions of the period FOR SHARE (so a write and an approval of the same
 * unit and period run one after the other) and probes the lock table's primary key (unit, period,
 * indicator); an import does both for all its rows in two statements.
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
     * the import's own checks. Two statements whatever the import's size: the submissions of the rows'
     * units and periods are held FOR SHARE (an approval, which holds its submission FOR UPDATE, waits
     * for this import to commit, and this import waits for an approval in flight and then sees its lock
     * rows), then the lock rows of the rows' keys are read in one probe of the primary key per key.
     *
     * @throws ValueLockedException listing the rows
     */
    void requireOpen(List<DataValueSets.DataValue> rows, String defaultUnit, String defaultPeriod) {
        requireOpen(rows, defaultUnit, defaultPeriod, new ImportLookups(indicators,
                rows.stream().map(DataValueSets.DataValue::dataElement).toList(), units));
    }

    /** As {@link #requireOpen(List, String, String)}, with the import's indicators and units read once ({@link ImportLookups}). */
    void requireOpen(List<DataValueSets.DataValue> rows, String defaultUnit, String defaultPeriod, ImportLookups lookups) {
        record Key(int index, String dataElement, String unitCode, ReportPeriod period, long indicatorId) {
        }
        var parsed = new ArrayList<Key>();
        var indicatorCache = new HashMap<String, Optional<Indicator>>();
        var codesByDay = new HashMap<java.time.LocalDate, java.util.Set<String>>();
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
            var indicator = indicatorCache.computeIfAbsent(row.dataElement().strip(), lookups::indicator);
            if (indicator.isEmpty()) {
                continue;
            }
            parsed.add(new Key(i, row.dataElement(), unitCode, period, indicator.get().id()));
            codesByDay.computeIfAbsent(period.to(), d -> new java.util.HashSet<>()).add(unitCode);
        }
        if (parsed.isEmpty()) {
            return;
        }
        var unitsByDay = lookups.units(codesByDay);
        var keyUnits = new ArrayList<Long>();
        var keyPeriods = new ArrayList<String>();
        var keyIndicators = new ArrayList<Long>();
        var resolved = new ArrayList<Key>();
        var unitOf = new HashMap<Integer, OrgUnit>();
        for (var k : parsed) {
            var unit = unitsByDay.get(k.period().to()).get(k.unitCode());
            if (unit == null) {
                continue;
            }
            resolved.add(k);
            unitOf.put(k.index(), unit);
            keyUnits.add(unit.id());
            keyPeriods.add(k.period().identifier());
            keyIndicators.add(k.indicatorId());
        }
        if (resolved.isEmpty()) {
            return;
        }
        var unitIds = keyUnits.toArray(Long[]::new);
        var periods = keyPeriods.toArray(String[]::new);
        jdbc.sql("""
                select s.id from reporting_submission s
                join (select distinct u, p from unnest(cast(:units as bigint[]), cast(:periods as text[])) as k (u, p)) k
                  on s.unit_id = k.u and s.period = k.p
                order by s.id
                for share of s
                """).param("units", unitIds).param("periods", periods).query(Long.class).list();
        record Locked(long unitId, String period, long indicatorId, String formCode, String status) {
        }
        var holders = new HashMap<String, Holder>();
        jdbc.sql("""
                select l.unit_id, l.period, l.indicator_id, s.form_code, s.status
                from (select distinct u, p, i from unnest(cast(:units as bigint[]), cast(:periods as text[]), cast(:indicators as bigint[]))
                      as k (u, p, i)) k
                join reporting_value_lock l on l.unit_id = k.u and l.period = k.p and l.indicator_id = k.i
                join reporting_submission s on s.id = l.submission_id
                """).param("units", unitIds).param("periods", periods).param("indicators", keyIndicators.toArray(Long[]::new))
                .query((rs, n) -> new Locked(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5))).list()
                .forEach(l -> holders.putIfAbsent(l.unitId() + "/" + l.period() + "/" + l.indicatorId(), new Holder(l.formCode(), l.status())));
        if (holders.isEmpty()) {
            return;
        }
        var locked = new ArrayList<ValueLockedException.LockedRow>();
        Holder first = null;
        OrgUnit firstUnit = null;
        ReportPeriod firstPeriod = null;
        for (var k : resolved) {
            var unit = unitOf.get(k.index());
            var holder = holders.get(unit.id() + "/" + k.period().identifier() + "/" + k.indicatorId());
            if (holder == null) {
                continue;
            }
            if (first == null) {
                first = holder;
                firstUnit = unit;
                firstPeriod = k.period();
            }
            locked.add(new ValueLockedException.LockedRow(k.index(), k.dataElement(), k.unitCode(), k.period().identifier(),
                    holder.formCode()));
        }
        // the unit as named on the period's last day (the import's lookups name units as on its latest period end)
        var named = units.find(firstUnit.id(), firstPeriod.to()).map(OrgUnit::name).orElse(firstUnit.name());
        throw refusal(first.formCode(), first.status(), named, firstPeriod, locked);
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
        // hold the unit's submissions of the period FOR SHARE: an approval in flight (FOR UPDATE) is waited for, and
        // then its lock rows are seen below; an approval that comes later waits for this write to commit
        jdbc.sql("select id from reporting_submission where unit_id = :unit and period = :period order by id for share")
                .param("unit", unitId).param("period", period).query(Long.class).list();
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
