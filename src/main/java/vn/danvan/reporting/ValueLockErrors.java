package vn.danvan.reporting;

import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A write into approved data over the JSON API (PUT /api/values, the entry grid, its .xlsx import, the
 * dataValueSets import): 409 as a problem detail whose {@code detail} names the form, the unit and the
 * period in the reader's language, with {@code rows} listing an import's rows in locked data.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ValueLockErrors {

    private final MessageSource messages;

    ValueLockErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ValueLockedException.class)
    ProblemDetail locked(ValueLockedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message(messages, e));
        problem.setTitle(messages.getMessage("reporting.lock.title", null, LocaleContextHolder.getLocale()));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("approval", e.status());
        if (!e.rows().isEmpty()) {
            problem.setProperty("rows", e.rows());
        }
        return problem;
    }

    /** "Số liệu biểu DV/Q … của Phường Đông Kinh kỳ 2026Q3 đã được phê duyệt nên bị khóa …" */
    static String message(MessageSource messages, ValueLockedException e) {
        var text = messages.getMessage("reporting.lock.refused", e.args(), LocaleContextHolder.getLocale());
        return e.rows().isEmpty() ? text
                : text + " " + messages.getMessage("reporting.lock.rows", new Object[] {e.rows().size()}, LocaleContextHolder.getLocale());
    }
}
