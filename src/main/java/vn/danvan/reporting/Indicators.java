package vn.danvan.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.form.FormProvider;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/**
 * The indicator catalogue: system administrators define and change indicators without code; every
 * signed-in user reads them. A computed indicator names a figure a case module publishes (any
 * {@link FormProvider} and one of its measures), so a module added later plugs in without a change
 * here; a ratio names two indicators, and a cycle among ratios is refused.
 */
@Service
@Transactional
public class Indicators {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,49}");

    private static final String SELECT = """
            select i.id, i.code, i.name, i.name_en, i.description, i.value_type, i.aggregation, i.source,
                   i.period_kind, i.period_cut, n.code as numerator, d.code as denominator, i.provider, i.measure,
                   i.category_combo, i.version
            from reporting_indicator i
            left join reporting_indicator n on n.id = i.numerator_id
            left join reporting_indicator d on d.id = i.denominator_id
            """;

    private final JdbcClient jdbc;
    private final List<FormProvider> providers;
    private final AuditTrail audit;

    Indicators(JdbcClient jdbc, List<FormProvider> providers, AuditTrail audit) {
        this.jdbc = jdbc;
        // the report forms' own provider publishes indicators, not figures an indicator could read
        this.providers = providers.stream().filter(p -> !(p instanceof ReportFormProvider)).toList();
        this.audit = audit;
    }

    /** Every indicator, entered ones first, then by Vietnamese name order. */
    @Transactional(readOnly = true)
    public List<Indicator> all() {
        return jdbc.sql(SELECT + " order by i.source desc, i.name collate vietnamese, i.code").query(Indicator.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<Indicator> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where i.code = :code").param("code", code.strip().toUpperCase(java.util.Locale.ROOT))
                .query(Indicator.class).optional();
    }

    /** The indicators of the codes (as {@link #find} reads them) in one query, by code; an unknown code is absent. */
    Map<String, Indicator> findAll(java.util.Collection<String> codes) {
        var wanted = codes.stream().filter(java.util.Objects::nonNull).map(c -> c.strip().toUpperCase(java.util.Locale.ROOT))
                .distinct().toArray(String[]::new);
        if (wanted.length == 0) {
            return Map.of();
        }
        var found = new java.util.HashMap<String, Indicator>();
        jdbc.sql(SELECT + " where i.code = any(:codes)").param("codes", wanted).query(Indicator.class).list()
                .forEach(i -> found.put(i.code(), i));
        return found;
    }

    /** @throws NotFoundException naming the indicator when there is none with that code */
    @Transactional(readOnly = true)
    public Indicator get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("indicator", code));
    }

    /** The published figures a computed indicator may read: provider name → its measures. */
    @Transactional(readOnly = true)
    public Map<String, List<String>> figures() {
        var result = new java.util.TreeMap<String, List<String>>();
        providers.forEach(p -> result.put(p.name(), p.measures().stream().sorted().toList()));
        return result;
    }

    Optional<FormProvider> provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Defines an indicator.
     *
     * @throws NotFoundException when the user is not a system administrator
     * @throws InvalidInputException naming each field in error, a ratio's cycle under {@code numerator}
     */
    public Indicator define(IndicatorInput input, CurrentUser user) {
        requireAdmin(user);
        var checked = check(input, null);
        if (find(checked.code()).isPresent()) {
            throw new InvalidInputException("code", "reporting.indicator.code-taken", checked.code());
        }
        var id = jdbc.sql("""
                insert into reporting_indicator (code, name, name_en, description, value_type, aggregation, source, period_kind,
                                                 period_cut, numerator_id, denominator_id, provider, measure, category_combo)
                values (:code, :name, :nameEn, :description, :valueType, :aggregation, :source, :periodKind,
                        :periodCut, :numeratorId, :denominatorId, :provider, :measure, :categoryCombo)
                returning id
                """).params(checked.params()).query(Long.class).single();
        audit.record("reporting.indicator-defined", "reporting_indicator", id, null, null, checked.auditFields());
        return get(checked.code());
    }

    /**
     * Changes an indicator (its code stays).
     *
     * @param version the version read; another administrator's change in between answers 409
     * @throws ConflictException when {@code version} is not the current one
     */
    public Indicator update(String code, IndicatorInput input, int version, CurrentUser user) {
        requireAdmin(user);
        var current = get(code);
        var changed = new IndicatorInput(current.code(), input.name(), input.nameEn(), input.description(), input.valueType(),
                input.aggregation(), input.source(), input.periodType(), input.numerator(), input.denominator(), input.provider(),
                input.measure(), input.categoryCombo());
        var checked = check(changed, current);
        if (current.valueType() != checked.valueType() && hasValues(current.id())) {
            throw new InvalidInputException("valueType", "reporting.indicator.type-has-values");
        }
        var updated = jdbc.sql("""
                update reporting_indicator
                set name = :name, name_en = :nameEn, description = :description, value_type = :valueType,
                    aggregation = :aggregation, source = :source, period_kind = :periodKind, period_cut = :periodCut,
                    numerator_id = :numeratorId, denominator_id = :denominatorId, provider = :provider, measure = :measure,
                    category_combo = :categoryCombo, version = version + 1, updated_at = now()
                where id = :id and version = :version
                """).params(checked.params()).param("id", current.id()).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("indicator", current.code());
        }
        audit.record("reporting.indicator-changed", "reporting_indicator", current.id(), null,
                AuditTrail.fields("name", current.name(), "valueType", current.valueType(), "aggregation", current.aggregation(),
                        "numerator", current.numerator(), "denominator", current.denominator(), "measure", current.measure()),
                checked.auditFields());
        return get(current.code());
    }

    private boolean hasValues(long indicatorId) {
        return jdbc.sql("select exists (select 1 from reporting_value where indicator_id = :id)").param("id", indicatorId)
                .query(Boolean.class).single();
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isSystemAdmin()) {
            throw new NotFoundException("page", "/reporting/indicators");
        }
    }

    /** A checked definition, ready for the SQL parameters. */
    record Checked(String code, String name, String nameEn, String description, ValueType valueType, Aggregation aggregation,
                   IndicatorSource source, String periodKind, String periodCut, Long numeratorId, Long denominatorId,
                   String provider, String measure, String categoryCombo, String numerator, String denominator) {

        /** The SQL parameters, enums by name. */
        Map<String, Object> params() {
            var p = new HashMap<String, Object>();
            p.put("code", code);
            p.put("name", name);
            p.put("nameEn", nameEn);
            p.put("description", description);
            p.put("valueType", valueType.name());
            p.put("aggregation", aggregation.name());
            p.put("source", source.name());
            p.put("periodKind", periodKind);
            p.put("periodCut", periodCut);
            p.put("numeratorId", numeratorId);
            p.put("denominatorId", denominatorId);
            p.put("provider", provider);
            p.put("measure", measure);
            p.put("categoryCombo", categoryCombo);
            return p;
        }

        Map<String, Object> auditFields() {
            var f = new java.util.LinkedHashMap<String, Object>();
            f.put("code", code);
            f.put("name", name);
            f.put("valueType", valueType);
            f.put("aggregation", aggregation);
            f.put("source", source);
            f.put("periodKind", periodKind);
            f.put("numerator", numerator);
            f.put("denominator", denominator);
            f.put("provider", provider);
            f.put("measure", measure);
            f.put("categoryCombo", categoryCombo);
            return f;
        }
    }

    private Checked check(IndicatorInput in, Indicator current) {
        var problems = new ArrayList<Problem>();
        var code = in.code() == null ? "" : in.code().strip().toUpperCase(java.util.Locale.ROOT);
        if (code.isEmpty()) {
            problems.add(new Problem("code", "validation.required"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(new Problem("code", "reporting.indicator.code-format"));
        }
        var name = in.name() == null ? "" : VietnameseText.nfc(in.name().strip());
        if (name.isEmpty()) {
            problems.add(new Problem("name", "validation.required"));
        } else if (name.length() > 300) {
            problems.add(new Problem("name", "reporting.indicator.name-too-long", 300));
        }
        if (in.valueType() == null) {
            problems.add(new Problem("valueType", "validation.required"));
        }
        if (in.aggregation() == null) {
            problems.add(new Problem("aggregation", "validation.required"));
        }
        var numerator = blank(in.numerator());
        var denominator = blank(in.denominator());
        var providerName = blank(in.provider());
        var measure = blank(in.measure());
        var isRatio = in.aggregation() == Aggregation.RATIO;
        var source = in.source() != null ? in.source()
                : (isRatio || providerName != null ? IndicatorSource.COMPUTED : IndicatorSource.ENTERED);
        if (in.valueType() == ValueType.TEXT && in.aggregation() != null && in.aggregation() != Aggregation.NONE) {
            problems.add(new Problem("aggregation", "reporting.indicator.text-not-aggregated"));
        }
        if (in.valueType() == ValueType.BOOLEAN && in.aggregation() != null
                && !List.of(Aggregation.SUM, Aggregation.NONE, Aggregation.LAST).contains(in.aggregation())) {
            problems.add(new Problem("aggregation", "reporting.indicator.boolean-aggregation"));
        }
        Long numeratorId = null;
        Long denominatorId = null;
        if (isRatio) {
            if (in.valueType() != null && in.valueType() != ValueType.DECIMAL && in.valueType() != ValueType.PERCENTAGE) {
                problems.add(new Problem("valueType", "reporting.indicator.ratio-type"));
            }
            numeratorId = ratioPart("numerator", numerator, code, problems);
            denominatorId = ratioPart("denominator", denominator, code, problems);
            if (source != IndicatorSource.COMPUTED) {
                problems.add(new Problem("source", "reporting.indicator.ratio-computed"));
            }
            if (providerName != null || measure != null) {
                problems.add(new Problem("provider", "reporting.indicator.ratio-no-figure"));
            }
            if (current != null && numeratorId != null && denominatorId != null
                    && (reaches(numeratorId, current.id()) || reaches(denominatorId, current.id()))) {
                problems.add(new Problem("numerator", "reporting.indicator.cycle", code));
            }
        } else {
            if (numerator != null || denominator != null) {
                problems.add(new Problem("numerator", "reporting.indicator.not-ratio"));
            }
            if (source == IndicatorSource.COMPUTED) {
                if (providerName == null) {
                    problems.add(new Problem("provider", "validation.required"));
                } else if (provider(providerName).isEmpty()) {
                    problems.add(new Problem("provider", "reporting.indicator.provider-unknown", providerName));
                } else if (measure == null) {
                    problems.add(new Problem("measure", "validation.required"));
                } else if (!provider(providerName).get().measures().contains(measure)) {
                    problems.add(new Problem("measure", "reporting.indicator.measure-unknown", measure, providerName));
                }
            } else if (providerName != null || measure != null) {
                problems.add(new Problem("provider", "reporting.indicator.entered-no-figure"));
            }
        }
        String periodKind = null;
        String periodCut = null;
        var periodType = blank(in.periodType());
        if (periodType != null) {
            try {
                var p = ReportPeriod.parse(periodType, "periodType");
                periodKind = p.kind().name();
                periodCut = p.cut().name();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        var combo = blank(in.categoryCombo());
        if (combo != null) {
            combo = combo.toUpperCase(java.util.Locale.ROOT);
            if (!jdbc.sql("select exists (select 1 from reporting_category_combo where code = :c)").param("c", combo)
                    .query(Boolean.class).single()) {
                problems.add(new Problem("categoryCombo", "reporting.indicator.combo-unknown", combo));
            }
            if (source == IndicatorSource.COMPUTED) {
                problems.add(new Problem("categoryCombo", "reporting.indicator.combo-entered-only"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(code, name, blank(in.nameEn()), blank(in.description()), in.valueType(), in.aggregation(), source,
                periodKind, periodCut, numeratorId, denominatorId, providerName, measure, combo,
                numerator == null ? null : numerator.toUpperCase(java.util.Locale.ROOT),
                denominator == null ? null : denominator.toUpperCase(java.util.Locale.ROOT));
    }

    private Long ratioPart(String field, String partCode, String code, List<Problem> problems) {
        if (partCode == null) {
            problems.add(new Problem(field, "validation.required"));
            return null;
        }
        if (partCode.equalsIgnoreCase(code)) {
            problems.add(new Problem(field, "reporting.indicator.cycle", code));
            return null;
        }
        var part = find(partCode);
        if (part.isEmpty()) {
            problems.add(new Problem(field, "reporting.indicator.unknown", partCode));
            return null;
        }
        var type = part.get().valueType();
        if (type == ValueType.TEXT || type == ValueType.BOOLEAN) {
            problems.add(new Problem(field, "reporting.indicator.ratio-part-type", partCode));
        }
        return part.get().id();
    }

    /** Does following ratios from {@code from} lead to {@code target}? */
    private boolean reaches(long from, long target) {
        record Parts(long id, Long numeratorId, Long denominatorId) {
        }
        var graph = new HashMap<Long, Parts>();
        jdbc.sql("select id, numerator_id, denominator_id from reporting_indicator where numerator_id is not null")
                .query(Parts.class).list().forEach(p -> graph.put(p.id(), p));
        var seen = new HashSet<Long>();
        var stack = new ArrayList<Long>(List.of(from));
        while (!stack.isEmpty()) {
            var id = stack.remove(stack.size() - 1);
            if (id == target) {
                return true;
            }
            if (seen.add(id) && graph.containsKey(id)) {
                stack.add(graph.get(id).numeratorId());
                stack.add(graph.get(id).denominatorId());
            }
        }
        return false;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static PeriodCut cutOf(String name) {
        return name == null ? null : PeriodCut.valueOf(name);
    }
}
