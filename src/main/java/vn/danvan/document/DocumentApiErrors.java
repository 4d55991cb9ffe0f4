package vn.danvan.document;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 409 problem details of the document API: the Vietnamese {@code detail} names the field and the
 * documents in question, {@code documents} links each of them (the holder of a duplicate
 * identifier, the documents that still implement or replace one to delete).
 */
@RestControllerAdvice(assignableTypes = DocumentApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentApiErrors {

    private final MessageSource messages;

    DocumentApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DocumentConflictException.class)
    ProblemDetail conflict(DocumentConflictException e) {
        var locale = LocaleContextHolder.getLocale();
        var names = String.join(", ", e.documents().stream().map(DocumentConflictException.Holder::label).toList());
        var label = messages.getMessage("field." + e.field(), null, e.field(), locale);
        var detail = label + ": " + messages.getMessage(e.messageKey(), new Object[] {names}, e.messageKey(), locale);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(messages.getMessage("document.conflict.title", null, "Conflict", locale));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", detail)));
        problem.setProperty("documents", e.documents().stream()
                .map(d -> Map.of("id", d.id(), "identifier", d.identifier() == null ? "" : d.identifier(), "subject", d.subject(),
                        "href", "/api/documents/" + d.id(), "page", "/documents/" + d.id()))
                .toList());
        return problem;
    }
}
