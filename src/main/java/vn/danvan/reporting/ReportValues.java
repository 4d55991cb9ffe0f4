package vn.danvan.reporting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * Values of entered indicators. A value is kept against the unit that held the code on the period's
 * last day (codes were reused in 2025); the officer must be able to write for that unit (else 404).
 * One statement checks the lock of approved data and the indicator's definition, stores the value
 * and bumps its version, only if the version read is still the current one, and returns the value it
 * replaced for the audit record in the same transaction; the same statement keeps reporting_summary
 * ({@link SummaryInStatement}, {@link ValueWrites}).
 */
@Service
@Transactional
public class ReportValues {

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final OrgUnits units;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final ValueLocks locks;
    private final OptionCombos combos;
    private final ValueWrites writes;

    ReportValues(JdbcClient jdbc, Indicators indicators, OrgUnits units, OrgScope scope, AuditTrail audit, ValueLocks locks,
                 OptionCombos combos, ValueWrites writes) {
        this.writes = writes;
        this.locks = locks;
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.units = units;
        this.scope = scope;
        this.audit = audit;
        this.combos = combos;
    }

    /**
     * Stores one value.
     *
     * @throws InvalidInputException naming {@code period}, {@code indicator}, {@code categoryOptionCombo}
     *                               or {@code value}; nothing is stored
     * @throws NotFoundException     for an unknown unit, or one the user may not write for
     * @throws ConflictException     when {@code version} is not the current one
     */
    public StoredValue save(ValueInput input, CurrentUser user) {
        var period = ReportPeriod.parse(input.period(), "period");
        var indicator = writes.indicator(input.indicator())
                .orElseThrow(() -> new InvalidInputException("indicator", "reporting.indicator.unknown", String.valueOf(input.indicator())));
        try {
            checkIndicator(indicator, period);
        } catch (InvalidInputException refused) {
            indicator = current(indicator, input, refused);
            checkIndicator(indicator, period);
        }
        var unit = unit(input.unit(), period);
        scope.requireWrite(user, unit.id(), "unit", input.unit());
        String combo;
        ValueType.Checked checked;
        try {
            combo = optionCombo(indicator, input.categoryOptionCombo());
            checked = indicator.valueType().check(input.value());
        } catch (InvalidInputException refused) {
            indicator = current(indicator, input, refused);
            checkIndicator(indicator, period);
            combo = optionCombo(indicator, input.categoryOptionCombo());
            checked = indicator.valueType().check(input.value());
        }
        // the usual path: lock check, definition check, write and summary in one statement (ValueWrites)
        var outcome = writes.write(indicator, unit, period, combo, checked, user.username(), input.version());
        if (!outcome.open()) {
            // a form of the unit and period is approved, or the indicator changed: the checked path, statement by statement
            var current = writes.fresh(indicator.code()).orElseThrow(
                    () -> new InvalidInputException("indicator", "reporting.indicator.unknown", String.valueOf(input.indicator())));
            if (current.version() != indicator.version()) {
                return save(input, user);
            }
            locks.requireOpen(indicator, unit, period);
            outcome = new ValueWrites.Outcome(true, checkedWrite(indicator, unit, period, combo, checked, user, input.version()));
        }
        var saved = outcome.saved();
        if (saved == null) {
            throw new ConflictException("value", indicator.code() + " · " + unit.code() + " · " + period.identifier());
        }
        if (saved.created() && input.version() != null && input.version() != 0) {
            // The officer read a value that is not there (never saved): refuse rather than create silently.
            throw new ConflictException("value", indicator.code() + " · " + unit.code() + " · " + period.identifier());
        }
        audit.record(saved.created() ? "reporting.value-entered" : "reporting.value-changed", "reporting_value", saved.id(),
                unit.id(),
                saved.created() ? null : AuditTrail.fields("value", saved.oldText() != null ? saved.oldText() : plain(saved.oldValue())),
                AuditTrail.fields("indicator", indicator.code(), "unit", unit.code(), "period", period.identifier(),
                        "categoryOptionCombo", combo, "value", checked.text() != null ? checked.text() : plain(checked.number()),
                        "version", saved.version()));
        return new StoredValue(indicator.code(), unit.code(), unit.name(), period.identifier(), period.from(), period.to(), combo,
                display(indicator.valueType(), checked.number(), checked.text()), saved.version(), user.username(), saved.updatedAt());
    }

    /**
     * After a refusal on the definition kept ({@link ValueWrites#indicator}): the definition in force, if it is
     * another one; else the refusal stands. A value is never refused on a definition that is no longer in force.
     */
    private Indicator current(Indicator kept, ValueInput input, InvalidInputException refused) {
        var current = writes.fresh(input.indicator()).orElseThrow(() -> refused);
        if (current.version() == kept.version()) {
            throw refused;
        }
        return current;
    }

