package vn.danvan.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.form.FormProvider;
import vn.danvan.form.FormQuery;
import vn.danvan.form.FormRecord;
import vn.danvan.form.FormRow;
import vn.danvan.form.FormRows;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;
import vn.danvan.form.RowKind;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * Reporting's report forms as a provider of the one form mechanism (provider {@code reporting}), so
 * that {@code GET /api/forms/{code}?unit=&from=&to=} reaches them like the petition forms. A measure
 * is an indicator code, optionally with an option combination or its prefix
 * ({@code MO_HINH_DVK_DANG_KY.COLLECTIVE.ECONOMY}); its value is the live aggregate over the unit's
 * subtree for the period that {@code from}–{@code to} covers exactly (restated on the period's last
 * day). The total row is the asked unit; one row follows for each child unit with a submission of
 * the form for the period.
 */
@Component
@Transactional(readOnly = true)
class ReportFormProvider implements FormProvider {

    static final String NAME = "reporting";

    private final JdbcClient jdbc;
    // Lazily: the indicator catalogue and the aggregates read every provider, this one included.
    private final ObjectProvider<Indicators> indicators;
    private final ObjectProvider<Aggregates> aggregates;
    private final OrgUnits units;
    private final OrgScope scope;
    private final CurrentUsers users;
    private final Clock clock;

    ReportFormProvider(JdbcClient jdbc, ObjectProvider<Indicators> indicators, ObjectProvider<Aggregates> aggregates,
                       OrgUnits units, OrgScope scope, CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.aggregates = aggregates;
        this.units = units;
        this.scope = scope;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Every indicator code, and for a disaggregated one each option combination and its prefixes. */
    @Override
    public Set<String> measures() {
        return new LinkedHashSet<>(jdbc.sql("""
                with recursive parts (combo, position, measure) as (
                    select i.category_combo, 0, i.code from reporting_indicator i
                    union all
                    select p.combo, m.position, p.measure || '.' || o.code
                    from parts p
                    join reporting_category_combo_member m on m.combo = p.combo and m.position = p.position + 1
                    join reporting_category_option o on o.category = m.category
                )
                select measure from parts order by measure
                """).query(String.class).list());
    }

    @Override
    public FormRows rows(FormQuery query) {
        var period = period(query);
        var root = root(query);
        var rows = new ArrayList<FormRow>();
        rows.add(new FormRow(RowKind.TOTAL, root.code(), root.name(), 0, values(query.measures(), root, period)));
        var reported = jdbc.sql("""
                select distinct s.unit_id from reporting_submission s
                where s.form_code = :form and s.period = :period
                """).param("form", query.formCode()).param("period", period.identifier()).query(Long.class).set();
        for (var child : units.children(root.id(), period.to())) {
            if (reported.contains(child.id())) {
                rows.add(new FormRow(RowKind.UNIT, child.code(), child.name(), 1, values(query.measures(), child, period)));
            }
        }
        return new FormRows(root.code(), root.name(), rows);
    }

    @Override
    public List<FormRecord> records(FormQuery query, String measure, String rowUnitCode, int limit) {
        var period = period(query);
        var root = root(query);
        var code = rowUnitCode != null ? rowUnitCode : root.code();
        return aggregates.getObject().records(indicatorOf(measure), code, period.identifier(), period.to(), users.require(),
                limit);
    }

    private Map<String, BigDecimal> values(Set<String> measures, OrgUnit unit, ReportPeriod period) {
        var result = new LinkedHashMap<String, BigDecimal>();
        for (var measure : measures) {
            var indicator = indicators.getObject().get(indicatorOf(measure));
            var combo = measure.contains(".") ? measure.substring(measure.indexOf('.') + 1) : "";
            var figure = aggregates.getObject().figure(indicator, unit, period, period.to(), AggregateMode.RESTATED, combo);
            if (figure.value() != null) {
                result.put(measure, figure.value());
            }
        }
        return result;
    }

    static String indicatorOf(String measure) {
        int dot = measure.indexOf('.');
        return dot < 0 ? measure : measure.substring(0, dot);
    }

    /** The period {@code from}–{@code to} covers exactly: a month, quarter, half year, nine months, year or term. */
    static ReportPeriod period(FormQuery query) {
        for (var cut : PeriodCut.values()) {
            for (var kind : ReportPeriod.Kind.values()) {
                Optional<ReportPeriod> p = ReportPeriod.covering(kind, cut, query.from(), query.to());
                if (p.isPresent()) {
                    return p.get();
                }
            }
        }
        throw new InvalidInputException("to", "reporting.form.not-a-period", query.from(), query.to());
    }

    private OrgUnit root(FormQuery query) {
        var user = users.require();
        var today = LocalDate.now(clock);
        OrgUnit root;
        if (query.unitCode() != null) {
            root = units.findByCode(query.unitCode(), query.to()).or(() -> units.findByCode(query.unitCode(), today))
                    .orElseThrow(() -> new NotFoundException("unit", query.unitCode()));
        } else {
            long id = query.unitId() != null ? query.unitId() : user.homeUnitId();
            root = units.find(id, query.to()).or(() -> units.find(id, today)).orElseThrow(() -> new NotFoundException("unit", id));
        }
        scope.requireRead(user, root.id(), "unit", root.code());
        return root;
    }
}
