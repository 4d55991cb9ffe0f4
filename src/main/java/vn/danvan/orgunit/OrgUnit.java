package vn.danvan.orgunit;

import java.time.LocalDate;

/**
 * A unit as it stood on one day: its name and kind are those of that day's version.
 *
 * @param path      ids from the root down to this unit, "/1/42/977/": a unit X is in the subtree of
 *                  U exactly when X.path starts with U.path
 * @param validFrom null for the open start (before any record)
 * @param validTo   null while the unit is still valid
 */
public record OrgUnit(long id, String code, UnitCategory category, UnitLevel level, UnitKind kind, String name,
                      String nameEn, Long parentId, String path, int depth, LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean isWithin(OrgUnit ancestor) {
        return path.startsWith(ancestor.path());
    }
}
