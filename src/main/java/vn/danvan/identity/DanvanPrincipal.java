package vn.danvan.identity;

import java.io.Serial;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal kept in the session (serialised into PostgreSQL by Spring Session).
 * It carries only the account id and name; roles are read fresh on each request by
 * {@link CurrentUsers}, so a revoked role takes effect at once.
 */
final class DanvanPrincipal implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    DanvanPrincipal(Account account, OffsetDateTime now) {
        this.id = account.id();
        this.username = account.username();
        this.passwordHash = account.passwordHash();
        this.enabled = account.enabled();
        this.locked = account.lockedAt(now);
    }

    long id() {
        return id;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
