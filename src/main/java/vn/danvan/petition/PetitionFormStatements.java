package vn.danvan.petition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import static vn.danvan.petition.PetitionMeasures.BY_KEY;

import vn.danvan.form.FormQuery;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.petition.PetitionMeasures.AggregateKind;
import vn.danvan.petition.PetitionMeasures.Measure;
import vn.danvan.petition.PetitionMeasures.Source;

/**
 * The statements {@link PetitionForms} sends, as text: a source's rows with their placeholders filled, a measure's
 * total over them, the measures asked grouped into one statement per source, and the country's rows per province.
 */
final class PetitionFormStatements {

    private PetitionFormStatements() {
    }

    /**
     * {@code {indexed:<condition>}} in a source's statement: a condition on the record's span of days, implied by the
     * source's own period conditions, that V83's GiST indexes serve.
     */
    private static final Pattern INDEXED = Pattern.compile("\\{indexed:([^}]+)}");

    /**
     * One measure's total over a source's rows: a count of the rows that meet its condition, the sum of its column over
     * them, or the number of distinct (unit, case) pairs among them (the sum over units of each unit's distinct cases).
     * The rows are read as the source's lean parts where the measure allows ({@code Source.partsFor}: disjoint parts
     * without the joins it does not need, each aggregated on its own, so that the planner can read an index alone), the
     * parts' counts and sums added, their cases put together before they are counted.
     */
    static String totalSql(Measure measure, List<Long> unitIds, List<String> kinds) {
        var condition = measure.how().condition();
        var parts = measure.source().partsFor(measure, kinds != null).stream().map(part -> expand(part, unitIds, kinds, true)).toList();
        return switch (measure.how().kind()) {
            case COUNT -> "select " + String.join(" + ", parts.stream()
                    .map(part -> "(select count(*) from (" + part + ") b where " + condition + ")").toList());
            case SUM -> "select " + String.join(" + ", parts.stream()
                    .map(part -> "(select coalesce(sum(b." + measure.how().column() + "), 0) from (" + part + ") b where " + condition + ")")
                    .toList());
            case CASES -> "select count(*) from (" + String.join(" union ", parts.stream()
                    .map(part -> "select distinct b.unit_id, b.case_key from (" + part + ") b where (" + condition
                            + ") and b.case_key is not null").toList()) + ") c";
        };
    }

    /** A source's rows for the units asked (null: every unit) and the form's content kinds (null: all). */
    static String from(Source source, List<Long> unitIds, List<String> kinds) {
        return from(source, unitIds, kinds, true);
    }

    /**
     * @param spanIndexed with the condition on the record's span of days ({@code {indexed:…}}, implied by the source's
     *                    own period conditions) that the GiST indexes of V83 serve; without it, the same rows read by
     *                    the period conditions alone (the answer before V83, which tests compare against)
     */
    static String from(Source source, List<Long> unitIds, List<String> kinds, boolean spanIndexed) {
        return expand(source.sql, unitIds, kinds, spanIndexed);
    }

    /** A source's statement (or one of its parts) with its placeholders filled. */
    static String expand(String sql, List<Long> unitIds, List<String> kinds, boolean spanIndexed) {
        var from = INDEXED.matcher(sql).replaceAll(spanIndexed ? "$1" : "");
        for (var alias : List.of("p", "m", "v", "s", "o")) {
            from = from.replace("{units:" + alias + "}", unitIds == null ? "" : "and " + alias + ".unit_id = any(:units)");
            from = from.replace("{kinds:" + alias + "}", kinds == null ? "" : "and " + alias + ".content_kind = any(:kinds)");
        }
        return from;
    }

