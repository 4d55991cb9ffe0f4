package vn.danvan.petition;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.shared.InvalidInputException;

/**
 * The place a petition or a visit is about (địa bàn xảy ra vụ việc): an administrative area, one abolished since
 * included (a matter may be about a commune as it was). The unit picker offers bodies too; a body picked (a ward's
 * People's Committee) stands for the area it serves, so that the petitions about one ward are counted together by the
 * hot-spot rule "many petitions about the same place" and grouped under one commune on the board.
 */
@Component
class CasePlaces {

    private final OrgUnits units;

    CasePlaces(OrgUnits units) {
        this.units = units;
    }

    /**
     * The area of {@code unitId} on {@code day}: itself when it is an area, else the area above the body; null for none.
     *
     * @throws InvalidInputException on {@code placeUnitId} when the unit does not exist or serves no area
     *                               (a body of the central level)
     */
    Long area(Long unitId, LocalDate day) {
        if (unitId == null) {
            return null;
        }
        OrgUnit unit = units.find(unitId, day).orElseThrow(CasePlaces::notAPlace);
        while (unit.category() == UnitCategory.BODY) {
            if (unit.parentId() == null) {
                throw notAPlace();
            }
            unit = units.find(unit.parentId(), day).orElseThrow(CasePlaces::notAPlace);
        }
        if (unit.level() == UnitLevel.CENTRAL) {
            throw notAPlace();
        }
        return unit.id();
    }

    private static InvalidInputException notAPlace() {
        return new InvalidInputException("placeUnitId", "petition.place.not-an-area");
    }
}
