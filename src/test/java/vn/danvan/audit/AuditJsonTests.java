package vn.danvan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuditJsonTests {

    private final JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();
    private final AuditJson json = new AuditJson(mapper);

    enum Kind { COMPLAINT, DENUNCIATION }

    enum Labelled {
        ON("bật"), OFF("tắt");

        private final String label;

        Labelled(String label) {
            this.label = label;
        }

        @JsonValue
        String label() {
            return label;
        }
    }

    @Test
    void writesEveryKindOfValueAsTheMapperDoes() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("text", "Khiếu nại \"đất\" </script> \\ \n\t\u0001 end");
        fields.put("empty", "");
        fields.put("long", Long.MIN_VALUE);
        fields.put("int", -42);
        fields.put("yes", true);
        fields.put("no", Boolean.FALSE);
        fields.put("day", LocalDate.of(2026, 7, 1));
        fields.put("kind", Kind.DENUNCIATION);
        fields.put("labelled", Labelled.OFF);
        fields.put("money", new BigDecimal("38500.50"));
        fields.put("at", LocalDateTime.of(2026, 12, 2, 8, 30, 5));
        fields.put("list", List.of(1, "hai", Kind.COMPLAINT));
        fields.put("nested", Map.of("a", 1));
        fields.put("nothing", null);
        fields.put("tên có dấu", "Lạng Sơn");

        assertThat(json.write(fields)).isEqualTo(mapper.writeValueAsString(fields));
    }

    @Test
    void writesAnEnumThatTheMapperWritesOtherwiseAsTheMapperDoes() {
        assertThat(json.write(Map.of("labelled", Labelled.ON))).isEqualTo("{\"labelled\":\"bật\"}");
    }

    @Test
    void writesNothingForNoFieldsAndNullForNoMap() {
        assertThat(json.write(Map.of())).isEqualTo("{}");
        assertThat(json.write(null)).isNull();
    }
}
