package vn.danvan.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;

/**
 * What the account screens show of an account: unit names as they stand today and times in
 * Vietnam's time zone (the templates format them dd/MM/yyyy HH:mm).
 */
@Component
class UserViews {

    /** Trạng thái tài khoản: labels {@code user.state.<name>}. */
    enum State {
        ACTIVE, DISABLED, LOCKED
    }

    record RoleView(long grantId, Role role, long unitId, String unitName, String grantedBy, ZonedDateTime grantedAt) {
    }

    record UserView(long id, String username, String displayName, String email, long homeUnitId, String homeUnitName,
                    State state, ZonedDateTime createdAt, ZonedDateTime lastLoginAt, List<RoleView> roles) {
    }

    private final OrgUnits units;
    private final Clock clock;

    UserViews(OrgUnits units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    UserView of(UserSummary user) {
        return of(List.of(user)).get(0);
    }

    /** One view per account; each unit is looked up once however many rows name it. */
    List<UserView> of(List<UserSummary> users) {
        var names = new HashMap<Long, String>();
        return users.stream().map(user -> view(user, names)).toList();
    }

    /** The unit's name today, or null when no unit has this id (or no id is given). */
    String unitName(Long unitId) {
        return unitId == null ? null : unit(unitId).map(OrgUnit::name).orElse(null);
    }

    Optional<OrgUnit> unit(long unitId) {
        return units.find(unitId, today());
    }

    /** The unit holding this official code today. */
    Optional<OrgUnit> unitByCode(String code) {
        return code == null || code.isBlank() ? Optional.empty() : units.findByCode(code, today());
    }

    ZonedDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(clock.getZone());
    }

    private UserView view(UserSummary user, Map<Long, String> names) {
        var roles = user.roles().stream()
                .map(g -> new RoleView(g.id(), g.role(), g.unitId(), name(g.unitId(), names), g.grantedBy(),
                        local(g.grantedAt())))
                .toList();
        var state = !user.enabled() ? State.DISABLED : user.locked() ? State.LOCKED : State.ACTIVE;
        return new UserView(user.id(), user.username(), user.displayName(), user.email(), user.homeUnitId(),
                name(user.homeUnitId(), names), state, local(user.createdAt()), local(user.lastLoginAt()), roles);
    }

    private String name(long unitId, Map<Long, String> names) {
        return names.computeIfAbsent(unitId, id -> unitName(id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
