package vn.danvan.orgunit;

import java.time.LocalDate;

/** One dated state of a unit's name and kind, and what changed to start it. */
public record UnitVersion(LocalDate validFrom, LocalDate validTo, UnitKind kind, String name, String nameEn,
                          UnitChange change) {
}
