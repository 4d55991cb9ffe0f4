package vn.danvan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import vn.danvan.shared.NotFoundException;

/**
 * Errors of the HTML pages: a record that does not exist, or lies outside the user's scope, shows
 * the same Vietnamese 404 page. Other failures fall through to the error pages (no stack traces).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final ShellModel shell;

    PageErrors(ShellModel shell) {
        this.shell = shell;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        var view = new ModelAndView("error/404");
        view.setStatus(org.springframework.http.HttpStatus.NOT_FOUND);
        shell.addTo(request, view);
        return view;
    }
}
