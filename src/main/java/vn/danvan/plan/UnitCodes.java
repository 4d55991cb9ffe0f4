package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;

/**
 * Unit codes in requests: read as of today; a code no unit holds today names its last holder (a body
 * abolished in 2025 still answers for its old plans and tasks).
 */
@Component
class UnitCodes {

    private final OrgUnits units;
    private final Clock clock;

    UnitCodes(OrgUnits units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** @return null for a blank code; @throws InvalidInputException naming {@code field} for an unknown one */
    Long id(String code, String field) {
        if (code == null || code.isBlank()) {
            return null;
        }
        var c = code.strip();
        return units.findByCode(c, LocalDate.now(clock)).map(u -> u.id())
                .or(() -> units.holdersOf(c).stream().reduce((a, b) -> b).map(u -> u.id()))
                .orElseThrow(() -> new InvalidInputException(field, "task.unit.code-unknown", c));
    }

    List<Long> ids(List<String> codes, String field) {
        var ids = new ArrayList<Long>();
        if (codes != null) {
            codes.stream().filter(c -> c != null && !c.isBlank()).forEach(c -> ids.add(id(c, field)));
        }
        return ids;
    }
}
