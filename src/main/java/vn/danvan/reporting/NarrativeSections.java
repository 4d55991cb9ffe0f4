package vn.danvan.reporting;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.form.FormNarrative;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.Restatements;

/**
 * The narrative sections the reporting units of a subtree wrote in their submissions ("kết quả đạt được", "hạn chế,
 * nguyên nhân" …), gathered into a report by {@code {{sections:KEY}}}: only submissions that left the unit (submitted,
 * approved or accepted — never a draft or a returned one), of a period inside the report's, each text headed by its
 * unit's name, in Vietnamese order.
 */
@Component
class NarrativeSections {

    /** One unit's text; {@code period} is set when the submission's period is not the report's (a quarter of a year). */
    record UnitText(String unitName, String period, String body) {

        /** The text's paragraphs (one per line the unit wrote). */
        List<String> paragraphs() {
            return body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final Restatements restatements;
    private final ReportForms forms;

    NarrativeSections(JdbcClient jdbc, OrgUnits units, Restatements restatements, ReportForms forms) {
        this.jdbc = jdbc;
        this.units = units;
        this.restatements = restatements;
        this.forms = forms;
    }

    /** The keys of the narrative sections the reporting forms have ({@code ket_qua}, {@code han_che} …). */
    Set<String> keys() {
        var keys = new TreeSet<String>();
        forms.forms().forEach(f -> f.narratives().stream().map(FormNarrative::key).map(k -> k.toLowerCase(Locale.ROOT)).forEach(keys::add));
        return keys;
    }

    /**
     * The texts of section {@code key} for the subtree of {@code unit} (restated: with the units that flow into it on
     * {@code on}; as recorded: the subtree as it was) and the periods inside {@code period}.
     */
    List<UnitText> gather(String key, OrgUnit unit, ReportPeriod period, LocalDate on, AggregateMode mode) {
        var candidates = mode == AggregateMode.AS_RECORDED ? units.idsWithin(Set.of(unit.path()))
                : restatements.unitsFlowingInto(unit.id(), on);
        record Row(long unitId, String period, LocalDate periodStart, LocalDate periodEnd, String body) {
        }
        var rows = jdbc.sql("""
                select s.unit_id, s.period, s.period_start, s.period_end, t.body
                from reporting_submission s
                join reporting_submission_text t on t.submission_id = s.id
                where s.unit_id = any(cast(:units as bigint[]))
                  and s.period_start >= :from
                  and s.period_end <= :to
                  and (position('TT' in s.period) > 0) = :inspection
                  and s.status in ('SUBMITTED', 'APPROVED', 'ACCEPTED')
                  and lower(t.section) = :key
                  and btrim(t.body) <> ''
                """)
                .param("units", candidates.toArray(Long[]::new)).param("from", period.from()).param("to", period.to())
                .param("inspection", period.cut() == PeriodCut.INSPECTION).param("key", key)
                .query(Row.class).list();
        var ids = rows.stream().map(Row::unitId).distinct().toList();
        var named = new HashMap<>(units.findAll(ids, on));
        for (var r : rows) {
            if (!named.containsKey(r.unitId())) {
                units.find(r.unitId(), r.periodEnd()).ifPresent(u -> named.put(r.unitId(), u));
            }
        }
        var collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        var texts = new ArrayList<UnitText>();
        rows.stream()
                .sorted(Comparator.comparing((Row r) -> named.containsKey(r.unitId()) ? named.get(r.unitId()).name() : "", collator)
                        .thenComparing(Row::periodStart))
                .forEach(r -> texts.add(new UnitText(named.containsKey(r.unitId()) ? named.get(r.unitId()).name() : "?",
                        r.period().equals(period.identifier()) ? null : NarrativeReports.label(ReportPeriod.parse(r.period(), "period")),
                        r.body())));
        return texts;
    }
}
