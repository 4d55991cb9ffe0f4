package vn.danvan.petition;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.danvan.orgunit.OrgUnits;

/**
 * Case numbers: {@code 20.BTCD-2026-00042} for petitions, {@code VV-20.BTCD-2026-00007} for matters.
 * A code is reused across the 2025 reform (05977: Vĩnh Trại until 30/06/2025, Đông Kinh after), so
 * the yearly series belongs to the code: every unit that held it counts on the first holder's row.
 *
 * <p>A number costs no statement of its own: the counter's upsert runs in the statement that inserts the
 * petition or the matter ({@link StepWrites}), which builds it (prefix, code, year, a sequence of five
 * digits at least). Which code a unit has and which unit holds the code's series are read once per unit
 * and kept: a unit's code never changes (org_unit.code is never
 * updated), units are never deleted, and a unit that takes up a code later gets a larger id, so the
 * first holder — the smallest id — stays the same. A unit not found is not kept (it is numbered by
 * its id, as before, and looked up again next time).
 */
@Component
class CaseNumbers {

    /** The code a unit numbers with and the unit whose counter the code's series uses. */
    record Series(String code, long unitId) {
    }

    private final OrgUnits units;
    private final Map<Long, Series> seriesByUnit = new ConcurrentHashMap<>();

    CaseNumbers(OrgUnits units) {
        this.units = units;
    }

    Series seriesOf(long unitId, LocalDate day) {
        var known = seriesByUnit.get(unitId);
        if (known != null) {
            return known;
        }
        var unit = units.find(unitId, day);
        if (unit.isEmpty()) {
            return new Series(String.valueOf(unitId), unitId);
        }
        var code = unit.get().code();
        var first = units.holdersOf(code).stream().mapToLong(u -> u.id()).min().orElse(unitId);
        var s = new Series(code, first);
        seriesByUnit.put(unitId, s);
        return s;
    }
}
