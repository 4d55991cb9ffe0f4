package vn.danvan.petition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.petition.PetitionMeasures.AggregateKind;
import vn.danvan.petition.PetitionMeasures.Measure;
import vn.danvan.petition.PetitionMeasures.Source;
import vn.danvan.shared.WholeMonths;

/**
 * The petition measures of the official forms read from the tally of receipts and processings per unit and month
 * (V89) instead of every petition of the period. The source's rows are counted in four parts:
 * <ul>
 *     <li>{@code C} — petitions pending on the period's first day (received before it, not processed before it): read
 *     from the records through the V83 span index, about 1,500 for the country's year;</li>
 *     <li>{@code R} — petitions received in the period: the tally's receipts of the whole months, the records of the
 *     partial months at either end;</li>
 *     <li>{@code P} — petitions processed in the period, not before their receipt: the tally's processings of the
 *     whole months, the records of the partial months;</li>
 *     <li>{@code M} — petitions processed in the period before their receipt (bad data the writer refuses): read from
 *     the records.</li>
 * </ul>
 * A measure is read this way only when its condition allows it (see {@link #part}): a count over the intake
 * (carried over or received: {@code C + R}), or a count over petitions processed in the period ({@code P + M}) by
 * their own classification. Every measure that reads the petition's matter, counts cases or asks whether a processed
 * petition was carried over is left to the live statement.
 */
@Component
class PetitionFormTally {

    /** Which parts of the source's rows a measure counts. */
    enum Part {
        /** carried over or received in the period: {@code C + R} */
        INTAKE,
        /** processed in the period: {@code P + M} */
        PROCESSED
    }

    /** The source's columns the measures' conditions read, in the order every part gives them. */
    private static final String COLUMNS = "unit_id, carried, processed, many, anonymous, e, content_kind, field, competence, handling";

