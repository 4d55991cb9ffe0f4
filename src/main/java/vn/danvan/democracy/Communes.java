package vn.danvan.democracy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The units grassroots-democracy records belong to: communes, wards, townships and special zones. A
 * unit outside the user's scope answers as not found; a unit that is not a commune is refused naming
 * the field.
 */
@Component
class Communes {

    private final OrgUnits units;
    private final OrgScope scope;
    private final Clock clock;

    Communes(OrgUnits units, OrgScope scope, Clock clock) {
        this.units = units;
        this.scope = scope;
        this.clock = clock;
    }

    /** The commune a record is written for; the user needs a writing role covering it. */
    OrgUnit forWrite(Long unitId, String field, CurrentUser user) {
        if (unitId == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        var unit = find(unitId).orElseThrow(() -> new InvalidInputException(field, "democracy.unit.unknown"));
        scope.requireWrite(user, unit.id(), "unit", unit.code());
        if (!isCommune(unit)) {
            throw new InvalidInputException(field, "democracy.unit.not-commune", unit.name());
        }
        return unit;
    }

    /** A unit named by its code (as of today), which the user may read. */
    OrgUnit readable(String code, CurrentUser user) {
        var today = LocalDate.now(clock);
        var unit = units.findByCode(code, today).orElseThrow(() -> new NotFoundException("unit", code));
        scope.requireRead(user, unit.id(), "unit", code);
        return unit;
    }

    /** A unit by its code, today, for the public pages (no scope: units are public reference data). */
    java.util.Optional<OrgUnit> publicUnit(String code) {
        return units.findByCode(code, LocalDate.now(clock))
                .filter(u -> u.category() == UnitCategory.AREA && (u.level() == UnitLevel.COMMUNE || u.level() == UnitLevel.PROVINCE));
    }

    java.util.Optional<OrgUnit> find(long unitId) {
        var today = LocalDate.now(clock);
        return units.find(unitId, today).or(() -> units.versions(unitId).stream().reduce((a, b) -> b)
                .flatMap(v -> units.find(unitId, v.validFrom() == null ? today : v.validFrom())));
    }

    /** The ids of the unit's subtree and of the units that passed into it. */
    Long[] subtree(long unitId) {
        return units.idsWithin(units.scopePaths(unitId)).toArray(Long[]::new);
    }

    /** The communes of a unit's subtree valid today (the unit itself when it is one). */
    List<OrgUnit> communesOf(OrgUnit unit) {
        var today = LocalDate.now(clock);
        return units.subtree(unit.id(), today).stream().filter(Communes::isCommune).toList();
    }

    static boolean isCommune(OrgUnit unit) {
        return unit.category() == UnitCategory.AREA && unit.level() == UnitLevel.COMMUNE;
    }

    String name(long unitId) {
        return find(unitId).map(OrgUnit::name).orElse("?");
    }

    String code(long unitId) {
        return find(unitId).map(OrgUnit::code).orElse("?");
    }
}
