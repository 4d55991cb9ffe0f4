package vn.danvan.petition;

import org.springframework.stereotype.Component;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;

/**
 * Who may work on a unit's cases: an enabled account that may write the unit. A matter's handler (ASSIGN) and a person
 * granted a petition's protected identities are chosen among them only: someone else (another commune's officer, a
 * disabled account, an id that is no account) would hold a denouncer's identity for a case they cannot open.
 */
@Component
class CaseWorkers {

    private final CurrentUsers users;
    private final OrgScope scope;

    CaseWorkers(CurrentUsers users, OrgScope scope) {
        this.users = users;
        this.scope = scope;
    }

    boolean mayWorkOn(long userId, long unitId) {
        return users.enabled(userId).filter(u -> scope.canWrite(u, unitId)).isPresent();
    }
}
