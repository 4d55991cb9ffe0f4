package vn.danvan.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.NotFoundException;

/**
 * The values entered behind an entered figure: for a unit's subtree (with the units that passed into it) and a
 * period, every value of the indicator inside the period, with who saved it last and when — so that a figure of an
 * aggregate or of a narrative report is traceable to the values and the people who entered them.
 */
@Service
@Transactional(readOnly = true)
class EnteredValues {

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final OrgUnits units;
    private final OrgScope scope;

    EnteredValues(JdbcClient jdbc, Indicators indicators, OrgUnits units, OrgScope scope) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.units = units;
        this.scope = scope;
    }

    /**
     * A value behind a figure, with who saved it last and when, and the approval of the report it
     * belongs to (its grid's submission, or the approved report whose lock covers it): status (null when
     * no report holds it), who approved it and when.
     */
    public record Entered(String indicator, String unit, String unitName, String period, LocalDate from, LocalDate to,
                          String categoryOptionCombo, Object value, int version, String updatedBy, OffsetDateTime updatedAt,
                          String approval, String approvedBy, OffsetDateTime approvedAt) {

        public Entered {
            updatedAt = Completeness.vietnamese(updatedAt);
            approvedAt = Completeness.vietnamese(approvedAt);
        }
    }

    /** At most {@code limit} values, newest period first; empty for computed indicators. */
    List<Entered> behind(String indicatorCode, String unitCode, String periodText, LocalDate on, CurrentUser user, int limit) {
        var indicator = indicators.get(indicatorCode);
        var period = ReportPeriod.parse(periodText, "period");
        var unit = units.findByCode(unitCode == null ? "" : unitCode.strip(), on).orElseThrow(() -> new NotFoundException("unit", unitCode));
        scope.requireRead(user, unit.id(), "unit", unitCode);
        if (!indicator.isEntered()) {
            return List.of();
        }
        var ids = units.idsWithin(units.scopePaths(unit.id()));
        record Row(long unitId, String period, LocalDate periodStart, LocalDate periodEnd, String optionCombo, BigDecimal value,
                   String textValue, int version, String updatedBy, OffsetDateTime updatedAt, String approval, String approvedBy,
                   OffsetDateTime approvedAt) {
        }
        var rows = jdbc.sql("""
                        select v.unit_id, v.period, v.period_start, v.period_end, v.option_combo, v.value, v.text_value, v.version,
                               v.updated_by, v.updated_at, s.status as approval, s.approved_by, s.approved_at
                        from reporting_value v
                        left join lateral (
                            select l.submission_id from reporting_value_lock l
                            where l.unit_id = v.unit_id and l.period = v.period and l.indicator_id = v.indicator_id
                            limit 1
                        ) l on true
                        left join reporting_submission s on s.id = coalesce(l.submission_id, v.submission_id)
                        where v.indicator_id = :indicator and v.unit_id = any(:units)
                          and v.period_start >= :from and v.period_end <= :to
                        order by v.period_start desc, v.unit_id, v.option_combo
                        limit :limit""")
                .param("indicator", indicator.id()).param("units", ids.toArray(Long[]::new)).param("from", period.from())
                .param("to", period.to()).param("limit", limit).query(Row.class).list();
        var named = units.findAll(rows.stream().map(Row::unitId).distinct().toList(), period.to());
        return rows.stream().map(r -> {
            var u = named.containsKey(r.unitId()) ? named.get(r.unitId()) : units.find(r.unitId(), r.periodEnd()).orElse(null);
            return new Entered(indicator.code(), u == null ? null : u.code(), u == null ? null : u.name(), r.period(),
                    r.periodStart(), r.periodEnd(), r.optionCombo(), ReportValues.display(indicator.valueType(), r.value(), r.textValue()),
                    r.version(), r.updatedBy(), r.updatedAt(), r.approval(), r.approvedBy(), r.approvedAt());
        }).toList();
    }
}
