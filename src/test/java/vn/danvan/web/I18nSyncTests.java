package vn.danvan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message exists in Vietnamese and English, and every key a template names exists. */
class I18nSyncTests {

    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** A literal key in a template: #{unit.list.title} or #{home.welcome(...)}; dynamic keys ('…' + x) are skipped. */
    static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[}(]");

    static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    static Set<String> allKeys(String suffix) throws IOException {
        var keys = new HashSet<String>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                if (suffix.equals(".properties") && file.getFileName().toString().contains("_")) {
                    continue;
                }
                load(file).stringPropertyNames().forEach(keys::add);
            }
        }
        return keys;
    }

    @Test
    void everyVietnameseMessageHasAnEnglishTwinAndViceVersa() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (var vi : files.filter(f -> !f.getFileName().toString().contains("_")).toList()) {
                var en = vi.resolveSibling(vi.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(en).as("English file for " + vi).exists();
                assertThat(new TreeSet<>(load(en).stringPropertyNames()))
                        .as(vi.getFileName() + " vs its English twin")
                        .isEqualTo(new TreeSet<>(load(vi).stringPropertyNames()));
            }
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        var known = allKeys(".properties");
        var missing = new TreeSet<String>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (var template : templates.filter(f -> f.toString().endsWith(".html")).toList()) {
                var matcher = KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyUnitLevelKindChangeAndSuccessionHasALabelInBothLanguages() throws IOException {
        var labels = new TreeSet<String>();
        java.util.Arrays.stream(vn.danvan.orgunit.UnitLevel.values()).forEach(v -> labels.add("unit.level." + v));
        java.util.Arrays.stream(vn.danvan.orgunit.UnitKind.values()).forEach(v -> labels.add("unit.kind." + v));
        java.util.Arrays.stream(vn.danvan.orgunit.UnitCategory.values()).forEach(v -> labels.add("unit.category." + v));
        java.util.Arrays.stream(vn.danvan.orgunit.UnitChange.values()).forEach(v -> labels.add("unit.change." + v));
        java.util.Arrays.stream(vn.danvan.orgunit.SuccessionKind.values()).forEach(v -> labels.add("succession.kind." + v));
        assertThat(load(MESSAGES.resolve("orgunit.properties")).stringPropertyNames()).containsAll(labels);
    }
    @Test
    void everyMessageWithArgumentsIsAPatternTheFormatterAccepts() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (var file : files.toList()) {
                var messages = load(file);
                for (var key : messages.stringPropertyNames()) {
                    var text = messages.getProperty(key);
                    if (text.contains("{0") || text.contains("{1")) {
                        assertThat(new java.text.MessageFormat(text, java.util.Locale.ENGLISH)).as(file.getFileName() + " " + key)
                                .isNotNull();
                    }
                }
            }
        }
    }

    @Test
    void englishCountsOfDaysAndTimesAreSingularForOne() throws IOException {
        var petition = load(MESSAGES.resolve("petition_en.properties"));
        var democracy = load(MESSAGES.resolve("democracy_en.properties"));
        var exemplar = load(MESSAGES.resolve("exemplar_en.properties"));
        assertThat(format(petition, "petition.due.left", 1)).isEqualTo("1 working day left");
        assertThat(format(petition, "petition.due.left", 3)).isEqualTo("3 working days left");
        assertThat(format(petition, "petition.due.overdue", 1)).isEqualTo("1 working day overdue");
        assertThat(format(petition, "petition.due.overdue", 1200)).isEqualTo("1,200 working days overdue");
        assertThat(format(democracy, "democracy.activity.late-badge", 1)).isEqualTo("Sent 1 working day late");
        assertThat(format(democracy, "democracy.activity.late-badge", 4)).isEqualTo("Sent 4 working days late");
        assertThat(format(exemplar, "exemplar.dashboard.top.count", 1)).isEqualTo("once");
        assertThat(format(exemplar, "exemplar.dashboard.top.count", 7)).isEqualTo("7 times");
    }

    private static String format(Properties messages, String key, int count) {
        return new java.text.MessageFormat(messages.getProperty(key), java.util.Locale.ENGLISH).format(new Object[] {count});
    }
}
