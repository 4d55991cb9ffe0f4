package vn.danvan.identity;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.danvan.shared.PageResult;
import vn.danvan.shared.VietnameseText;

/** The account and role tables (package-private: other modules go through the public services). */
@Repository
class Accounts {

    private static final String COLUMNS = """
            id, username, display_name, email, password_hash, enabled, failed_logins, locked_until, home_unit_id,
            created_at, last_login_at
            """;

    record StoredGrant(long id, long userId, Role role, long unitId, OffsetDateTime grantedAt, String grantedBy) {
    }

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> byUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from identity_user where username = :u")
                .param("u", username == null ? "" : username.trim().toLowerCase()).query(Account.class).optional();
    }

    Optional<Account> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from identity_user where id = :id").param("id", id)
                .query(Account.class).optional();
    }

    boolean exists(String username) {
        return byUsername(username).isPresent();
    }

    long insert(String username, String displayName, String email, String passwordHash, long homeUnitId) {
        return jdbc.sql("""
                insert into identity_user (username, display_name, email, password_hash, home_unit_id)
                values (:username, :displayName, :email, :hash, :unit)
                returning id
                """)
                .param("username", username.trim().toLowerCase()).param("displayName", displayName)
                .param("email", email).param("hash", passwordHash).param("unit", homeUnitId)
                .query(Long.class).single();
    }

    void update(long id, String displayName, String email, boolean enabled, long homeUnitId) {
        jdbc.sql("""
                update identity_user set display_name = :displayName, email = :email, enabled = :enabled,
                       home_unit_id = :unit
                where id = :id
                """)
                .param("id", id).param("displayName", displayName).param("email", email).param("enabled", enabled)
                .param("unit", homeUnitId).update();
    }

    void setPassword(long id, String hash) {
        jdbc.sql("update identity_user set password_hash = :hash, failed_logins = 0, locked_until = null where id = :id")
                .param("id", id).param("hash", hash).update();
    }

    /** Counts a failed login; locks the account until {@code lockUntil} once {@code max} is reached. */
    void recordFailure(String username, int max, OffsetDateTime lockUntil) {
        jdbc.sql("""
                update identity_user
                set failed_logins = failed_logins + 1,
                    locked_until = case when failed_logins + 1 >= :max then :lockUntil else locked_until end
                where username = :u
                """)
                .param("u", username.trim().toLowerCase()).param("max", max).param("lockUntil", lockUntil).update();
    }

    void recordSuccess(String username, OffsetDateTime now) {
        jdbc.sql("""
                update identity_user set failed_logins = 0, locked_until = null, last_login_at = :now
                where username = :u
                """).param("u", username.trim().toLowerCase()).param("now", now).update();
    }

    void unlock(long id) {
        jdbc.sql("update identity_user set failed_logins = 0, locked_until = null where id = :id").param("id", id).update();
    }

    List<StoredGrant> grantsOf(long userId) {
        return jdbc.sql("""
                select id, user_id, role, unit_id, granted_at, granted_by
                from identity_role_assignment where user_id = :id order by granted_at, id
                """).param("id", userId).query(StoredGrant.class).list();
    }

    /** One row per grant of an account (one row with null grant columns if it holds none), in grant order. */
    record AccountGrantRow(long id, String username, String displayName, long homeUnitId, Long grantId, Role role,
                           Long unitId) {
    }

    /** The signed-in user's account and grants in one indexed query (read on every request). */
    /** The account with its grants, in the order granted; none when there is no such account, or it is disabled and {@code enabledOnly}. */
    List<AccountGrantRow> accountWithGrants(long userId, boolean enabledOnly) {
        return jdbc.sql("""
                select u.id, u.username, u.display_name, u.home_unit_id, g.id as grant_id, g.role, g.unit_id
                from identity_user u
                left join identity_role_assignment g on g.user_id = u.id
                where u.id = :id and (u.enabled or not :enabledOnly)
                order by g.granted_at, g.id
                """).param("id", userId).param("enabledOnly", enabledOnly).query(AccountGrantRow.class).list();
    }

    Optional<StoredGrant> grant(long grantId) {
        return jdbc.sql("""
                select id, user_id, role, unit_id, granted_at, granted_by
                from identity_role_assignment where id = :id
                """).param("id", grantId).query(StoredGrant.class).optional();
    }

    Optional<Long> insertGrant(long userId, Role role, long unitId, String grantedBy) {
        return jdbc.sql("""
                insert into identity_role_assignment (user_id, role, unit_id, granted_by)
                values (:user, :role, :unit, :by)
                on conflict do nothing
                returning id
                """)
                .param("user", userId).param("role", role.name()).param("unit", unitId).param("by", grantedBy)
                .query(Long.class).optional();
    }

    void deleteGrant(long grantId) {
        jdbc.sql("delete from identity_role_assignment where id = :id").param("id", grantId).update();
    }

    /**
     * Accounts whose home unit is one of {@code unitIds} (null: every account), filtered by
     * accent-insensitive words of the name or username, in Vietnamese order of display name.
     */
    PageResult<Account> search(Collection<Long> unitIds, String text, int page, int size) {
        var where = """
                where (:all or home_unit_id = any(:units))
                  and (cast(:key as text) is null or search_key(display_name || ' ' || username) like '%' || :key || '%')
                """;
        var key = text == null || text.isBlank() ? null : VietnameseText.searchKey(text.trim());
        var units = unitIds == null ? new Long[0] : unitIds.toArray(Long[]::new);
        long total = jdbc.sql("select count(*) from identity_user " + where)
                .param("all", unitIds == null).param("units", units).param("key", key)
                .query(Long.class).single();
        var rows = jdbc.sql("select " + COLUMNS + " from identity_user " + where
                        + " order by display_name collate vietnamese, username limit :limit offset :offset")
                .param("all", unitIds == null).param("units", units).param("key", key)
                .param("limit", size).param("offset", (long) page * size)
                .query(Account.class).list();
        return new PageResult<>(rows, total, page, size);
    }
}
