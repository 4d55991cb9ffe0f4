package vn.danvan.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import vn.danvan.inspection.InspectionViews.InspectionDetail;

/**
 * The inspection form as typed: subjects one identifier a line (or "#id"), targets as unit codes
 * separated by commas, the team as parallel rows (person, body's code, role); blank rows are ignored.
 */
record InspectionForm(InspectionKind kind, InspectionMode mode, String title,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                      Long inspectingUnitId, String subjectIdentifiers, List<Long> memberPersonIds, List<String> memberBodyCodes,
                      List<TeamRole> memberRoles, String targetUnitCodes,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportDueOn, Integer version) {

    static final int TEAM_ROWS = 6;

    InspectionForm {
        memberPersonIds = padded(memberPersonIds);
        memberBodyCodes = padded(memberBodyCodes);
        memberRoles = padded(memberRoles);
    }

    static InspectionForm blank(LocalDate today) {
        return new InspectionForm(InspectionKind.INSPECTION, InspectionMode.THEMATIC, null, today, today, null, null, null, null, null, null,
                null, null);
    }

    static InspectionForm of(InspectionDetail d) {
        return new InspectionForm(d.kind(), d.mode(), d.title(), d.startsOn(), d.endsOn(), d.inspectingUnit().id(),
                String.join("\n", d.subjects().stream().map(s -> s.identifier() != null ? s.identifier() : "#" + s.id()).toList()),
                new ArrayList<>(d.members().stream().map(m -> (Long) m.personId()).toList()),
                new ArrayList<>(d.members().stream().map(m -> m.body().code()).toList()),
                new ArrayList<>(d.members().stream().map(InspectionViews.MemberView::role).toList()),
                String.join(", ", d.targets().stream().map(t -> t.unit().code()).toList()),
                d.targets().stream().map(InspectionViews.TargetView::reportDueOn).filter(java.util.Objects::nonNull).findFirst().orElse(null),
                d.version());
    }

    /** The subject lines typed. */
    List<String> subjectLines() {
        return split(subjectIdentifiers, "[\\n;]+");
    }

    /** The target codes typed. */
    List<String> targetCodes() {
        return split(targetUnitCodes, "[,;\\s]+");
    }

    private static List<String> split(String text, String separators) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static <T> List<T> padded(List<T> list) {
        var rows = new ArrayList<T>(list == null ? List.of() : list);
        while (rows.size() < TEAM_ROWS) {
            rows.add(null);
        }
        return rows;
    }
}
