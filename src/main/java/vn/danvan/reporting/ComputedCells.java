package vn.danvan.reporting;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.danvan.form.FormQuery;
import vn.danvan.form.FormRows;
import vn.danvan.form.FormSpan;
import vn.danvan.form.ReportPeriod;
import vn.danvan.form.RowKind;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.NotFoundException;

/**
 * The computed indicators of a pivot (and so of a narrative report) in bulk: every figure a case module publishes for a
 * unit, its children and many periods is asked of its provider once — one {@link vn.danvan.form.FormProvider#rowsBySpan}
 * call per provider, with every measure and every period (and the same periods a year before) — instead of once per
 * cell. The unit asked reads the provider's total; a child adds up the unit rows that lie in its subtree (its own
 * units and those that passed into it), as the provider counts a child asked alone.
 */
@Component
class ComputedCells {

    private final Indicators indicators;
    private final OrgUnits units;

    ComputedCells(Indicators indicators, OrgUnits units) {
        this.indicators = indicators;
        this.units = units;
    }

    /** The answers of one pivot; a figure not read in bulk is left to the caller. */
    static final class Answers {
        private final OrgUnit root;
        private final Map<Long, Set<Long>> within;
        /** indicator code → span → the provider's rows. */
        private final Map<String, Map<FormSpan, FormRows>> rows;
        private final Map<String, String> measures;

        private Answers(OrgUnit root, Map<Long, Set<Long>> within, Map<String, Map<FormSpan, FormRows>> rows,
                        Map<String, String> measures) {
            this.root = root;
            this.within = within;
            this.rows = rows;
            this.measures = measures;
        }

        /** The figure of a computed indicator for the root or one of its children, or null when it was not read. */
        Aggregates.Figure figure(Indicator indicator, OrgUnit unit, ReportPeriod period) {
            var bySpan = rows.get(indicator.code());
            var answer = bySpan == null ? null : bySpan.get(span(period));
            if (answer == null || (unit.id() != root.id() && !within.containsKey(unit.id()))) {
                return null;
            }
            var measure = measures.get(indicator.code());
            BigDecimal value;
            if (unit.id() == root.id()) {
                value = answer.rows().isEmpty() ? BigDecimal.ZERO : answer.rows().get(0).value(measure);
            } else {
                var inside = within.get(unit.id());
                value = answer.rows().stream().filter(r -> r.kind() == RowKind.UNIT && r.unitId() != null && inside.contains(r.unitId()))
                        .map(r -> r.value(measure)).reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            return new Aggregates.Figure(AggregateRules.normalise(value), null, null, Set.of(), 1);
        }

        /** How many provider calls the answers took (one per provider). */
        int calls() {
            return (int) rows.values().stream().distinct().count();
        }
    }

    /**
     * Reads the computed indicators among {@code chosen} (and the computed parts of chosen ratios) for {@code root} and
     * {@code children} over {@code periods} and the same periods a year before.
     *
     * @param read reads an indicator by code (the pivot's own cache)
     */
    Answers read(Collection<Indicator> chosen, Function<String, Indicator> read, OrgUnit root, Collection<OrgUnit> children,
                 Collection<ReportPeriod> periods) {
        var computed = new LinkedHashMap<String, Indicator>();
        chosen.forEach(i -> collect(i, read, computed, new HashSet<>()));
        var within = new HashMap<Long, Set<Long>>();
        var rows = new HashMap<String, Map<FormSpan, FormRows>>();
        var measures = new HashMap<String, String>();
        if (computed.isEmpty()) {
            return new Answers(root, within, rows, measures);
        }
        var spans = new LinkedHashSet<FormSpan>();
        for (var p : periods) {
            spans.add(span(p));
            spans.add(span(p.previousYear()));
        }
        var byProvider = new LinkedHashMap<String, List<Indicator>>();
        computed.values().forEach(i -> byProvider.computeIfAbsent(i.provider(), k -> new java.util.ArrayList<>()).add(i));
        Principal principal = SecurityContextHolder.getContext().getAuthentication();
        var first = spans.iterator().next();
        byProvider.forEach((name, group) -> {
            var provider = indicators.provider(name).orElseThrow(() -> new NotFoundException("indicator", group.get(0).code()));
            var asked = new LinkedHashSet<String>();
            group.forEach(i -> asked.add(i.measure()));
            var answer = provider.rowsBySpan(new FormQuery(group.get(0).code(), Set.copyOf(asked), Map.of(), null, root.id(),
                    first.from(), first.to(), principal), spans);
            group.forEach(i -> {
                rows.put(i.code(), answer);
                measures.put(i.code(), i.measure());
            });
        });
        for (var child : children) {
            if (child.id() != root.id()) {
                within.put(child.id(), new HashSet<>(units.idsWithin(units.scopePaths(child.id()))));
            }
        }
        return new Answers(root, within, rows, measures);
    }

    private static void collect(Indicator indicator, Function<String, Indicator> read, Map<String, Indicator> computed, Set<String> seen) {
        if (!seen.add(indicator.code())) {
            return;
        }
        if (indicator.isRatio()) {
            collect(read.apply(indicator.numerator()), read, computed, seen);
            collect(read.apply(indicator.denominator()), read, computed, seen);
        } else if (indicator.readsFigure()) {
            computed.put(indicator.code(), indicator);
        }
    }

    private static FormSpan span(ReportPeriod period) {
        return new FormSpan(period.from(), period.to());
    }
}
