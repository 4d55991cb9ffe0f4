package vn.danvan.form;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What a provider is asked for: the measures of a form's columns, the parameters of the form (for
 * example {@code contentKind=COMPLAINT} for 02/XLD), the unit whose subtree is reported (by code or id; neither: the user's own unit), the period
 * (both days included) and the signed-in user, whose scope the provider checks.
 */
public record FormQuery(String formCode, Set<String> measures, Map<String, String> parameters, String unitCode,
        Long unitId, LocalDate from, LocalDate to, Principal user) {

    /** The same question over another period. */
    public FormQuery during(FormSpan span) {
        return new FormQuery(formCode, measures, parameters, unitCode, unitId, span.from(), span.to(), user);
    }
}
