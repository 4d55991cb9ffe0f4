package vn.danvan.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.audit.AuditTrail;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * Many values written at once (dataValueSets imports): every row checked in Java exactly as
 * {@link ReportValues#save} checks one value (indicator, period and its type, unit read as of the
 * period's last day, the user's write scope, option combination, value type) with what each check
 * reads looked up once per import, then every valid row stored by ONE upsert over arrays (keys
 * sorted, so that concurrent imports take their row locks in the same order). The same statement
 * keeps the values it replaced in reporting_value_change; the import is one reporting_import row and
 * one audit record — not one audit record per value, which is what held imports to a few hundred
 * values a second. The same statement keeps reporting_summary in one sorted pass ({@link SummaryInStatement}),
 * so that imports running at once take the summary rows in one order.
 */
@Component
class ValueImports {

    /** A row that passed every check, ready to store. */
    record Valid(int index, Indicator indicator, OrgUnit unit, ReportPeriod period, String combo, ValueType.Checked value) {

        String key() {
            return indicator.id() + "/" + unit.id() + "/" + period.identifier() + "/" + combo;
        }
    }

    /** A row refused: its index and the exception saying why (InvalidInputException or NotFoundException). */
    record Refused(int index, RuntimeException reason) {
    }

    record Checked(List<Valid> valid, List<Refused> refused) {
    }

    record Stored(long importId, int imported, int updated) {
    }

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final OptionCombos optionCombos;
    private final OrgUnits units;
    private final OrgScope scope;
    private final AuditTrail audit;

