package vn.danvan.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.NotFoundException;

/**
 * "May this user act on unit X?" A role granted at a unit covers its subtree and the subtrees of
 * the units that passed into it (the merged Thái Nguyên covers the old Bắc Kạn's records). Every
 * service asks here before it reads or writes a record held by a unit; outside scope, a record
 * answers as not found.
 */
@Component
@Transactional(readOnly = true)
public class OrgScope {

    private final OrgUnits units;

    OrgScope(OrgUnits units) {
        this.units = units;
    }

    /**
     * The unit a report is asked for — by code, by id, or the user's own — as of {@code day}, else {@code today}.
     *
     * @throws NotFoundException when there is none, or the user may not read it
     */
    public vn.danvan.orgunit.OrgUnit reportedUnit(CurrentUser user, String code, Long id, java.time.LocalDate day,
                                                  java.time.LocalDate today) {
        vn.danvan.orgunit.OrgUnit unit;
        if (code != null) {
            unit = units.findByCode(code, day).or(() -> units.findByCode(code, today)).orElseThrow(() -> new NotFoundException("unit", code));
        } else {
            long unitId = id != null ? id : user.homeUnitId();
            unit = units.find(unitId, day).or(() -> units.find(unitId, today)).orElseThrow(() -> new NotFoundException("unit", unitId));
        }
        requireRead(user, unit.id(), "unit", unit.code());
        return unit;
    }

    /** May the user see records held by the unit? */
    public boolean canRead(CurrentUser user, long unitId) {
        return covers(user, unitId, role -> true);
    }

    /** May the user create or change records held by the unit? */
    public boolean canWrite(CurrentUser user, long unitId) {
        return covers(user, unitId, Role::writes);
    }

    /** Does the user lead the unit (a leader's role covering it)? Leaders grant cases and approve. */
    public boolean canLead(CurrentUser user, long unitId) {
        return covers(user, unitId, role -> role == Role.LEADER);
    }

    /** May the user manage accounts, roles and units in the unit? */
    public boolean canAdminister(CurrentUser user, long unitId) {
        return covers(user, unitId, Role::administers);
    }

    /** @throws NotFoundException naming {@code what} and {@code key} when the user may not read */
    public void requireRead(CurrentUser user, long unitId, String what, Object key) {
        if (!canRead(user, unitId)) {
            throw new NotFoundException(what, key);
        }
    }

    /** @throws NotFoundException when the user may not write (nothing is said about existence) */
    public void requireWrite(CurrentUser user, long unitId, String what, Object key) {
        if (!canWrite(user, unitId)) {
            throw new NotFoundException(what, key);
        }
    }

    /** @throws NotFoundException when the user may not administer */
    public void requireAdminister(CurrentUser user, long unitId, String what, Object key) {
        if (!canAdminister(user, unitId)) {
            throw new NotFoundException(what, key);
        }
    }

    /**
     * The ids of every unit whose records the user may read, for SQL filters; null means every
     * unit (a system administrator).
     */
    public List<Long> readableUnitIds(CurrentUser user) {
        return unitIds(user, role -> true);
    }

    /** As {@link #readableUnitIds} for administration (accounts, roles, audit). */
    public List<Long> administrableUnitIds(CurrentUser user) {
        return unitIds(user, Role::administers);
    }

    private List<Long> unitIds(CurrentUser user, Predicate<Role> roles) {
        if (user.isSystemAdmin()) {
            return null;
        }
        return units.idsWithin(paths(user, roles));
    }

    private boolean covers(CurrentUser user, long unitId, Predicate<Role> roles) {
        if (user.isSystemAdmin()) {
            return true;
        }
        return units.isWithin(unitId, paths(user, roles));
    }

    private static Set<String> paths(CurrentUser user, Predicate<Role> roles) {
        var paths = new LinkedHashSet<String>();
        user.grants().stream().filter(g -> roles.test(g.role())).forEach(g -> paths.addAll(g.scopePaths()));
        return paths;
    }
}
