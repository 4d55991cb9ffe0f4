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
 * units and those that passed into it: its scope paths, each row's unit path read once per instance), as the
 * provider counts a child asked alone.
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
        private final OrgUnits units;
        private final OrgUnit root;
        /** child id → the paths of its subtree and of the units that passed into it. */
        private final Map<Long, Set<String>> scopes;
        /** indicator code → span → the provider's rows. */
        private final Map<String, Map<FormSpan, FormRows>> rows;
        private final Map<String, String> measures;
        /** a unit row's unit → the children whose subtree holds it. */
        private final Map<Long, List<Long>> owners = new HashMap<>();
        /** indicator code and span → child id → the sum of its unit rows. */
        private final Map<String, Map<Long, BigDecimal>> byChild = new HashMap<>();

        private Answers(OrgUnits units, OrgUnit root, Map<Long, Set<String>> scopes, Map<String, Map<FormSpan, FormRows>> rows,
                        Map<String, String> measures) {
            this.units = units;
            this.root = root;
            this.scopes = scopes;
            this.rows = rows;
            this.measures = measures;
        }

        /** The figure of a computed indicator for the root or one of its children, or null when it was not read. */
        Aggregates.Figure figure(Indicator indicator, OrgUnit unit, ReportPeriod period) {
            var bySpan = rows.get(indicator.code());
            var span = span(period);
            var answer = bySpan == null ? null : bySpan.get(span);
            if (answer == null || (unit.id() != root.id() && !scopes.containsKey(unit.id()))) {
                return null;
            }
            var measure = measures.get(indicator.code());
            BigDecimal value;
            if (unit.id() == root.id()) {
                value = answer.rows().isEmpty() ? BigDecimal.ZERO : answer.rows().get(0).value(measure);
            } else {
                value = byChild.computeIfAbsent(indicator.code() + "@" + span, k -> sumsByChild(answer, measure))
                        .getOrDefault(unit.id(), BigDecimal.ZERO);
            }
            return new Aggregates.Figure(AggregateRules.normalise(value), null, null, Set.of(), 1);
        }

        private Map<Long, BigDecimal> sumsByChild(FormRows answer, String measure) {
            var sums = new HashMap<Long, BigDecimal>();
            for (var r : answer.rows()) {
                if (r.kind() != RowKind.UNIT || r.unitId() == null) {
                    continue;
                }
                for (var child : owners.computeIfAbsent(r.unitId(), id -> scopes.entrySet().stream()
                        .filter(e -> units.isWithin(id, e.getValue())).map(Map.Entry::getKey).toList())) {
                    sums.merge(child, r.value(measure), BigDecimal::add);
                }
            }
            return sums;
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
        var scopes = new HashMap<Long, Set<String>>();
        var rows = new HashMap<String, Map<FormSpan, FormRows>>();
        var measures = new HashMap<String, String>();
        if (computed.isEmpty()) {
            return new Answers(units, root, scopes, rows, measures);
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
                scopes.put(child.id(), units.scopePaths(child.id()));
            }
        }
        return new Answers(units, root, scopes, rows, measures);
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