    ValueImports(JdbcClient jdbc, Indicators indicators, OptionCombos combos, OrgUnits units, OrgScope scope, AuditTrail audit) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.optionCombos = combos;
        this.units = units;
        this.scope = scope;
        this.audit = audit;
    }

    /**
     * Checks every row; a row naming the same indicator, unit, period and option combination as an
     * earlier valid row is refused (field {@code value}), so that one import never writes a key twice.
     */
    Checked check(List<ValueInput> rows, CurrentUser user) {
        return check(rows, user, new ImportLookups(indicators, rows.stream().map(ValueInput::indicator).toList(), units));
    }

    /** As {@link #check(List, CurrentUser)}, with the import's indicators and units read once ({@link ImportLookups}). */
    Checked check(List<ValueInput> rows, CurrentUser user, ImportLookups lookups) {
        var periods = new HashMap<String, ReportPeriod>();
        var indicatorCache = new HashMap<String, Optional<Indicator>>();
        var combos = new HashMap<String, String>();
        var writable = new HashMap<Long, Boolean>();
        // units by period end and code, read in one query per period end
        var codesByDay = new HashMap<LocalDate, java.util.Set<String>>();
        for (var r : rows) {
            try {
                var p = periods.computeIfAbsent(String.valueOf(r.period()), t -> ReportPeriod.parse(r.period(), "period"));
                if (r.unit() != null && !r.unit().isBlank()) {
                    codesByDay.computeIfAbsent(p.to(), d -> new HashSet<>()).add(r.unit().strip());
                }
            } catch (InvalidInputException ignored) {
                // reported below, row by row
            }
        }
        var unitsByDay = lookups.units(codesByDay);
        var valid = new ArrayList<Valid>();
        var refused = new ArrayList<Refused>();
        var seen = new HashSet<String>();
        for (int i = 0; i < rows.size(); i++) {
            var input = rows.get(i);
            try {
                var period = ReportPeriod.parse(input.period(), "period");
                var indicator = indicatorCache.computeIfAbsent(String.valueOf(input.indicator()), c -> lookups.indicator(input.indicator()))
                        .orElseThrow(() -> new InvalidInputException("indicator", "reporting.indicator.unknown",
                                String.valueOf(input.indicator())));
                if (!indicator.isEntered()) {
                    throw new InvalidInputException("indicator", "reporting.value.computed", indicator.code());
                }
                if (indicator.periodKind() != null
                        && (indicator.periodKind() != period.kind() || indicator.periodCut() != period.cut())) {
                    throw new InvalidInputException("period", "reporting.value.period-type", period.identifier(),
                            indicator.periodExample());
                }
                if (input.unit() == null || input.unit().isBlank()) {
                    throw new InvalidInputException("unit", "validation.required");
                }
                var unit = unitsByDay.getOrDefault(period.to(), Map.of()).get(input.unit().strip());
                if (unit == null || !writable.computeIfAbsent(unit.id(), id -> scope.canWrite(user, id))) {
                    throw new NotFoundException("unit", input.unit().strip());
                }
                var given = input.categoryOptionCombo() == null ? "" : input.categoryOptionCombo();
                var combo = combos.get(indicator.code() + "|" + given);
                if (combo == null) {
                    combo = optionCombos.check(indicator, given);
                    combos.put(indicator.code() + "|" + given, combo);
                }
                var checked = indicator.valueType().check(input.value());
                var row = new Valid(i, indicator, unit, period, combo, checked);
                if (!seen.add(row.key())) {
                    throw new InvalidInputException("value", "reporting.exchange.duplicate", indicator.code() + " · " + unit.code()
                            + " · " + period.identifier());
                }
                valid.add(row);
            } catch (InvalidInputException | NotFoundException e) {
                refused.add(new Refused(i, e));
            }
        }
        return new Checked(valid, refused);
    }

    /** Stores the valid rows with one statement, keeps the values replaced, and audits the import once. */
    Stored store(List<Valid> rows, int ignored, CurrentUser user) {
        var importId = jdbc.sql("""
                insert into reporting_import (imported_by, source, imported, updated, ignored)
                values (:by, 'dataValueSets', 0, 0, :ignored)
                returning id
                """).param("by", user.username()).param("ignored", ignored).query(Long.class).single();
        int imported = 0;
        int updated = 0;
        if (!rows.isEmpty()) {
            var sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparingLong((Valid v) -> v.indicator().id()).thenComparingLong(v -> v.unit().id())
                    .thenComparing(v -> v.period().identifier()).thenComparing(Valid::combo));
            int n = sorted.size();
            var indicatorIds = new Long[n];
            var unitIds = new Long[n];
            var periodIds = new String[n];
            var froms = new String[n];
            var tos = new String[n];
            var comboCodes = new String[n];
            var numbers = new String[n];
            var texts = new String[n];
            for (int i = 0; i < n; i++) {
                var v = sorted.get(i);
                indicatorIds[i] = v.indicator().id();
                unitIds[i] = v.unit().id();
                periodIds[i] = v.period().identifier();
                froms[i] = v.period().from().toString();
                tos[i] = v.period().to().toString();
                comboCodes[i] = v.combo();
                numbers[i] = v.value().number() == null ? null : v.value().number().toPlainString();
                texts[i] = v.value().text();
            }
            record Counts(int imported, int updated) {
            }
            var counts = jdbc.sql("""
                    with %s,
                    input as (
                        select *
                        from unnest(cast(:indicators as bigint[]), cast(:units as bigint[]), cast(:periods as text[]),
                                    cast(:froms as date[]), cast(:tos as date[]), cast(:combos as text[]),
                                    cast(:numbers as numeric[]), cast(:texts as text[]))
                             with ordinality as t(indicator_id, unit_id, period, period_start, period_end, option_combo, value,
                                                  text_value, n)
                    ),
                    saved as (
                        insert into reporting_value as v (indicator_id, unit_id, period, period_start, period_end, option_combo,
                                                          value, text_value, updated_by)
                        select indicator_id, unit_id, period, period_start, period_end, option_combo, value, text_value, :by
                        from input cross join mark
                        order by n
                        on conflict (indicator_id, unit_id, period, option_combo) do update
                        set value = excluded.value, text_value = excluded.text_value, version = v.version + 1,
                            updated_by = excluded.updated_by, updated_at = now()
                        returning new.id, new.indicator_id, new.unit_id, new.period, new.period_start, new.period_end,
                                  new.option_combo, new.value, old.id is null as created, old.value as old_value,
                                  old.text_value as old_text, old.version as old_version, old.updated_by as old_by,
                                  old.updated_at as old_at
                    ),
                    kept as (
                        insert into reporting_value_change (import_id, value_id, old_value, old_text, old_version, old_updated_by,
                                                            old_updated_at)
                        select :import, id, old_value, old_text, old_version, old_by, old_at
                        from saved
                        where not created
                        order by id
                    ),
                    %s
                    select cast(count(*) filter (where created) as int) as imported,
                           cast(count(*) filter (where not created) as int) as updated
                    from saved
                    """.formatted(SummaryInStatement.MARK, SummaryInStatement.KEPT))
                    .param("indicators", indicatorIds).param("units", unitIds).param("periods", periodIds).param("froms", froms)
                    .param("tos", tos).param("combos", comboCodes).param("numbers", numbers).param("texts", texts)
                    .param("by", user.username()).param("import", importId)
                    .query(Counts.class).single();
            imported = counts.imported();
            updated = counts.updated();
        }
        jdbc.sql("update reporting_import set imported = :imported, updated = :updated where id = :id")
                .param("imported", imported).param("updated", updated).param("id", importId).update();
        var indicatorCodes = new TreeSet<String>();
        var periodIds = new TreeSet<String>();
        var unitCount = new HashSet<Long>();
        rows.forEach(v -> {
            indicatorCodes.add(v.indicator().code());
            periodIds.add(v.period().identifier());
            unitCount.add(v.unit().id());
        });
        Long unitId = unitCount.size() == 1 ? unitCount.iterator().next() : null;
        audit.record("reporting.values-imported", "reporting_import", importId, unitId, null,
                AuditTrail.fields("imported", imported, "updated", updated, "ignored", ignored,
                        "indicators", String.join(", ", indicatorCodes), "periods", String.join(", ", periodIds),
                        "units", unitCount.size()));
        return new Stored(importId, imported, updated);
    }
}
