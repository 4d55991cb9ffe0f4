package vn.danvan.exemplar;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.VietnameseText;

/**
 * Fields of work: the movement's four (economy; culture–society; defence–security; building the
 * Party and the political system) and the ones provinces add (new rural areas, social welfare,
 * administrative reform, digital transformation …), which a system administrator extends.
 */
@Component
@Transactional
public class ExemplarFields {

    /** A field of work with its names. */
    public record FieldOfWork(String code, String nameVi, String nameEn, boolean builtin, boolean active) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ExemplarFields(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<FieldOfWork> all() {
        return jdbc.sql("select code, name_vi, name_en, builtin, active from exemplar_field order by sort_order, code")
                .query(FieldOfWork.class).list();
    }

    @Transactional(readOnly = true)
    public Set<String> activeCodes() {
        return new LinkedHashSet<>(jdbc.sql("select code from exemplar_field where active order by sort_order")
                .query(String.class).list());
    }

    @Transactional(readOnly = true)
    List<String> codesOf(long exemplarId) {
        return jdbc.sql("""
                select l.field_code from exemplar_field_link l join exemplar_field f on f.code = l.field_code
                where l.exemplar_id = :id order by f.sort_order
                """).param("id", exemplarId).query(String.class).list();
    }

    /** Adds a field of work (system administrators; the caller checks the role). */
    public void add(String code, String nameVi, String nameEn) {
        var normal = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!normal.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new InvalidInputException("code", "exemplar.validation.field-code");
        }
        if (nameVi == null || nameVi.isBlank()) {
            throw new InvalidInputException("nameVi", "validation.required");
        }
        var exists = jdbc.sql("select count(*) from exemplar_field where code = :code").param("code", normal).query(Long.class).single();
        if (exists > 0) {
            throw new InvalidInputException("code", "exemplar.validation.field-exists", normal);
        }
        jdbc.sql("""
                insert into exemplar_field (code, name_vi, name_en, sort_order)
                values (:code, :vi, :en, (select coalesce(max(sort_order), 0) + 10 from exemplar_field))
                """).param("code", normal).param("vi", VietnameseText.nfc(nameVi.strip()))
                .param("en", nameEn == null || nameEn.isBlank() ? nameVi.strip() : nameEn.strip()).update();
        audit.record("exemplar.field-added", "exemplar_field", normal, null, null, AuditTrail.fields("nameVi", nameVi, "nameEn", nameEn));
    }
}
