package vn.danvan.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * An inspection as the officer plans it. {@code reportDueOn}: the deadline of the self-assessment report
 * asked of each target (may be null: none asked). Lists are never null after construction.
 */
public record InspectionInput(InspectionKind kind, InspectionMode mode, String title, LocalDate startsOn, LocalDate endsOn,
                              Long inspectingUnitId, List<Long> subjectDocumentIds, List<MemberInput> members, List<Long> targetUnitIds,
                              LocalDate reportDueOn) {

    /** A team member: a person of module person, the body they come from, their role. */
    public record MemberInput(Long personId, Long bodyUnitId, TeamRole role) {
    }

    public InspectionInput {
        subjectDocumentIds = subjectDocumentIds == null ? List.of() : subjectDocumentIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        members = members == null ? List.of() : List.copyOf(members);
        targetUnitIds = targetUnitIds == null ? List.of() : targetUnitIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
