package vn.danvan.audit;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit record's fields as the JSON text the application's mapper writes, made faster for the values audit records
 * hold: texts, whole numbers, booleans, days, enums and nulls are written straight to the generator; anything else
 * goes through the mapper. The mapper looks up a serializer for every value of an untyped map: the audit's JSON took
 * 6.4 % of the JVM's samples of the lifecycle benchmark (JFR, session 24), and 6.1 % written here (session 25, with
 * the changes of 0dce905): the generator's set-up and release and the strings' escaping are most of what is left, so
 * the gain is small.
 *
 * <p>An enum class is written by its constant's name only when the mapper writes every constant of it so (checked once
 * per class, so an enum that the mapper writes otherwise, e.g. with {@code @JsonValue}, still goes through it).
 */
final class AuditJson {

    private final JsonMapper json;
    private final ClassValue<Boolean> enumsByName = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (var constant : type.getEnumConstants()) {
                if (!json.writeValueAsString(constant).equals("\"" + ((Enum<?>) constant).name() + "\"")) {
                    return false;
                }
            }
            return true;
        }
    };

    AuditJson(JsonMapper json) {
        this.json = json;
    }

    /** The fields as a JSON object, in the map's order; null for a null map. */
    String write(Map<String, ?> fields) {
        if (fields == null) {
            return null;
        }
        var out = new StringWriter(32 + 24 * fields.size());
        try (var generator = json.createGenerator(out)) {
            generator.writeStartObject();
            for (var field : fields.entrySet()) {
                generator.writeName(field.getKey());
                value(generator, field.getValue());
            }
            generator.writeEndObject();
        }
        return out.toString();
    }

    private void value(JsonGenerator generator, Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof LocalDate day) {
            generator.writeString(day.toString());
        } else if (value instanceof Enum<?> constant && enumsByName.get(constant.getDeclaringClass())) {
            generator.writeString(constant.name());
        } else {
            json.writeValue(generator, value);
        }
    }
}
