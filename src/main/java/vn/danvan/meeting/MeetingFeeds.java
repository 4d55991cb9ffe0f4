package vn.danvan.meeting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.UserManagement;
import vn.danvan.orgunit.OrgUnits;

/**
 * Secret per-user calendar feed addresses. Calendar clients cannot sign in, so the address carries a
 * random token (32 bytes); only its SHA-256 is stored. Regenerating replaces the old address, revoking
 * removes it. A feed shows what its owner may read today: the owner's roles are read at each fetch,
 * and a disabled or locked account's feed answers as not found.
 */
@Service
@Transactional
public class MeetingFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final OrgUnits units;
    private final AuditTrail audit;

    MeetingFeeds(JdbcClient jdbc, UserManagement users, OrgUnits units, AuditTrail audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.units = units;
        this.audit = audit;
    }

    /** A new secret token for the user's feed, replacing any earlier one; shown once. */
    public String regenerate(CurrentUser user) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into meeting_feed_token (user_id, token_hash) values (:u, :h)
                        on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now()""")
                .param("u", user.id()).param("h", hash(token)).update();
        audit.record("meeting.feed-regenerated", "user", user.id(), user.homeUnitId(), null, null);
        return token;
    }

    /** Stops the user's feed address from working. */
    public void revoke(CurrentUser user) {
        var removed = jdbc.sql("delete from meeting_feed_token where user_id = :u").param("u", user.id()).update();
        if (removed > 0) {
            audit.record("meeting.feed-revoked", "user", user.id(), user.homeUnitId(), null, null);
        }
    }

    @Transactional(readOnly = true)
    public boolean hasFeed(CurrentUser user) {
        return jdbc.sql("select exists (select 1 from meeting_feed_token where user_id = :u)").param("u", user.id())
                .query(Boolean.class).single();
    }

    /** The owner of a feed token, with the roles they hold now; empty for an unknown token or an unusable account. */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> owner(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        var userId = jdbc.sql("select user_id from meeting_feed_token where token_hash = :h").param("h", hash(token))
                .query(Long.class).optional();
        if (userId.isEmpty()) {
            return Optional.empty();
        }
        var stub = new CurrentUser(userId.get(), "", "", 0, List.of());
        var account = users.self(stub);
        if (!account.enabled() || account.locked()) {
            return Optional.empty();
        }
        var grants = account.roles().stream()
                .map(r -> new Grant(r.id(), r.role(), r.unitId(), units.scopePaths(r.unitId()))).toList();
        return Optional.of(new CurrentUser(account.id(), account.username(), account.displayName(), account.homeUnitId(), grants));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
