package vn.danvan.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.danvan.orgunit.UnitFileRejectedException;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * Errors of the JSON API as RFC 9457 problem details, with a Vietnamese (or English) {@code detail}
 * naming the field, and every field error under {@code errors}. A record outside the caller's
 * scope is a 404 like a record that does not exist.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                text("error.not-found." + e.what(), e.key()));
        problem.setTitle(text("error.404.title"));
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("error.conflict", e.key()));
        problem.setTitle(text("error.conflict.title"));
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        var errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", fieldMessage(p.field(), p.messageKey(), p.args())))
                .toList();
        return badRequest(errors.get(0).get("message"), errors);
    }

    @ExceptionHandler(UnitFileRejectedException.class)
    ProblemDetail unitFile(UnitFileRejectedException e) {
        var errors = e.problems().stream()
                .map(p -> Map.<String, Object>of("row", p.row(), "column", p.column(),
                        "message", text("orgunit.file." + p.reason(), p.args())))
                .toList();
        return badRequest(text("orgunit.file.rejected", e.fileName(), errors.size()), errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        var message = fieldMessage(e.getName(), "validation.bad-value", String.valueOf(e.getValue()));
        return badRequest(message, List.of(Map.of("field", e.getName(), "message", message)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        var message = fieldMessage(e.getParameterName(), "validation.required");
        return badRequest(message, List.of(Map.of("field", e.getParameterName(), "message", message)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return badRequest(text("validation.unreadable-body"), List.of());
    }

    private ProblemDetail badRequest(Object detail, List<?> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(detail));
        problem.setTitle(text("error.400.title"));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** "Tên đăng nhập: đã có người dùng này" — the field's label, then the problem. */
    private String fieldMessage(String field, String key, Object... args) {
        var label = messages.getMessage("field." + field, null, field, LocaleContextHolder.getLocale());
        return label + ": " + text(key, args);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
