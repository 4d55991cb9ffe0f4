package vn.danvan.inspection;

import java.net.URI;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.danvan.shared.InvalidInputException;

/** 400 problem details of this module's API, each error labelled with this module's field names ({@link InspectionFields}). */
@RestControllerAdvice(assignableTypes = {InspectionApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class InspectionApiErrors {

    private final InspectionFields fields;

    InspectionApiErrors(InspectionFields fields) {
        this.fields = fields;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        var errors = e.problems().stream().map(p -> Map.of("field", p.field(), "message", fields.message(p))).toList();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.get(0).get("message"));
        problem.setTitle(fields.text("error.400.title"));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", errors);
        return problem;
    }
}
