package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Labels built at run time from enums (roles, account and token states) exist in both languages;
 * literal keys and the vi/en twins are checked for every bundle by {@code web.I18nSyncTests}.
 */
class IdentityMessagesTests {


    @Test
    void everyRoleAndStateHasALabelInBothLanguages() {
        var labels = new TreeSet<String>();
        Arrays.stream(Role.values()).forEach(role -> labels.add("role." + role.name()));
        Arrays.stream(UserViews.State.values()).forEach(state -> labels.add("user.state." + state.name()));
        Arrays.stream(AccountController.TokenState.values()).forEach(state -> labels.add("token.state." + state.name()));
        assertThat(keys("")).containsAll(labels);
        assertThat(keys("_en")).containsAll(labels);
    }

    private static Set<String> keys(String suffix) {
        var keys = new TreeSet<String>();
        keys.addAll(load("messages/identity" + suffix + ".properties").stringPropertyNames());
        keys.addAll(load("messages/web" + suffix + ".properties").stringPropertyNames());
        return keys;
    }

    private static Properties load(String resource) {
        var properties = new Properties();
        try (var in = IdentityMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
