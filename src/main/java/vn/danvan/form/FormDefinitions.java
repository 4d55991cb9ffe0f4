package vn.danvan.form;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The stored versions of every form. The definitions shipped in {@code forms/*.json} are stored (or
 * refreshed, if no administrator replaced them) on start; administrators upload new versions.
 */
@Service
@Order(14)
public class FormDefinitions implements ApplicationRunner {

    static final String BUNDLED = "system";
    private static final Logger log = LoggerFactory.getLogger(FormDefinitions.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, FormProvider> providers;

    FormDefinitions(JdbcClient jdbc, JsonMapper json, List<FormProvider> providers) {
        this.jdbc = jdbc;
        this.json = json;
        this.providers = providers.stream().collect(Collectors.toMap(FormProvider::name, Function.identity()));
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        var resources = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.json");
        for (var resource : resources) {
            try (var in = resource.getInputStream()) {
                var definition = json.readValue(in, FormDefinition.class);
                FormDefinitionRules.check(definition, measuresOf(definition.provider()));
                store(definition, BUNDLED, true);
            }
        }
        log.info("Form definitions: {} bundled", resources.length);
    }

    /** Parses, checks and stores an uploaded definition as a new version; an existing version is refused. */
    @Transactional
    public FormDefinition upload(String text, String username) {
        FormDefinition definition;
        try {
            definition = json.readValue(text, FormDefinition.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("definition", "form.definition.unreadable", e.getOriginalMessage());
        }
        FormDefinitionRules.check(definition, measuresOf(definition.provider()));
        if (!store(definition, username, false)) {
            throw new InvalidInputException("version", "form.definition.version-exists", definition.code(),
                    definition.version());
        }
        return definition;
    }

    /**
     * Checks and stores a definition built on a screen as a new version of its form.
     *
     * @throws InvalidInputException naming each field in error, or {@code version} when that version exists
     */
    @Transactional
    public FormDefinition define(FormDefinition definition, String username) {
        FormDefinitionRules.check(definition, measuresOf(definition.provider()));
        if (!store(definition, username, false)) {
            throw new InvalidInputException("version", "form.definition.version-exists", definition.code(),
                    definition.version());
        }
        return definition;
    }

    /** Every version of one form, oldest first; empty when there is no such form. */
    public List<FormDefinition> versions(String code) {
        return jdbc.sql("select definition::text from form_definition where code = :code order by version")
                .param("code", code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT))
                .query(String.class).list().stream().map(this::read).toList();
    }

    private boolean store(FormDefinition d, String username, boolean bundled) {
        var text = json.writeValueAsString(d);
        var sql = """
                insert into form_definition (code, version, valid_from, definition, uploaded_by)
                values (:code, :version, :validFrom, cast(:definition as jsonb), :by)
                on conflict (code, version) do nothing
                """;
        if (bundled) {
            // A bundled definition is refreshed by a newer release unless an administrator replaced it.
            sql = sql.replace("do nothing", """
                    do update set definition = excluded.definition, valid_from = excluded.valid_from
                    where form_definition.uploaded_by = :by""");
        }
        return jdbc.sql(sql).param("code", d.code()).param("version", d.version()).param("validFrom", d.validFrom())
                .param("definition", text).param("by", username).update() > 0;
    }

    /** Every version of every form, by code then version. */
    public List<FormDefinition> all() {
        return jdbc.sql("select definition::text from form_definition order by code, version")
                .query(String.class).list().stream().map(this::read).toList();
    }

    /** The latest version of each form. */
    public List<FormDefinition> latest() {
        return all().stream().collect(Collectors.toMap(FormDefinition::code, Function.identity(),
                (a, b) -> a.version() >= b.version() ? a : b)).values().stream()
                .sorted(Comparator.comparing(FormDefinition::code)).toList();
    }

    /** The version of a form that applies to a period ending on the given day. */
    public FormDefinition applicable(String code, LocalDate periodEnd) {
        var versions = versions(code);
        if (versions.isEmpty()) {
            throw new NotFoundException("form", code);
        }
        return versions.stream().filter(d -> !d.validFrom().isAfter(periodEnd))
                .max(Comparator.comparing(FormDefinition::validFrom).thenComparing(FormDefinition::version))
                .orElse(versions.get(0));
    }

    Optional<FormProvider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    private java.util.Set<String> measuresOf(String provider) {
        return provider == null || !providers.containsKey(provider) ? null : providers.get(provider).measures();
    }

    private FormDefinition read(String text) {
        return json.readValue(text, FormDefinition.class);
    }
}
