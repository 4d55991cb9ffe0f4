package vn.danvan.reporting;

import java.util.List;
import java.util.stream.Collectors;
import vn.danvan.shared.ConflictException;

/**
 * Someone else saved some of the grid's lines (or narrative sections) after this user read them, and
 * this user changed them too: nothing was saved. Each conflict names the line with the value now
 * stored, its version and who saved it, so the screen can show both and let the user decide.
 */
public class GridConflictException extends ConflictException {

    /** {@code number} 0 for a narrative section, named by {@code label}. */
    public record Conflict(int number, String key, String label, Object current, int version, String updatedBy) {
    }

    private final List<Conflict> conflicts;

    public GridConflictException(List<Conflict> conflicts) {
        super("cells", conflicts.stream()
                .map(c -> c.number() == 0 ? "«" + c.label() + "»" : "dòng " + c.number() + " «" + c.label() + "»")
                .collect(Collectors.joining(", ")));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }
}
