package vn.danvan.identity;

import java.util.List;

/** The signed-in user and the roles they hold now. */
public record CurrentUser(long id, String username, String displayName, long homeUnitId, List<Grant> grants) {

    public boolean isSystemAdmin() {
        return grants.stream().anyMatch(g -> g.role() == Role.SYSTEM_ADMIN);
    }

    public boolean administersSomething() {
        return grants.stream().anyMatch(g -> g.role().administers());
    }
}
