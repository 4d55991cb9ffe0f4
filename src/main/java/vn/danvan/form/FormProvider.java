package vn.danvan.form;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case module that fills report forms from its records. Each column of a form definition names a
 * measure; the provider computes every measure independently from the records (a total is counted,
 * never summed from the other columns), so that the identities printed on the form check the data.
 */
public interface FormProvider {

    /** The name form definitions use in their {@code provider} field, e.g. {@code petition}. */
    String name();

    /** The measures this provider computes; a definition naming any other is refused on upload. */
    Set<String> measures();

    /**
     * The rows of a form for a unit's subtree and a period: one row per unit with records, a subtotal
     * per group and the total first.
     *
     * @throws vn.danvan.shared.NotFoundException when the unit is unknown or outside the user's scope
     */
    FormRows rows(FormQuery query);

    /**
     * The rows of {@link #rows} for many periods at once (the pivot's cells, a report's figures and the same periods a
     * year before): the query's measures, unit and parameters over each span, its {@code from}/{@code to} ignored.
     * The answer holds every span asked, in the order asked. This default asks {@link #rows} once per span, so a
     * provider needs nothing more to take part; a provider whose records can be counted for all the spans in one
     * grouped statement overrides it, with exactly this default's answer.
     */
    default Map<FormSpan, FormRows> rowsBySpan(FormQuery query, Collection<FormSpan> spans) {
        var result = new LinkedHashMap<FormSpan, FormRows>();
        for (var span : new LinkedHashSet<>(spans)) {
            result.put(span, rows(query.during(span)));
        }
        return result;
    }

    /**
     * The total row of {@link #rows} alone: each measure of the query over the whole subtree of its unit (the units that
     * passed into it included, as the form counts them) and its period, without the rows per unit and the subtotals —
     * what a computed indicator's figure reads. This default takes the first row of {@link #rows}; a provider that can
     * count the subtree's total directly overrides it, with exactly this default's answer (same scope check, same
     * exceptions for an unknown unit or measure).
     *
     * @return every measure asked, in the order asked, zero when nothing counts
     */
    default Map<String, BigDecimal> total(FormQuery query) {
        var rows = rows(query).rows();
        var total = new LinkedHashMap<String, BigDecimal>();
        for (var measure : query.measures()) {
            total.put(measure, rows.isEmpty() ? BigDecimal.ZERO : rows.get(0).value(measure));
        }
        return total;
    }

    /**
     * The records counted in one figure: the rows of the measure's source that meet its condition, for
     * one unit row ({@code rowUnitCode}) or, when it is {@code null}, for the whole reported subtree.
     * Every figure of a form is traceable to the records it counts.
     *
     * @param limit the most records to return; one more is asked for to tell that there are more
     */
    List<FormRecord> records(FormQuery query, String measure, String rowUnitCode, int limit);
}