    /**
     * The country's form has one row per province (before or after the 2025 reform) and per central body, each the sum
     * of its subtree's units, instead of one row per unit with records (about 13,000 rows and 3.4 MB of JSON for a
     * year at the country's size): the per-unit statement {@code sql} (columns: [span index,] unit_id, m0 …) summed per
     * row of the country in the same statement. The country's total is unchanged: every unit counts in exactly one row.
     */
    static String perCountryRow(String sql, int measures, boolean bySpan) {
        var select = new StringBuilder("select ");
        if (bySpan) {
            select.append("a.i, ");
        }
        select.append(OrgUnits.countryRowOf("u")).append(" as unit_id");
        for (int i = 0; i < measures; i++) {
            select.append(", sum(a.m").append(i).append(") as m").append(i);
        }
        return select + " from (" + sql + ") a join org_unit u on u.id = a.unit_id group by " + (bySpan ? "1, 2" : "1");
    }

    /** Measures of one source read by one grouped statement. */
    record Statement(Source source, List<Measure> measures) {
    }

    /**
     * The measures asked, grouped by the source they aggregate and, within a source, the counts of distinct cases apart
     * from the rest: one statement per group, in the order asked. A count of distinct cases sorts the rows it reads (by
     * unit and case); apart, the other measures are summed per unit in a hash table without that sort, and the cases are
     * read through the parts their conditions allow (the petitions processed in the period,
     * {@code PetitionMeasures.PROCESSED_IN_PERIOD}) and only the rows they count ({@link #onlyCounted}). A country's
     * year of 01/XLD: 1.1 s instead of 1.5 s.
     */
    static List<Statement> statements(FormQuery query) {
        return statements(query, List.of());
    }

    /** The statements of {@link #statements(FormQuery)} without the measures answered otherwise (V113's tally). */
    static List<Statement> statements(FormQuery query, Collection<String> answered) {
        var groups = new LinkedHashMap<String, Statement>();
        for (var key : query.measures()) {
            if (answered.contains(key)) {
                continue;
            }
            var measure = measure(key);
            var cases = measure.how().kind() == AggregateKind.CASES;
            groups.computeIfAbsent(measure.source() + (cases ? "/cases" : ""), g -> new Statement(measure.source(), new ArrayList<>()))
                    .measures().add(measure);
        }
        return List.copyOf(groups.values());
    }

    /**
     * For a statement of counts of distinct cases: only the rows some measure counts, so that only those are sorted by
     * case (a unit with none of them gets no row: {@code PetitionForms.layout} gives it 0s). Other statements read every row (a unit
     * with rows in the source has its row of 0s).
     */
    static String onlyCounted(List<Measure> measures) {
        if (!measures.stream().allMatch(m -> m.how().kind() == AggregateKind.CASES)) {
            return "";
        }
        return " where " + String.join(" or ", measures.stream().map(m -> "(" + m.how().condition() + ")").distinct().toList());
    }

    /**
     * The rows a grouped statement of measures of one source reads: the source's lean parts that every measure allows
     * ({@code Source.partsFor}: disjoint parts, each read by an index of its own, as a total reads them) put together,
     * else the whole source. "offset 0": the source's flags (carried, processed, e …) are worked out once per row and
     * read by every measure's filter; flattened into the aggregate, each filter recomputed them (01/XLD: 25 filters a
     * row). Flattened, the parts were read by parallel processes, yet the form took longer through the application
     * (1,278 ms instead of 1,134 for the country's year).
     */
    static String groupedFrom(Source source, List<Measure> measures, List<Long> unitIds, List<String> kinds) {
        var parts = source.partsFor(measures, kinds != null).stream().map(part -> expand(part, unitIds, kinds, true)).toList();
        return (parts.size() == 1 ? parts.get(0) : "select * from (" + String.join(" union all ", parts) + ") parts_") + " offset 0";
    }

    /** The measure of a key the petition provider publishes ({@link PetitionForms#measures()}); any other key is a caller's error. */
    static Measure measure(String key) {
        var measure = BY_KEY.get(key);
        if (measure == null) {
            throw new IllegalArgumentException("unknown measure " + key);
        }
        return measure;
    }
}
