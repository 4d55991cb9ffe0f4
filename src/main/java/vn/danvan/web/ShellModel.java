package vn.danvan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;

/**
 * Adds what the layout shows on every HTML page: the signed-in user ({@code shellUser}) and the
 * current unit ({@code shellUnit}: the one chosen in the unit picker, else the user's home unit).
 * JSON responses have no view and pay nothing.
 */
@Component
class ShellModel implements HandlerInterceptor {

    static final String CURRENT_UNIT = "danvan.currentUnitId";

    private final CurrentUsers users;
    private final OrgUnits units;
    private final Clock clock;

    ShellModel(CurrentUsers users, OrgUnits units, Clock clock) {
        this.users = users;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        addTo(request, view);
    }

    /** Also used for error views, which do not pass through {@link #postHandle}. */
    void addTo(HttpServletRequest request, ModelAndView view) {
        users.current().ifPresent(user -> {
            view.addObject("shellUser", user);
            var session = request.getSession(false);
            var chosen = session != null && session.getAttribute(CURRENT_UNIT) instanceof Long id ? id : user.homeUnitId();
            units.find(chosen, LocalDate.now(clock)).ifPresent(unit -> view.addObject("shellUnit", unit));
        });
    }
}
