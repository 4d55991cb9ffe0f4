package vn.danvan.orgunit;

import java.time.LocalDate;

/**
 * Filters for a list of units; null fields do not filter.
 *
 * @param validOn the day the units must be valid on (and whose names are shown); required
 * @param text    accent-insensitive words of the name, or the beginning of the code
 * @param parentId only the direct children of this unit
 */
public record UnitQuery(UnitLevel level, UnitKind kind, UnitCategory category, LocalDate validOn, String text,
                        Long parentId) {
}
