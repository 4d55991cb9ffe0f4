package vn.danvan.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
                            String periodHint, int version, String fileName) {

        /** Uploaded as a .docx: reports are written into a copy of the file. */
        public boolean uploaded() {
            return fileName != null;
        }
    }

    /** An uploaded template's file as uploaded. */
    public record StoredFile(String name, byte[] bytes) {
    }

    /** What an administrator submits. */
    public record NarrativeInput(String code, String title, Layout layout, String kindName, String subject, String body,
                                 String periodHint) {
    }

    static final int MAX_BODY = 100_000;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,49}");

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final NarrativeSections sections;
    private final AuditTrail audit;

    Narratives(JdbcClient jdbc, Indicators indicators, NarrativeSections sections, AuditTrail audit) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.sections = sections;
        this.audit = audit;
    }

    private static final String COLUMNS = "select id, code, title, layout, kind_name, subject, body, period_hint, version, file_name from reporting_narrative";

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
        if (current.uploaded()) {
            throw new InvalidInputException("body", "reporting.narrative.docx.uploaded", current.fileName());
        }
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

    /** The file of an uploaded template, as uploaded. */
    @Transactional(readOnly = true)
    public Optional<StoredFile> file(String code) {
        return jdbc.sql("select file_name, file from reporting_narrative where code = :code and file is not null")
                .param("code", code == null ? "" : code.strip())
                .query((rs, n) -> new StoredFile(rs.getString(1), rs.getBytes(2))).optional();
    }

    /** An uploaded template's file read (it was checked when it was uploaded). */
    DocxTemplate docx(StoredFile file) {
        var problems = new ArrayList<Problem>();
        var template = DocxTemplate.read(file.bytes(), known(), sections.keys(), "file", problems);
        if (template == null) {
            throw new InvalidInputException(problems);
        }
        return template;
    }

    /**
     * Creates a template from a Word file (system administrators): the file is read paragraph by paragraph and refused,
     * naming each placeholder it cannot read and its paragraph, or kept as uploaded with its text.
     */
    public Narrative upload(NarrativeInput input, String fileName, byte[] bytes, CurrentUser user) {
        requireAdmin(user);
        var problems = new ArrayList<Problem>();
        var template = DocxTemplate.read(bytes, known(), sections.keys(), "file", problems);
        var name = fileName(fileName, problems);
        var checked = check(withBody(input, template), true, true, problems);
        if (find(checked.code()).isPresent()) {
            throw new InvalidInputException("code", "reporting.narrative.code-taken", checked.code());
        }
        var sha = sha256(bytes);
        var id = jdbc.sql("""
                        insert into reporting_narrative (code, title, layout, kind_name, subject, body, period_hint, updated_by,
                                                         file, file_name, file_sha256)
                        values (:code, :title, :layout, :kind, :subject, :body, :hint, :by, :file, :name, :sha)
                        returning id""")
                .param("code", checked.code()).param("title", checked.title()).param("layout", checked.layout().name())
                .param("kind", checked.kindName()).param("subject", checked.subject()).param("body", checked.body())
                .param("hint", checked.periodHint()).param("by", user.username()).param("file", bytes).param("name", name)
                .param("sha", sha).query(Long.class).single();
        audit.record("reporting.narrative-uploaded", "reporting_narrative", id, null, null,
                AuditTrail.fields("code", checked.code(), "title", checked.title(), "layout", checked.layout(), "file", name,
                        "sha256", sha, "bytes", bytes.length, "body", checked.body()));
        return get(checked.code());
    }

    /**
     * Changes an uploaded template: its fields, and its file when a new one is given (null or empty: the file stays).
     *
     * @throws ConflictException when {@code version} is not the current one
     */
    public Narrative replaceFile(String code, NarrativeInput input, String fileName, byte[] bytes, int version, CurrentUser user) {
        requireAdmin(user);
        var current = get(code);
        var problems = new ArrayList<Problem>();
        var keep = bytes == null || bytes.length == 0;
        var stored = keep ? file(code).orElseThrow(() -> new InvalidInputException("file", "validation.required")) : null;
        var content = keep ? stored.bytes() : bytes;
        var template = DocxTemplate.read(content, known(), sections.keys(), "file", problems);
        var name = keep ? stored.name() : fileName(fileName, problems);
        var checked = check(withBody(new NarrativeInput(current.code(), input.title(), input.layout(), input.kindName(),
                input.subject(), null, input.periodHint()), template), false, true, problems);
        var sha = sha256(content);
        var updated = jdbc.sql("""
                        update reporting_narrative
                        set title = :title, layout = :layout, kind_name = :kind, subject = :subject, body = :body,
                            period_hint = :hint, file = :file, file_name = :name, file_sha256 = :sha,
                            version = version + 1, updated_by = :by, updated_at = now()
                        where id = :id and version = :version""")
                .param("title", checked.title()).param("layout", checked.layout().name()).param("kind", checked.kindName())
                .param("subject", checked.subject()).param("body", checked.body()).param("hint", checked.periodHint())
                .param("file", content).param("name", name).param("sha", sha)
                .param("by", user.username()).param("id", current.id()).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("narrative", current.code());
        }
        audit.record("reporting.narrative-changed", "reporting_narrative", current.id(), null,
                AuditTrail.fields("title", current.title(), "layout", current.layout(), "subject", current.subject(),
                        "file", current.fileName(), "body", current.body()),
                AuditTrail.fields("title", checked.title(), "layout", checked.layout(), "subject", checked.subject(), "file", name,
                        "sha256", sha, "bytes", content.length, "body", checked.body()));
        return get(code);
    }

    private static NarrativeInput withBody(NarrativeInput input, DocxTemplate template) {
        return new NarrativeInput(input.code(), input.title(), input.layout(), input.kindName(), input.subject(),
                template == null ? null : template.text(), input.periodHint());
    }

    private static String fileName(String fileName, List<Problem> problems) {
        var name = blankToNull(fileName);
        if (name == null) {
            return "mau-bao-cao.docx";
        }
        name = name.replaceAll(".*[/\\\\]", "");
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".docx")) {
            problems.add(new Problem("file", "reporting.narrative.docx.extension", name));
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private NarrativeInput check(NarrativeInput input, boolean creating) {
        return check(input, creating, false, new ArrayList<>());
    }

    /**
     * Checks an input, adding to the problems already found (a file's); throws when there are any. The body of an
     * uploaded template is its file's text, checked with the file.
     */
    private NarrativeInput check(NarrativeInput input, boolean creating, boolean uploaded, List<Problem> found) {
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
        var body = uploaded ? input.body() : required(input.body(), "body", MAX_BODY, problems);
        if (input.layout() == null) {
            problems.add(new Problem("layout", "validation.required"));
        }
        var known = known();
        if (subject != null) {
            var parsed = NarrativeTemplate.parse(subject, known, Set.of(), "subject", problems);
            if (parsed.blocks().stream().anyMatch(b -> !(b instanceof NarrativeTemplate.Paragraph))) {
                problems.add(new Problem("subject", "reporting.narrative.subject-table"));
            }
        }
        if (body != null && !uploaded) {
            NarrativeTemplate.parse(body, known, sections.keys(), "body", problems);
        }
        var hint = blankToNull(input.periodHint());
        if (hint != null) {
            try {
                hint = vn.danvan.form.ReportPeriod.Kind.valueOf(hint.toUpperCase(java.util.Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("periodHint", "reporting.narrative.period-hint", hint));
            }
        }
        problems.addAll(found);
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
