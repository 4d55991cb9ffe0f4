package vn.danvan.form;

import java.util.List;
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
     * The records counted in one figure: the rows of the measure's source that meet its condition, for
     * one unit row ({@code rowUnitCode}) or, when it is {@code null}, for the whole reported subtree.
     * Every figure of a form is traceable to the records it counts.
     *
     * @param limit the most records to return; one more is asked for to tell that there are more
     */
    List<FormRecord> records(FormQuery query, String measure, String rowUnitCode, int limit);
}
