package vn.danvan.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * Personal access tokens: a user creates one for another system, which then sends
 * {@code Authorization: Bearer <token>} and acts with that user's roles. The token is shown once;
 * only its SHA-256 is stored.
 */
@Service
@Transactional
public class AccessTokens {

    public record TokenInfo(long id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
    }

    /** A new token: {@code secret} is shown to the user once and never again. */
    public record NewToken(TokenInfo info, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    AccessTokens(JdbcClient jdbc, Accounts accounts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public NewToken create(CurrentUser owner, String name, Integer validDays) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "validation.required");
        }
        if (validDays != null && (validDays < 1 || validDays > 3650)) {
            throw new InvalidInputException("validDays", "token.valid-days.range", 1, 3650);
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var secret = "dv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expires = validDays == null ? null : OffsetDateTime.now(clock).plusDays(validDays);
        var id = jdbc.sql("""
                insert into identity_access_token (user_id, name, token_hash, expires_at)
                values (:user, :name, :hash, :expires) returning id
                """)
                .param("user", owner.id()).param("name", name.trim()).param("hash", hash(secret)).param("expires", expires)
                .query(Long.class).single();
        audit.record("identity.token-created", "access_token", id, owner.homeUnitId(), null,
                AuditTrail.fields("name", name.trim(), "expiresAt", String.valueOf(expires)));
        return new NewToken(mine(owner).stream().filter(t -> t.id() == id).findFirst().orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> mine(CurrentUser owner) {
        return jdbc.sql("""
                select id, name, created_at, expires_at, last_used_at, revoked_at
                from identity_access_token where user_id = :user order by created_at desc
                """).param("user", owner.id()).query(TokenInfo.class).list();
    }

    public void revoke(CurrentUser owner, long tokenId) {
        int changed = jdbc.sql("""
                update identity_access_token set revoked_at = :now
                where id = :id and user_id = :user and revoked_at is null
                """).param("id", tokenId).param("user", owner.id()).param("now", OffsetDateTime.now(clock)).update();
        if (changed == 0) {
            throw new NotFoundException("token", tokenId);
        }
        audit.record("identity.token-revoked", "access_token", tokenId, owner.homeUnitId(), null,
                AuditTrail.fields("revoked", true));
    }

    /** The principal of the account a valid, unrevoked, unexpired token belongs to. */
    Optional<DanvanPrincipal> authenticate(String secret) {
        var now = OffsetDateTime.now(clock);
        var userId = jdbc.sql("""
                update identity_access_token set last_used_at = :now
                where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > :now)
                returning user_id
                """).param("hash", hash(secret)).param("now", now).query(Long.class).optional();
        return userId.flatMap(accounts::byId).filter(a -> a.enabled() && !a.lockedAt(now))
                .map(a -> new DanvanPrincipal(a, now));
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
