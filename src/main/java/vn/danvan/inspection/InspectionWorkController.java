package vn.danvan.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.inspection.Recommendations.RecommendationInput;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.plan.TaskStatus;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The work on an inspection's page — working sessions, findings, self-assessment reports, the
 * conclusion, recommendations and the verdict on them — and the two lists of recommendations: overdue
 * (or any status) per unit subtree, and what a unit owes to whom. Each small form, when refused, shows
 * the page again with its problems (labelled in Vietnamese) and what was typed.
 */
@Controller
class InspectionWorkController {

    private final InspectionManagement management;
    private final Recommendations recommendations;
    private final InspectionQueries queries;
    private final InspectionPages pages;
    private final References refs;
    private final InspectionFields fields;
    private final OrgUnits units;
    private final OrgScope scope;
    private final CurrentUsers users;
    private final Clock clock;

    InspectionWorkController(InspectionManagement management, Recommendations recommendations, InspectionQueries queries,
                             InspectionPages pages, References refs, InspectionFields fields, OrgUnits units, OrgScope scope,
                             CurrentUsers users, Clock clock) {
        this.management = management;
        this.recommendations = recommendations;
        this.queries = queries;
        this.pages = pages;
        this.refs = refs;
        this.fields = fields;
        this.units = units;
        this.scope = scope;
        this.users = users;
        this.clock = clock;
    }

    @PostMapping("/inspections/{id}/sessions")
    String session(@PathVariable long id, @RequestParam(required = false) String meetingRef,
                   @RequestParam(required = false) Long sessionUnitId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sessionDate,
                   @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime sessionStarts,
                   @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime sessionEnds,
                   @RequestParam(required = false) String sessionPlace, Model model, RedirectAttributes redirect) {
        var user = users.require();
        try {
            if (meetingRef != null && !meetingRef.isBlank()) {
                management.linkSession(id, meetingId(meetingRef), user);
            } else {
                if (sessionDate == null) {
                    throw new InvalidInputException("sessionDate", "validation.required");
                }
                var starts = LocalDateTime.of(sessionDate, sessionStarts == null ? LocalTime.of(8, 0) : sessionStarts);
                var ends = LocalDateTime.of(sessionDate, sessionEnds == null ? starts.toLocalTime().plusHours(3) : sessionEnds);
                management.addSession(id, new InspectionManagement.NewSession(null, starts, ends, sessionPlace, sessionUnitId), user);
            }
            redirect.addFlashAttribute("flashSuccess", fields.text("inspection.session.saved"));
            return "redirect:/inspections/" + id + "#sessions";
        } catch (InvalidInputException invalid) {
            return again(id, "sessionErrors", invalid, Map.of("meetingRef", nz(meetingRef), "sessionPlace", nz(sessionPlace),
                    "sessionDate", sessionDate == null ? "" : sessionDate.toString()), model);
        }
    }

    @PostMapping("/inspections/{id}/targets/{unitId}/findings")
    String findings(@PathVariable long id, @PathVariable long unitId, @RequestParam(required = false) String strengths,
                    @RequestParam(required = false) String shortcomings, Model model, RedirectAttributes redirect) {
        try {
            management.recordFindings(id, unitId, strengths, shortcomings, users.require());
            redirect.addFlashAttribute("flashSuccess", fields.text("inspection.findings.saved"));
            return "redirect:/inspections/" + id + "#targets";
        } catch (InvalidInputException invalid) {
            model.addAttribute("errorUnitId", unitId);
            return again(id, "findingsErrors", invalid, Map.of("strengths", nz(strengths), "shortcomings", nz(shortcomings)), model);
        }
    }

    @PostMapping("/inspections/{id}/targets/{unitId}/self-assessment")
    String selfAssessment(@PathVariable long id, @PathVariable long unitId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportSubmittedOn,
                          @RequestParam(required = false) String reportDocument, @RequestParam(required = false) String reportNote,
                          Model model, RedirectAttributes redirect) {
        try {
            management.submitSelfAssessment(id, unitId, reportSubmittedOn, refs.documentId(reportDocument, "reportDocument"), reportNote,
                    users.require());
            redirect.addFlashAttribute("flashSuccess", fields.text("inspection.report.saved"));
            return "redirect:/inspections/" + id + "#targets";
        } catch (InvalidInputException invalid) {
            model.addAttribute("errorUnitId", unitId);
            return again(id, "reportErrors", invalid, Map.of("reportDocument", nz(reportDocument), "reportNote", nz(reportNote)), model);
        }
    }

    @PostMapping("/inspections/{id}/conclusion")
    String conclude(@PathVariable long id, @RequestParam(required = false) String conclusionDocument,
                    @RequestParam(required = false) String conclusionSummary, Model model, RedirectAttributes redirect) {
        try {
            management.conclude(id, refs.documentId(conclusionDocument, "conclusionDocument"), conclusionSummary, users.require());
            redirect.addFlashAttribute("flashSuccess", fields.text("inspection.conclusion.saved"));
            return "redirect:/inspections/" + id + "#conclusion";
        } catch (InvalidInputException invalid) {
            return again(id, "conclusionErrors", invalid,
                    Map.of("conclusionDocument", nz(conclusionDocument), "conclusionSummary", nz(conclusionSummary)), model);
        }
    }