    private static void checkIndicator(Indicator indicator, ReportPeriod period) {
        if (!indicator.isEntered()) {
            throw new InvalidInputException("indicator", "reporting.value.computed", indicator.code());
        }
        if (indicator.periodKind() != null && (indicator.periodKind() != period.kind() || indicator.periodCut() != period.cut())) {
            throw new InvalidInputException("period", "reporting.value.period-type", period.identifier(), indicator.periodExample());
        }
    }

    /** The write after {@link ValueLocks#requireOpen} (the lock named exactly): null when the version given is not the current one. */
    private ValueWrites.Saved checkedWrite(Indicator indicator, OrgUnit unit, ReportPeriod period, String combo, ValueType.Checked checked,
                                           CurrentUser user, Integer expected) {
        return jdbc.sql("""
                with %s,
                saved as (
                    insert into reporting_value as v (indicator_id, unit_id, period, period_start, period_end, option_combo,
                                                      value, text_value, updated_by)
                    select cast(:indicator as bigint), cast(:unit as bigint), cast(:period as text), cast(:from as date), cast(:to as date),
                           cast(:combo as text), cast(:value as numeric), cast(:text as text), cast(:by as text)
                    from mark
                    on conflict (indicator_id, unit_id, period, option_combo) do update
                    set value = excluded.value, text_value = excluded.text_value, version = v.version + 1,
                        updated_by = excluded.updated_by, updated_at = now()
                    where cast(:expected as int) is null or v.version = cast(:expected as int)
                    returning new.id, new.version, new.updated_at, new.indicator_id, new.unit_id, new.period, new.period_start,
                              new.period_end, new.option_combo, new.value, old.value as old_value, old.text_value as old_text,
                              old.id is null as created
                ),
                %s
                select id, version, updated_at, old_value, old_text, created from saved
                """.formatted(SummaryInStatement.MARK, SummaryInStatement.KEPT))
                .param("indicator", indicator.id()).param("unit", unit.id()).param("period", period.identifier())
                .param("from", period.from()).param("to", period.to()).param("combo", combo)
                .param("value", checked.number()).param("text", checked.text()).param("by", user.username())
                .param("expected", expected)
                .query(ValueWrites.Saved.class).optional().orElse(null);
    }

    /**
     * The value of an indicator for a unit, period and option combination.
     *
     * @throws NotFoundException when there is none, or the user may not read the unit's records
     */
    @Transactional(readOnly = true)
    public StoredValue find(String indicatorCode, String unitCode, String periodText, String optionCombo, CurrentUser user) {
        var period = ReportPeriod.parse(periodText, "period");
        var indicator = indicators.get(indicatorCode);
        var unit = unit(unitCode, period);
        scope.requireRead(user, unit.id(), "unit", unitCode);
        return get(indicator, unit, period, optionCombo(indicator, optionCombo));
    }

    private StoredValue get(Indicator indicator, OrgUnit unit, ReportPeriod period, String combo) {
        record Row(BigDecimal value, String textValue, int version, String updatedBy, OffsetDateTime updatedAt) {
        }
        var row = jdbc.sql("""
                select value, text_value, version, updated_by, updated_at
                from reporting_value
                where indicator_id = :indicator and unit_id = :unit and period = :period and option_combo = :combo
                """).param("indicator", indicator.id()).param("unit", unit.id()).param("period", period.identifier())
                .param("combo", combo).query(Row.class).optional()
                .orElseThrow(() -> new NotFoundException("value", indicator.code() + " · " + unit.code() + " · " + period.identifier()));
        return new StoredValue(indicator.code(), unit.code(), unit.name(), period.identifier(), period.from(), period.to(), combo,
                display(indicator.valueType(), row.value(), row.textValue()), row.version(), row.updatedBy(), row.updatedAt());
    }

    static Object display(ValueType type, BigDecimal value, String text) {
        if (text != null) {
            return text;
        }
        if (value == null) {
            return null;
        }
        if (type == ValueType.BOOLEAN) {
            return value.signum() != 0;
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private OrgUnit unit(String code, ReportPeriod period) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("unit", "validation.required");
        }
        return units.findByCode(code.strip(), period.to()).orElseThrow(() -> new NotFoundException("unit", code.strip()));
    }

    /**
     * The option combination as stored: '' without disaggregation; otherwise one option code per
     * category of the indicator's combination, in its order, joined by '.'.
     */
    String optionCombo(Indicator indicator, String given) {
        return combos.check(indicator, given);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
