package vn.danvan.identity;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;
import vn.danvan.shared.InvalidInputException;

/**
 * Puts the problems of an {@link InvalidInputException} on an HTML form: each one beside its field
 * (the message key resolves to Vietnamese or English), or above the form when the form has no such
 * field. The form object stays as typed, so the page shows it again.
 */
public final class ProblemsOnForm {

    private ProblemsOnForm() {
    }

    public static void reject(InvalidInputException invalid, BindingResult result) {
        var form = result.getTarget() == null ? null : new BeanWrapperImpl(result.getTarget());
        for (var problem : invalid.problems()) {
            if (form != null && form.isReadableProperty(problem.field())) {
                result.rejectValue(problem.field(), problem.messageKey(), problem.args(), problem.messageKey());
            } else {
                result.reject(problem.messageKey(), problem.args(), problem.messageKey());
            }
        }
    }
}
