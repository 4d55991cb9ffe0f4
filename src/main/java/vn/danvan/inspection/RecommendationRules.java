package vn.danvan.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * The rules of an inspection and of its recommendations, without a database (tested table by table in
 * {@code RecommendationRulesTests}): the status a recommendation shows, when the inspecting body may
 * accept it or send it back, the team's composition, and the dates that must hold.
 */
final class RecommendationRules {

    private RecommendationRules() {
    }

    /**
     * The status shown for a recommendation whose plan task has {@code taskStatus} today (NOT_STARTED,
     * IN_PROGRESS, DONE, OVERDUE, CANCELLED — OVERDUE derived by plan), given whether the inspecting body
     * accepted it and whether it sent it back since the last acceptance.
     */
    static RecommendationStatus status(String taskStatus, boolean accepted, boolean sentBack) {
        return switch (taskStatus) {
            case "CANCELLED" -> RecommendationStatus.CANCELLED;
            case "DONE" -> accepted ? RecommendationStatus.ACCEPTED : RecommendationStatus.REPORTED_DONE;
            case "OVERDUE" -> sentBack ? RecommendationStatus.SENT_BACK : RecommendationStatus.OVERDUE;
            case "IN_PROGRESS" -> sentBack ? RecommendationStatus.SENT_BACK : RecommendationStatus.IN_PROGRESS;
            case "NOT_STARTED" -> sentBack ? RecommendationStatus.SENT_BACK : RecommendationStatus.NOT_STARTED;
            default -> throw new IllegalArgumentException("unknown task status " + taskStatus);
        };
    }

    /**
     * The inspecting body may accept anything not yet accepted or cancelled; plan then also requires a
     * follow-up report (refused with field {@code followUpReport}).
     */
    static boolean canAccept(RecommendationStatus status) {
        return status.owed();
    }

    /** Only a completion reported and not yet accepted can be sent back; an accepted recommendation is final. */
    static boolean canSendBack(RecommendationStatus status) {
        return status == RecommendationStatus.REPORTED_DONE;
    }

    /** A member of the team as entered: the person, the body they come from, their role (any may be null when not filled). */
    record Member(Long personId, Long bodyUnitId, TeamRole role) {
    }

    /**
     * The team's problems: at least one member; each with a person, a body and a role; no person twice;
     * exactly one head. Fields: {@code members} for the whole team, {@code members[i].personId} … for one row.
     */
    static List<Problem> teamProblems(List<Member> members) {
        var problems = new ArrayList<Problem>();
        if (members == null || members.isEmpty()) {
            problems.add(new Problem("members", "inspection.team.empty"));
            return problems;
        }
        var seen = new HashSet<Long>();
        int heads = 0;
        for (int i = 0; i < members.size(); i++) {
            var m = members.get(i);
            var prefix = "members[" + i + "].";
            if (m.personId() == null) {
                problems.add(new Problem(prefix + "personId", "validation.required"));
            } else if (!seen.add(m.personId())) {
                problems.add(new Problem(prefix + "personId", "inspection.team.duplicate"));
            }
            if (m.bodyUnitId() == null) {
                problems.add(new Problem(prefix + "bodyUnitId", "validation.required"));
            }
            if (m.role() == null) {
                problems.add(new Problem(prefix + "role", "validation.required"));
            } else if (m.role() == TeamRole.HEAD) {
                heads++;
            }
        }
        if (heads == 0) {
            problems.add(new Problem("members", "inspection.team.no-head"));
        } else if (heads > 1) {
            problems.add(new Problem("members", "inspection.team.many-heads", heads));
        }
        return problems;
    }

    /** A recommendation's deadline may not fall before the inspection began. */
    static boolean deadlineBeforeInspection(LocalDate dueOn, LocalDate inspectionStartsOn) {
        return dueOn != null && dueOn.isBefore(inspectionStartsOn);
    }

    /**
     * A self-assessment report is late when it came after its deadline, or has not come and the deadline
     * has passed (the deadline day itself is on time).
     */
    static boolean reportLate(LocalDate dueOn, LocalDate submittedOn, LocalDate today) {
        if (dueOn == null) {
            return false;
        }
        return submittedOn != null ? submittedOn.isAfter(dueOn) : today.isAfter(dueOn);
    }

    /** Planned until it starts, under way until concluded, then concluded. Labels {@code inspection.stage.<NAME>}. */
    enum Stage { PLANNED, UNDER_WAY, CONCLUDED }

    static Stage stage(LocalDate startsOn, boolean concluded, LocalDate today) {
        if (concluded) {
            return Stage.CONCLUDED;
        }
        return today.isBefore(startsOn) ? Stage.PLANNED : Stage.UNDER_WAY;
    }
}