    @PostMapping("/inspections/{id}/recommendations")
    String recommend(@PathVariable long id, @RequestParam(required = false) String recommendationText,
                     @RequestParam(required = false) Long recommendationUnitId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recommendationDueOn,
                     @RequestParam(required = false) Long recommendationTargetId, @RequestParam(required = false) String recommendationFinding,
                     Model model, RedirectAttributes redirect) {
        try {
            recommendations.make(id, List.of(new RecommendationInput(recommendationText, recommendationUnitId, recommendationDueOn,
                    recommendationTargetId, recommendationFinding, null)), users.require());
            redirect.addFlashAttribute("flashSuccess", fields.text("inspection.recommendation.saved"));
            return "redirect:/inspections/" + id + "#recommendations";
        } catch (InvalidInputException invalid) {
            return again(id, "recommendationErrors", invalid, Map.of("recommendationText", nz(recommendationText),
                    "recommendationDueOn", recommendationDueOn == null ? "" : recommendationDueOn.toString(),
                    "recommendationFinding", nz(recommendationFinding)), model);
        }
    }

    @PostMapping("/inspections/recommendations/{rid}/accept")
    String accept(@PathVariable long rid, @RequestParam int version, Model model, RedirectAttributes redirect) {
        var user = users.require();
        var r = recommendations.get(rid, user);
        try {
            recommendations.accept(rid, version, user);
            redirect.addFlashAttribute("flashSuccess", fields.text("inspection.recommendation.accepted"));
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("flashError", String.join(" ", invalid.problems().stream().map(fields::message).toList()));
        } catch (ConflictException stale) {
            redirect.addFlashAttribute("flashError", fields.text("error.conflict", stale.key()));
        }
        return "redirect:/inspections/" + r.inspectionId() + "#recommendations";
    }

    @PostMapping("/inspections/recommendations/{rid}/send-back")
    String sendBack(@PathVariable long rid, @RequestParam int version, @RequestParam(required = false) String reason,
                    Model model, RedirectAttributes redirect) {
        var user = users.require();
        var r = recommendations.get(rid, user);
        try {
            recommendations.sendBack(rid, reason, version, user);
            redirect.addFlashAttribute("flashSuccess", fields.text("inspection.recommendation.sent-back"));
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("flashError", String.join(" ", invalid.problems().stream().map(fields::message).toList()));
        } catch (ConflictException stale) {
            redirect.addFlashAttribute("flashError", fields.text("error.conflict", stale.key()));
        }
        return "redirect:/inspections/" + r.inspectionId() + "#recommendations";
    }

    /** Recommendations per unit subtree (default: the user's unit), by default the overdue ones. */
    @GetMapping("/inspections/recommendations")
    String list(@RequestParam(required = false) String unit, @RequestParam(required = false, defaultValue = "OVERDUE") String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        var user = users.require();
        var u = unit(unit, user.homeUnitId());
        TaskStatus taskStatus = java.util.Arrays.stream(TaskStatus.values()).filter(t -> t.name().equals(status)).findFirst().orElse(null);
        model.addAttribute("unit", u);
        model.addAttribute("status", status);
        model.addAttribute("statuses", List.of("OVERDUE", "NOT_STARTED", "IN_PROGRESS", "DONE", "CANCELLED"));
        model.addAttribute("results", queries.recommendations(u.id(), taskStatus, Math.max(0, page), 50, user));
        model.addAttribute("breadcrumbs", List.of(new Crumb(fields.text("inspection.nav"), "/inspections"),
                new Crumb(fields.text("inspection.recommendations.title"), null)));
        return "inspection/recommendations";
    }

    /** What a unit's subtree owes to whom: its open recommendations with the inspecting body and deadline. */
    @GetMapping("/inspections/owed")
    String owed(@RequestParam(required = false) String unit, Model model) {
        var user = users.require();
        var u = unit(unit, user.homeUnitId());
        model.addAttribute("unit", u);
        model.addAttribute("owed", queries.owedBy(u.id(), user));
        model.addAttribute("breadcrumbs", List.of(new Crumb(fields.text("inspection.nav"), "/inspections"),
                new Crumb(fields.text("inspection.owed.title"), null)));
        return "inspection/owed";
    }

    private vn.danvan.orgunit.OrgUnit unit(String code, long fallbackId) {
        var user = users.require();
        var today = LocalDate.now(clock);
        var u = code == null || code.isBlank()
                ? units.find(fallbackId, today).orElseThrow(() -> new NotFoundException("unit", fallbackId))
                : units.findByCode(code.strip(), today).orElseThrow(() -> new NotFoundException("unit", code));
        scope.requireRead(user, u.id(), "unit", u.code());
        return u;
    }

    private long meetingId(String ref) {
        try {
            return Long.parseLong(ref.strip().replaceFirst("^#", "").replaceFirst("^.*/meetings/", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("meetingRef", "inspection.session.bad-ref", ref.strip());
        }
    }

    private String again(long id, String errorsName, InvalidInputException invalid, Map<String, String> typed, Model model) {
        model.addAttribute(errorsName, invalid.problems().stream().map(fields::message).toList());
        model.addAttribute("typed", typed);
        return pages.detail(id, model);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
