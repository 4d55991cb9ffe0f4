package vn.danvan.plan;

import java.net.URI;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.danvan.shared.InvalidInputException;

/**
 * 400 problem details of this module's API, labelled with this module's field names: "Thời hạn: …"
 * for {@code dueOn} and for {@code tasks[2].dueOn} ("Nhiệm vụ 3 – Thời hạn: …"), where the shared
 * labels would name another module's field of the same name.
 */
@RestControllerAdvice(assignableTypes = {PlanApi.class, TaskApi.class, ProgrammeApi.class, AssignmentApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanApiErrors {

    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("^(\\w+)\\[(\\d+)]\\.(\\w+)$");

    private final MessageSource messages;

    PlanApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        var errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", label(p.field()) + ": " + text(p.messageKey(), p.args())))
                .toList();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.get(0).get("message"));
        problem.setTitle(text("error.400.title"));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", errors);
        return problem;
    }

    String label(String field) {
        var m = INDEXED.matcher(field);
        if (m.matches()) {
            return text("plan.field.item", text("plan.field." + m.group(1)), Integer.parseInt(m.group(2)) + 1)
                    + " – " + text("plan.field." + m.group(3));
        }
        var own = messages.getMessage("plan.field." + field, null, null, LocaleContextHolder.getLocale());
        return own != null ? own : messages.getMessage("field." + field, null, field, LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
