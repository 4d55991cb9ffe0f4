package vn.danvan.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/**
 * Narrative report templates, kept as data: administrators write the text around the figures, with placeholders
 * bound to indicators ({@link NarrativeTemplate}); a template naming an unknown indicator or a placeholder danvan
 * cannot read is refused, naming it. Every change is audited; two administrators editing at once cannot overwrite
 * each other (version).
 */
@Service
@Transactional
public class Narratives {

    /** The official layout a report is written in. */
    public enum Layout {
        /** Party bodies: Guidance 36-HD/VPTW. */
        PARTY,
        /** State bodies: Decree 30/2020/NĐ-CP. */
        STATE
    }

    /** A template as stored. */
    public record Narrative(long id, String code, String title, Layout layout, String kindName, String subject, String body,
                            String periodHint, int version) {
    }

    /** What an administrator submits. */
    public record NarrativeInput(String code, String title, Layout layout, String kindName, String subject, String body,
                                 String periodHint) {
    }

    static final int MAX_BODY = 100_000;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,49}");

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final AuditTrail audit;

    Narratives(JdbcClient jdbc, Indicators indicators, AuditTrail audit) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.audit = audit;
    }

    private static final String COLUMNS = "select id, code, title, layout, kind_name, subject, body, period_hint, version from reporting_narrative";

    @Transactional(readOnly = true)
    public List<Narrative> all() {
        return jdbc.sql(COLUMNS + " order by title collate vietnamese, code").query(Narrative.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<Narrative> find(String code) {
        return jdbc.sql(COLUMNS + " where code = :code").param("code", code == null ? "" : code.strip()).query(Narrative.class).optional();
    }

    @Transactional(readOnly = true)
    public Narrative get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("narrative", code));
    }

    /** A text of the template (its body or subject) read into paragraphs; it was checked when it was saved. */
    NarrativeTemplate parsed(String text) {
        return NarrativeTemplate.parse(text, known(), "body", new ArrayList<>());
    }

    /** Creates a template (system administrators). */
    public Narrative define(NarrativeInput input, CurrentUser user) {
        requireAdmin(user);
        var checked = check(input, true);
        if (find(checked.code()).isPresent()) {
            throw new InvalidInputException("code", "reporting.narrative.code-taken", checked.code());
        }
        var id = jdbc.sql("""
                        insert into reporting_narrative (code, title, layout, kind_name, subject, body, period_hint, updated_by)
                        values (:code, :title, :layout, :kind, :subject, :body, :hint, :by)
                        returning id""")
                .param("code", checked.code()).param("title", checked.title()).param("layout", checked.layout().name())
                .param("kind", checked.kindName()).param("subject", checked.subject()).param("body", checked.body())
                .param("hint", checked.periodHint()).param("by", user.username()).query(Long.class).single();
        audit.record("reporting.narrative-defined", "reporting_narrative", id, null, null,
                AuditTrail.fields("code", checked.code(), "title", checked.title(), "layout", checked.layout(), "body", checked.body()));
        return get(checked.code());
    }

    /**
     * Changes a template's text (its code stays).
     *
     * @throws ConflictException when {@code version} is not the current one
     */
    public Narrative update(String code, NarrativeInput input, int version, CurrentUser user) {
        requireAdmin(user);
        var current = get(code);
        var checked = check(new NarrativeInput(current.code(), input.title(), input.layout(), input.kindName(), input.subject(),
                input.body(), input.periodHint()), false);
        var updated = jdbc.sql("""
                        update reporting_narrative
                        set title = :title, layout = :layout, kind_name = :kind, subject = :subject, body = :body,
                            period_hint = :hint, version = version + 1, updated_by = :by, updated_at = now()
                        where id = :id and version = :version""")
                .param("title", checked.title()).param("layout", checked.layout().name()).param("kind", checked.kindName())
                .param("subject", checked.subject()).param("body", checked.body()).param("hint", checked.periodHint())
                .param("by", user.username()).param("id", current.id()).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("narrative", current.code());
        }
        audit.record("reporting.narrative-changed", "reporting_narrative", current.id(), null,
                AuditTrail.fields("title", current.title(), "layout", current.layout(), "subject", current.subject(), "body", current.body()),
                AuditTrail.fields("title", checked.title(), "layout", checked.layout(), "subject", checked.subject(), "body", checked.body()));
        return get(code);
    }

    private NarrativeInput check(NarrativeInput input, boolean creating) {
        var problems = new ArrayList<Problem>();
        var code = blankToNull(input.code());
        if (creating) {
            if (code == null) {
                problems.add(new Problem("code", "validation.required"));
            } else if (!CODE.matcher(code).matches()) {
                problems.add(new Problem("code", "reporting.narrative.code-shape"));
            }
        }
        var title = required(input.title(), "title", 300, problems);
        var kind = required(input.kindName(), "kindName", 100, problems);
        var subject = required(input.subject(), "subject", 1_000, problems);
        var body = required(input.body(), "body", MAX_BODY, problems);
        if (input.layout() == null) {
            problems.add(new Problem("layout", "validation.required"));
        }
        var known = known();
        if (subject != null) {
            var parsed = NarrativeTemplate.parse(subject, known, "subject", problems);
            if (parsed.blocks().stream().anyMatch(b -> !(b instanceof NarrativeTemplate.Paragraph))) {
                problems.add(new Problem("subject", "reporting.narrative.subject-table"));
            }
        }
        if (body != null) {
            NarrativeTemplate.parse(body, known, "body", problems);
        }
        var hint = blankToNull(input.periodHint());
        if (hint != null) {
            try {
                hint = vn.danvan.form.ReportPeriod.Kind.valueOf(hint.toUpperCase(java.util.Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("periodHint", "reporting.narrative.period-hint", hint));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NarrativeInput(code, title, input.layout(), kind, subject, body, hint);
    }

    private java.util.Set<String> known() {
        return indicators.all().stream().map(Indicator::code).collect(Collectors.toSet());
    }

    private static String required(String value, String field, int max, List<Problem> problems) {
        var v = blankToNull(value);
        if (v == null) {
            problems.add(new Problem(field, "validation.required"));
            return null;
        }
        if (v.length() > max) {
            problems.add(new Problem(field, "validation.too-long", max));
        }
        return VietnameseText.nfc(v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isSystemAdmin()) {
            throw new NotFoundException("page", "/reporting/narratives");
        }
    }
}
