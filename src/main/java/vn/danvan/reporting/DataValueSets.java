package vn.danvan.reporting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The exchange of values with national reporting systems and DHIS2 instances, in the shape of DHIS2's
 * dataValueSets: a data element is an indicator's code, an org unit a unit's code read as of the
 * period's last day (codes were reused in 2025), a category option combo the option codes joined by
 * '.' (empty, or DHIS2's {@code default}, without disaggregation).
 * <p>Import checks every row as {@link ReportValues#save} checks one value — the same rules, the owner's
 * scope (a unit outside it is a conflict, as not found) — and stores the valid rows with one set-based
 * upsert ({@link ValueImports}): one import record and one audit record per import, the replaced values
 * kept beside it. With {@code atomicMode=NONE} (the default) every valid row is saved and every other one
 * reported as a conflict; with {@code ALL} one conflict saves nothing. A dry run does the same inside a
 * transaction that is then rolled back, so it reports exactly what a real import would do and saves nothing.
 */
@Service
public class DataValueSets {

    /** Rows one import may carry. */
    public static final int MAX_ROWS = 50_000;

    /** One value as DHIS2 writes it; {@code attributeOptionCombo}, {@code followup} are read and ignored. */
    public record DataValue(String dataElement, String period, String orgUnit, String categoryOptionCombo,
                            String attributeOptionCombo, String value, String storedBy, String lastUpdated, String comment,
                            Boolean followup) {
    }

    /** A set of values; {@code period} and {@code orgUnit} apply to rows that leave theirs empty. */
    public record DataValueSet(String dataSet, String completeDate, String period, String orgUnit, List<DataValue> dataValues) {
    }

    /** NONE: each row on its own; ALL: every row or none. */
    public enum AtomicMode {
        NONE, ALL
    }

    /** A row that was not imported: {@code index} (from 0) in the set, the value in error and why, in Vietnamese. */
    public record Conflict(String object, String value, String field, int index, String reason) {
    }

    public record ImportCount(int imported, int updated, int ignored, int deleted) {
    }

    public record ImportOptions(boolean dryRun, AtomicMode atomicMode) {
    }

    /** The answer to an import, as DHIS2's: SUCCESS, WARNING (some rows in conflict) or ERROR (nothing saved). */
    public record ImportSummary(String responseType, String status, String description, ImportOptions importOptions,
                                ImportCount importCount, List<Conflict> conflicts) {
    }

    private final JdbcClient jdbc;
    private final ValueImports imports;
    private final Indicators indicators;
    private final OrgUnits units;
    private final OrgScope scope;
    private final MessageSource messages;
    private final TransactionTemplate outer;
    private final TransactionTemplate reading;
    private final ValueLocks locks;

    DataValueSets(JdbcClient jdbc, ValueImports imports, Indicators indicators, OrgUnits units, OrgScope scope,
                  MessageSource messages, PlatformTransactionManager transactions, ValueLocks locks) {
        this.locks = locks;
        this.jdbc = jdbc;
        this.imports = imports;
        this.indicators = indicators;
        this.units = units;
        this.scope = scope;
        this.messages = messages;
        this.outer = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /**
     * The values of the indicators for the periods (exactly those periods, as DHIS2) and units — with
     * {@code children}, every unit of their subtrees — that the user may read.
     *
     * @throws InvalidInputException naming {@code dataElement}, {@code period} or {@code orgUnit}
     * @throws NotFoundException     for a unit unknown on a period's last day or outside the user's scope
     */
    public DataValueSet export(List<String> dataElements, List<String> periods, List<String> orgUnits, boolean children,
                               CurrentUser user) {
        return reading.execute(status -> {
            var elements = clean(dataElements, "dataElement");
            var periodIds = clean(periods, "period");
            var unitCodes = clean(orgUnits, "orgUnit");
            var indicatorIds = new ArrayList<Long>();
            for (var e : elements) {
                indicatorIds.add(indicators.find(e)
                        .orElseThrow(() -> new InvalidInputException("dataElement", "reporting.indicator.unknown", e)).id());
            }
            // resolve every period's units first: a code's holders (one query per code, the unit valid on each
            // period's last day picked from them), a unit's subtree (by path) and the scope check are asked once
            var asked = new ArrayList<AskedPeriod>();
            var holders = new HashMap<String, List<OrgUnit>>();
            var subtrees = new HashMap<String, List<Long>>();
            var readable = new HashSet<Long>();
            for (var text : periodIds) {
                var period = ReportPeriod.parse(text, "period");
                var unitIds = new LinkedHashSet<Long>();
                for (var code : unitCodes) {
                    var unit = holders.computeIfAbsent(code, units::holdersOf).stream()
                            .filter(u -> u.validOn(period.to())).findFirst()
                            .orElseThrow(() -> new NotFoundException("unit", code));
                    if (!readable.contains(unit.id())) {
                        scope.requireRead(user, unit.id(), "unit", code);
                        readable.add(unit.id());
                    }
                    unitIds.addAll(children ? subtrees.computeIfAbsent(unit.path(), path -> units.idsWithin(Set.of(path)))
                            : List.of(unit.id()));
                }
                asked.add(new AskedPeriod(period, unitIds));
            }
            var found = exportedRows(indicatorIds, asked);
            var rows = new ArrayList<DataValue>();
            for (var a : asked) {
                for (var r : found.getOrDefault(a.period().identifier(), List.of())) {
                    var shown = ReportValues.display(r.valueType(), r.value(), r.textValue());
                    rows.add(new DataValue(r.indicator(), r.period(), r.unitCode(),
                            r.optionCombo(), null, shown == null ? null : (shown instanceof BigDecimal n ? n.toPlainString() : shown.toString()),
                            r.updatedBy(), r.updatedAt().toString(), null, null));
                }
            }
            return new DataValueSet(null, null, periodIds.size() == 1 ? periodIds.get(0) : null,
                    unitCodes.size() == 1 && !children ? unitCodes.get(0) : null, List.copyOf(rows));
        });
    }

    private record AskedPeriod(ReportPeriod period, Set<Long> unitIds) {
    }

    /** A stored value with its unit's code (a unit's code is the same on every day it is valid: org_unit.code). */
    private record ExportedRow(String indicator, long unitId, String unitCode, String period, String optionCombo, BigDecimal value,
                               String textValue, String updatedBy, OffsetDateTime updatedAt, ValueType valueType) {
    }

    private static final String EXPORTED = """
            select i.code as indicator, v.unit_id, coalesce(u.code, cast(v.unit_id as text)) as unit_code, v.period,
                   v.option_combo, v.value, v.text_value, v.updated_by, v.updated_at, i.value_type
            from reporting_value v
            join reporting_indicator i on i.id = v.indicator_id
            left join org_unit u on u.id = v.unit_id
            where v.indicator_id = any(cast(:indicators as bigint[]))
              and v.unit_id = any(cast(:units as bigint[]))
              and v.period = any(cast(:periods as text[]))
            order by i.code, v.unit_id, v.option_combo
            """;

    /**
     * The stored values of the asked periods by period, each period's rows in the export's order: one query
     * when every period asks the same units (the usual case: the reform did not move them), else one per period.
     */
    private java.util.Map<String, List<ExportedRow>> exportedRows(List<Long> indicatorIds, List<AskedPeriod> asked) {
        var byPeriod = new HashMap<String, List<ExportedRow>>();
        var distinct = new java.util.LinkedHashMap<String, AskedPeriod>();
        asked.forEach(a -> distinct.putIfAbsent(a.period().identifier(), a));
        var sameUnits = distinct.values().stream().map(AskedPeriod::unitIds).distinct().count() <= 1;
        var batches = sameUnits && !distinct.isEmpty() ? List.of(List.copyOf(distinct.values()))
                : distinct.values().stream().map(List::of).toList();
        for (var batch : batches) {
            var periods = batch.stream().map(a -> a.period().identifier()).distinct().toArray(String[]::new);
            jdbc.sql(EXPORTED).param("indicators", indicatorIds.toArray(Long[]::new))
                    .param("units", batch.get(0).unitIds().toArray(Long[]::new)).param("periods", periods)
                    .query(ExportedRow.class).list()
                    .forEach(r -> byPeriod.computeIfAbsent(r.period(), p -> new ArrayList<>()).add(r));
        }
        return byPeriod;
    }

    /**
     * Imports a set of values as the user (see the class comment for the atomic modes and dry runs).
     *
     * @throws InvalidInputException naming {@code dataValues} when the set is empty or too large
     */
    public ImportSummary importValues(DataValueSet set, boolean dryRun, AtomicMode atomicMode, CurrentUser user) {
        var rows = set == null || set.dataValues() == null ? List.<DataValue>of() : set.dataValues();
        if (rows.isEmpty()) {
            throw new InvalidInputException("dataValues", "reporting.exchange.empty");
        }
        if (rows.size() > MAX_ROWS) {
            throw new InvalidInputException("dataValues", "reporting.exchange.too-many", MAX_ROWS);
        }
        var mode = atomicMode == null ? AtomicMode.NONE : atomicMode;
        var counts = new int[2];
        var conflicts = new ArrayList<Conflict>();
        var inputs = new ArrayList<ValueInput>(rows.size());
        for (var row : rows) {
            inputs.add(new ValueInput(row.dataElement(), orDefault(row.orgUnit(), set.orgUnit()), orDefault(row.period(), set.period()),
                    combo(row.categoryOptionCombo()), row.value(), null));
        }
        outer.executeWithoutResult(status -> {
            // in the import's transaction: the submissions it writes for are held until it commits (see ValueLocks)
            // the import's indicators and units, read once for the lock check and the rows' checks
            var lookups = new ImportLookups(indicators, rows.stream().map(DataValue::dataElement).toList(), units);
            locks.requireOpen(rows, set.orgUnit(), set.period(), lookups);
            var checked = imports.check(inputs, user, lookups);
            for (var refused : checked.refused()) {
                conflicts.add(conflict(refused.index(), inputs.get(refused.index()), refused.reason()));
            }
            if (mode == AtomicMode.ALL && !conflicts.isEmpty()) {
                status.setRollbackOnly();
                return;
            }
            var stored = imports.store(checked.valid(), conflicts.size(), user);
            counts[0] = stored.imported();
            counts[1] = stored.updated();
            if (dryRun) {
                status.setRollbackOnly();
            }
        });
        var failedWhole = mode == AtomicMode.ALL && !conflicts.isEmpty();
        var imported = failedWhole ? 0 : counts[0];
        var updated = failedWhole ? 0 : counts[1];
        var ignored = rows.size() - imported - updated;
        var statusText = failedWhole ? "ERROR" : conflicts.isEmpty() ? "SUCCESS" : "WARNING";
        var description = text(failedWhole ? "reporting.exchange.summary.none" : "reporting.exchange.summary", imported, updated, ignored)
                + (dryRun ? " " + text("reporting.exchange.summary.dry-run") : "");
        return new ImportSummary("ImportSummary", statusText, description, new ImportOptions(dryRun, mode),
                new ImportCount(imported, updated, ignored, 0), List.copyOf(conflicts));
    }

    /** A refused row as DHIS2 reports it, with the reason in Vietnamese. */
    private Conflict conflict(int i, ValueInput input, RuntimeException reason) {
        if (reason instanceof InvalidInputException invalid) {
            var p = invalid.problems().get(0);
            return new Conflict(objectOf(p.field(), input), valueOf(p.field(), input), dhis2Field(p.field()), i,
                    invalid.problems().stream().map(x -> text("field." + x.field()) + ": " + text(x.messageKey(), x.args()))
                            .reduce((a, b) -> a + "; " + b).orElse(""));
        }
        var missing = (NotFoundException) reason;
        var unit = "unit".equals(missing.what());
        return new Conflict(unit ? input.unit() : String.valueOf(missing.key()), input.unit(), unit ? "orgUnit" : missing.what(), i,
                unit ? text("reporting.exchange.unit-not-found", input.unit(), input.period())
                        : text("error.not-found." + missing.what(), missing.key()));
    }

    private static String objectOf(String field, ValueInput input) {
        return switch (field) {
            case "indicator" -> input.indicator();
            case "unit" -> input.unit();
            case "period" -> input.period();
            case "categoryOptionCombo" -> input.categoryOptionCombo();
            default -> input.indicator();
        };
    }

    /** The field as a dataValueSet names it. */
    private static String dhis2Field(String field) {
        return switch (field) {
            case "indicator" -> "dataElement";
            case "unit" -> "orgUnit";
            default -> field;
        };
    }

    private static String valueOf(String field, ValueInput input) {
        var v = "value".equals(field) ? input.value() : objectOf(field, input);
        return v == null ? null : v.toString();
    }

    /** DHIS2's default combination (by name or by its well-known uid) is danvan's "no disaggregation". */
    static String combo(String given) {
        if (given == null || given.isBlank() || given.equalsIgnoreCase("default") || given.equals("HllvX50cXC0")) {
            return "";
        }
        return given.strip();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static List<String> clean(List<String> given, String field) {
        var result = given == null ? List.<String>of() : given.stream().filter(s -> s != null && !s.isBlank())
                .flatMap(s -> java.util.Arrays.stream(s.split(","))).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (result.isEmpty()) {
            throw new InvalidInputException(field, "validation.required");
        }
        return result;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