    private static final Set<String> INTAKE_COLUMNS = Set.of("carried", "many", "anonymous", "content_kind");
    private static final Set<String> PROCESSED_COLUMNS = Set.of("processed", "e", "many", "anonymous", "content_kind", "field",
            "competence", "handling");
    private static final Set<String> WORDS = Set.of("and", "or", "not", "in", "like", "is", "null", "true", "false");
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z_0-9]*");
    private static final Pattern PROCESSED_FIRST = Pattern.compile("^(processed|e)( and .*)?$");

    private final JdbcClient jdbc;

    PetitionFormTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The part of the source's rows a petition measure counts, or null when the tally cannot answer it (a sum, a number
     * of cases, a condition on the matter or mixing carried over with processed, another source).
     */
    static Part part(Measure measure) {
        if (measure.source() != Source.PETITION) {
            return null;
        }
        var condition = measure.how().condition().strip();
        var identifiers = identifiers(condition);
        if (measure.how().kind() == AggregateKind.COUNT && INTAKE_COLUMNS.containsAll(identifiers)) {
            return Part.INTAKE;
        }
        if (measure.how().kind() == AggregateKind.COUNT && PROCESSED_COLUMNS.containsAll(identifiers)
                && PROCESSED_FIRST.matcher(condition).matches() && !topLevelOr(condition)) {
            return Part.PROCESSED;
        }
        return null;
    }

    /**
     * Whether every one of the measures counts only petitions processed in the period and eligible (its condition is
     * {@code e} or begins with {@code e and}): then the live statement need read only those
     * ({@link #ELIGIBLE_PROCESSED}), not the period's receipts and the petitions pending on its first day.
     */
    static boolean onlyEligibleProcessed(List<Measure> measures) {
        return measures.stream().allMatch(m -> m.source() == Source.PETITION && m.how().kind() != AggregateKind.SUM
                && m.how().condition().strip().matches("^e( and .*)?$") && !topLevelOr(m.how().condition().strip()));
    }

    /** The condition {@code e} implies, added to the live petition statement when {@link #onlyEligibleProcessed}. */
    static final String ELIGIBLE_PROCESSED = " and p.processed_on between :from and :to and p.eligible";

    private static Set<String> identifiers(String condition) {
        var words = new HashSet<String>();
        var matcher = IDENTIFIER.matcher(LITERAL.matcher(condition).replaceAll("''"));
        while (matcher.find()) {
            if (!WORDS.contains(matcher.group())) {
                words.add(matcher.group());
            }
        }
        return words;
    }

    /** Whether the condition has an "or" outside parentheses (then its first conjunct does not bind every row). */
    private static boolean topLevelOr(String condition) {
        var depth = 0;
        var flat = new StringBuilder();
        for (var c : LITERAL.matcher(condition).replaceAll("''").toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0) {
                flat.append(c);
            }
        }
        return (" " + flat + " ").contains(" or ");
    }

    /** The aggregate of a measure over the four parts. */
    static String aggregate(Measure measure) {
        var condition = "(" + measure.how().condition() + ")";
        return switch (part(measure)) {
            case INTAKE -> "coalesce(sum(n) filter (where part_ in ('C', 'R') and " + condition + "), 0)";
            case PROCESSED -> "coalesce(sum(n) filter (where part_ in ('P', 'M') and " + condition + "), 0)";
        };
    }

    /** The four parts' rows for the period, as the columns {@link #COLUMNS} with a part and a weight. */
    static String rows(List<Long> unitIds, List<String> kinds) {
        var source = Source.PETITION.sql.substring(0, Source.PETITION.sql.indexOf("where "));
        var records = "select part_, n, " + COLUMNS + " from (select %s as part_, 1 as n, b.* from (" + source + " %s {kinds:p} {units:p}) b) r";
        var carried = records.formatted("'C'", """
                where p.received_on < :from and petition_pending_span(p.received_on, p.processed_on) @> cast(:from as date)
                  and (p.processed_on is null or p.processed_on >= :from)""");
        var beforeReceipt = records.formatted("'M'", """
                where p.processed_on between :from and :to and p.processed_on < p.received_on and p.received_on <= :to""");
        var tallied = """
                select event as part_, n, unit_id, case when event = 'R' then false end as carried, event = 'P' as processed,
                       many, anonymous, event = 'P' and eligible as e, nullif(content_kind, '') as content_kind,
                       nullif(field, '') as field, nullif(competence, '') as competence, nullif(handling, '') as handling
                from (select event, unit_id, many, anonymous, content_kind, field, eligible, competence, handling, sum(n) as n
                      from (select t.event, t.unit_id, t.many, t.anonymous, t.content_kind, t.field, t.eligible, t.competence,
                                   t.handling, t.n
                            from petition_form_tally t
                            where t.month between cast(:firstMonth as date) and cast(:lastMonth as date) {kinds:t} {units:t}
                            union all
                            select 'R', p.unit_id, p.petitioner_kind = 'GROUP' or p.signers_count > 1, p.petitioner_kind = 'ANONYMOUS',
                                   coalesce(p.content_kind, ''), '', false, '', '', 1
                            from petition p
                            where (p.received_on between cast(:headFrom as date) and cast(:headTo as date)
                                   or p.received_on between cast(:tailFrom as date) and cast(:tailTo as date)) {kinds:p} {units:p}
                            union all
                            select 'P', p.unit_id, p.petitioner_kind = 'GROUP' or p.signers_count > 1, p.petitioner_kind = 'ANONYMOUS',
                                   coalesce(p.content_kind, ''), coalesce(p.field, ''), coalesce(p.eligible, false),
                                   coalesce(p.competence, ''), coalesce(p.handling, ''), 1
                            from petition p
                            where (p.processed_on between cast(:headFrom as date) and cast(:headTo as date)
                                   or p.processed_on between cast(:tailFrom as date) and cast(:tailTo as date))
                              and p.processed_on >= p.received_on {kinds:p} {units:p}) e
                      group by event, unit_id, many, anonymous, content_kind, field, eligible, competence, handling
                      having sum(n) <> 0) g""";
        var sql = carried + "\nunion all\n" + beforeReceipt + "\nunion all\n" + tallied;
        for (var alias : List.of("p", "t")) {
            sql = sql.replace("{units:" + alias + "}", unitIds == null ? "" : "and " + alias + ".unit_id = any(:units)");
            sql = sql.replace("{kinds:" + alias + "}", kinds == null ? "" : "and " + alias + ".content_kind = any(:kinds)");
        }
        return sql;
    }

    /**
     * Adds the figures of the measures (each with a {@link #part}) per unit to {@code values}, for the period
     * {@code from}–{@code to}, the units asked (null: every unit) and the content kinds (null: all).
     */
    void aggregate(List<Measure> measures, LocalDate from, LocalDate to, List<Long> unitIds, List<String> kinds,
                   Map<Long, Map<String, BigDecimal>> values) {
        var select = new StringBuilder("select b.unit_id");
        for (int i = 0; i < measures.size(); i++) {
            select.append(", ").append(aggregate(measures.get(i))).append(" as m").append(i);
        }
        var cut = WholeMonths.of(from, to);
        var spec = jdbc.sql(select + " from (" + rows(unitIds, kinds) + ") b group by b.unit_id")
                .param("from", from).param("to", to)
                .param("firstMonth", cut.firstMonth()).param("lastMonth", cut.lastMonth())
                .param("headFrom", cut.head().map(WholeMonths.Days::from).orElse(null))
                .param("headTo", cut.head().map(WholeMonths.Days::until).orElse(null))
                .param("tailFrom", cut.tail().map(WholeMonths.Days::from).orElse(null))
                .param("tailTo", cut.tail().map(WholeMonths.Days::until).orElse(null));
        if (unitIds != null) {
            spec = spec.param("units", unitIds.toArray(Long[]::new));
        }
        if (kinds != null) {
            spec = spec.param("kinds", kinds.toArray(String[]::new));
        }
        spec.query((RowCallbackHandler) rs -> {
            var unitValues = values.computeIfAbsent(rs.getLong("unit_id"), id -> new HashMap<>());
            for (int i = 0; i < measures.size(); i++) {
                var v = rs.getBigDecimal("m" + i);
                unitValues.put(measures.get(i).key(), v == null ? BigDecimal.ZERO : v);
            }
        });
    }
}
