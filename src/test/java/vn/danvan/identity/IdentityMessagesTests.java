package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every visible string of the identity pages is a message key with a Vietnamese and an English
 * text (petclinic's I18nPropertiesSyncTest idea, for this module's bundle and templates).
 */
class IdentityMessagesTests {

    /** Literal keys in templates: #{user.created-at}, #{user.password.hint(10)}; keys built at run time are checked below. */
    static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
    static final Path TEMPLATES = Path.of("src/main/resources/templates/identity");

    @Test
    void vietnameseAndEnglishBundlesHaveTheSameKeys() {
        assertThat(load("messages/identity_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages/identity.properties").stringPropertyNames());
    }

    @Test
    void everyKeyTheIdentityTemplatesNameExistsInBothLanguages() throws IOException {
        var used = new TreeSet<String>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var matcher = LITERAL_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys("")).containsAll(used);
        assertThat(keys("_en")).containsAll(used);
    }

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
