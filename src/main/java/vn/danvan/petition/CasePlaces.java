package vn.danvan.petition;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * More areas than the country has units of any kind (about 15,000 areas and their bodies): past it, areas are
     * looked up again rather than kept.
     */
    static final int KEPT_AREAS = 100_000;

    private final OrgUnits units;
    /**
     * The area of each unit asked before. A unit's category, level and parent are never changed (a reform makes new
     * units and new versions of names; see {@code UnitStore}), and units are never deleted, so the area of a unit is the
     * same on every day: kept, a petition's intake reads no unit (one round trip and 4 % of the JVM's samples of the
     * lifecycle benchmark, session 25).
     */
    private final Map<Long, Long> areas = new ConcurrentHashMap<>();

    CasePlaces(OrgUnits units) {
        this.units = units;
    }

    /**
     * The area of {@code unitId}: itself when it is an area, else the area above the body; null for none. It is the same
     * on every day ({@code day} only picks the versions read the first time).
     *
     * @throws InvalidInputException on {@code placeUnitId} when the unit does not exist or serves no area
     *                               (a body of the central level)
     */
    Long area(Long unitId, LocalDate day) {
        if (unitId == null) {
            return null;
        }
        var kept = areas.get(unitId);
        if (kept != null) {
            return kept;
        }
        var area = areaRead(unitId, day);
        if (areas.size() < KEPT_AREAS) {
            areas.put(unitId, area);
        }
        return area;
    }

    private Long areaRead(long unitId, LocalDate day) {
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
