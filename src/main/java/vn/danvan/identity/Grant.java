package vn.danvan.identity;

import java.util.Set;

/** A role held at a unit; {@code scopePaths} are the unit's path and its predecessors' paths. */
public record Grant(long id, Role role, long unitId, Set<String> scopePaths) {
}
