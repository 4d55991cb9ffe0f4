package vn.danvan.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.reporting.GridReader.Stored;
import vn.danvan.reporting.ReportForms.Line;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * The entry grid of a report form for a unit and a period (nhập số liệu báo cáo): read it, save it,
 * and propose the last period's values. A save is all or nothing: every typed value is checked for
 * its indicator's type, then the lines this user changed are compared with the versions read (a line
 * someone else saved in between answers 409 naming it), then the form's rules are checked over the
 * values as they would be saved with the live computed figures (a blocking error stops the save;
 * warnings are returned with it), and only then are the changed lines written, each audited, under
 * the grid's submission record.
 */
@Service
@Transactional
public class ReportEntry {

    static final int MAX_COMMENT = 2000;
    static final int MAX_NARRATIVE = 20000;

    private final ReportForms forms;
    private final GridReader reader;
    private final Submissions submissions;
    private final ValueLocks locks;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ReportEntry(ReportForms forms, GridReader reader, Submissions submissions, ValueLocks locks, JdbcClient jdbc, AuditTrail audit) {
        this.forms = forms;
        this.reader = reader;
        this.submissions = submissions;
        this.locks = locks;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A saved grid as it now stands, the warnings of the rules it breaks, and how many lines and sections changed. */
    public record Saved(EntryGrid grid, List<Problem> warnings, int changed) {
    }

    /**
     * @throws InvalidInputException naming {@code period} or {@code unit} (see {@link ReportForms#target})
     * @throws vn.danvan.shared.NotFoundException for an unknown form or unit, or a unit outside the user's scope
     */
    @Transactional(readOnly = true)
    public EntryGrid grid(String form, String unit, String period, CurrentUser user) {
        return reader.read(forms.target(form, unit, period, user, false));
    }

    /**
     * The values of the same form's previous period for the entered lines that have none in this
     * period, as text to put in the grid ("chép từ kỳ trước"); nothing is saved until the grid is.
     */
    @Transactional(readOnly = true)
    public Map<Integer, String> previousValues(String form, String unit, String period, CurrentUser user) {
        var t = forms.target(form, unit, period, user, true);
        var now = reader.stored(t);
        var before = reader.stored(new ReportForms.Target(t.form(), t.unit(), t.period().previous(), null, t.lines()));
        var result = new LinkedHashMap<Integer, String>();
        for (var line : t.lines()) {
            var old = before.get(line.measure());
            if (line.entered() && old != null && now.get(line.measure()) == null) {
                result.put(line.number(), text(ReportValues.display(line.indicator().valueType(), old.value(), old.text())));
            }
        }
        return result;
    }

    /** The grid's own .xlsx template, filled with what is stored (computed lines in grey). */
    @Transactional(readOnly = true)
    public byte[] template(String form, String unit, String period, CurrentUser user) {
        return EntryXlsx.write(grid(form, unit, period, user));
    }

    /**
     * Imports a filled template: every row, column and reason it breaks is reported and nothing is
     * saved; otherwise it is saved as a grid would be (rules, versions), all or nothing.
     */
    public Saved importXlsx(String form, String unit, String period, byte[] file, CurrentUser user) {
        var t = forms.target(form, unit, period, user, true);
        var stored = store(t, EntryXlsx.read(file, reader.grid(t, reader.stored(t), Map.of())), user);
        return new Saved(reader.read(t), stored.warnings(), stored.changed());
    }

    /**
     * Saves a grid.
     *
     * @throws InvalidInputException  naming each cell in error (row, column, indicator, reason) or a broken
     *                                blocking rule; nothing is saved
     * @throws GridConflictException  naming the lines someone else saved after they were read; nothing is saved
     * @throws vn.danvan.shared.NotFoundException for a unit the user may not write for
     */
    public Saved save(GridInput in, CurrentUser user) {
        var t = forms.target(in.form(), in.unit(), in.period(), user, true);
        var stored = store(t, in, user);
        return new Saved(reader.read(t), stored.warnings(), stored.changed());
    }

    /** What a save changed and the warnings it raised. */
    record StoreResult(List<Problem> warnings, int changed) {
    }

    /** Checks and writes a grid (see {@link #save}) without reading it back. */
    StoreResult store(ReportForms.Target t, GridInput in, CurrentUser user) {
        locks.requireOpen(enteredIndicators(t), t.unit(), t.period());
        var lines = t.lines().stream().collect(Collectors.toMap(Line::number, Function.identity()));
        record Typed(Line line, ValueType.Checked checked, String comment, int version) {
        }
        var problems = new ArrayList<Problem>();
        var typed = new ArrayList<Typed>();
        for (var cell : in.cells()) {
            var line = lines.get(cell.number());
            if (line == null) {
                problems.add(new Problem("cell", "reporting.entry.line-unknown", cell.number(), t.form().symbol()));
                continue;
            }
            if (!line.entered()) {
                continue; // computed from the records: whatever was sent for it is not a value
            }
            ValueType.Checked checked = null;
            if (cell.value() != null && !cell.value().isBlank()) {
                try {
                    checked = line.indicator().valueType().check(cell.value().strip());
                } catch (InvalidInputException e) {
                    e.problems().forEach(p -> problems.add(cellProblem(line, "reporting.entry.column.value", p)));
                }
            }
            var comment = GridReader.blankToNull(cell.comment());
            if (comment != null && comment.length() > MAX_COMMENT) {
                problems.add(cellProblem(line, "reporting.entry.column.comment",
                        new Problem("comment", "reporting.value.too-long", MAX_COMMENT)));
            } else if (comment != null && checked == null && (cell.value() == null || cell.value().isBlank())) {
                problems.add(cellProblem(line, "reporting.entry.column.comment",
                        new Problem("comment", "reporting.entry.comment-without-value")));
            }
            typed.add(new Typed(line, checked, comment, cell.version()));
        }
        var titles = t.form().narratives().stream()
                .collect(Collectors.toMap(n -> n.key(), n -> n.title(), (a, b) -> a, LinkedHashMap::new));
        for (var text : in.narratives()) {
            if (!titles.containsKey(text.key())) {
                problems.add(new Problem("narrative", "reporting.entry.narrative-unknown", String.valueOf(text.key())));
            } else if (text.text() != null && text.text().length() > MAX_NARRATIVE) {
                problems.add(new Problem("narrative", "reporting.entry.narrative-too-long", titles.get(text.key()), MAX_NARRATIVE));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        var submission = submissions.lock(t, user);
        if (submission.locked()) {
            // approved while this save was being checked: the submission row is now held, so this is final
            locks.requireOpen(enteredIndicators(t), t.unit(), t.period());
        }
        var stored = reader.stored(t);
        var changes = typed.stream().filter(c -> {
            var now = stored.get(c.line().measure());
            return now == null ? c.checked() != null : !now.same(c.checked(), c.comment());
        }).toList();
        var texts = submissions.texts(submission.id());
        var textChanges = in.narratives().stream().filter(n -> {
            var now = texts.get(n.key());
            return !Objects.equals(now == null ? "" : now.body(), n.text() == null ? "" : n.text().strip());
        }).toList();
        var conflicts = new ArrayList<GridConflictException.Conflict>();
        for (var c : changes) {
            var now = stored.get(c.line().measure());
            if (c.version() != (now == null ? 0 : now.version())) {
                conflicts.add(new GridConflictException.Conflict(c.line().number(), c.line().measure(), c.line().label(),
                        now == null ? null : ReportValues.display(c.line().indicator().valueType(), now.value(), now.text()),
                        now == null ? 0 : now.version(), now == null ? null : now.updatedBy()));
            }
        }
        for (var n : textChanges) {
            var now = texts.get(n.key());
            if (n.version() != (now == null ? 0 : now.version())) {
                conflicts.add(new GridConflictException.Conflict(0, n.key(), titles.get(n.key()), now == null ? "" : now.body(),
                        now == null ? 0 : now.version(), null));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new GridConflictException(conflicts);
        }

        var values = new HashMap<String, BigDecimal>();
        stored.forEach((measure, s) -> {
            if (s.value() != null) {
                values.put(measure, s.value());
            }
        });
        for (var c : changes) {
            values.remove(c.line().measure());
            if (c.checked() != null && c.checked().number() != null) {
                values.put(c.line().measure(), c.checked().number());
            }
        }
        var outcome = GridRules.check(t.form(), t.lines(), withComputed(t, values));
        if (!outcome.errors().isEmpty()) {
            throw new InvalidInputException(outcome.errors());
        }

        for (var c : changes) {
            write(t, submission, c.line(), c.checked(), c.comment(), stored.get(c.line().measure()), c.version(), user);
        }
        for (var n : textChanges) {
            submissions.saveText(submission, t.unit().id(), n.key(), titles.get(n.key()), n.text() == null ? "" : n.text().strip(),
                    n.version(), texts.get(n.key()), user);
        }
        if (!changes.isEmpty() || !textChanges.isEmpty()) {
            submissions.touched(submission.id(), user);
        }
        return new StoreResult(outcome.warnings(), changes.size() + textChanges.size());
    }

    /** The blocking errors of the form's rules over the grid's stored values (a report with any cannot be submitted). */
    List<Problem> blockingErrors(ReportForms.Target t) {
        var values = new HashMap<String, BigDecimal>();
        reader.stored(t).forEach((measure, s) -> {
            if (s.value() != null) {
                values.put(measure, s.value());
            }
        });
        return GridRules.check(t.form(), t.lines(), withComputed(t, values)).errors();
    }

    /** The ids of the indicators a grid enters (what its lock covers). */
    static List<Long> enteredIndicators(ReportForms.Target t) {
        return t.lines().stream().filter(Line::entered).map(l -> l.indicator().id()).distinct().toList();
    }

    /** Adds the computed lines that a rule reads (the grid read back counts them all). */
    private Map<String, BigDecimal> withComputed(ReportForms.Target t, Map<String, BigDecimal> values) {
        var operands = t.form().parsedRules().stream().flatMap(r -> r.operands().stream()).collect(Collectors.toSet());
        var computed = reader.computed(t, line -> operands.stream()
                .anyMatch(o -> line.measure().equals(o) || line.measure().startsWith(o + ".")));
        computed.forEach((measure, figure) -> {
            if (figure.value() != null) {
                values.put(measure, figure.value());
            }
        });
        return values;
    }

    private void write(ReportForms.Target t, EntryGrid.Submission submission, Line line, ValueType.Checked checked, String comment,
                       Stored before, int version, CurrentUser user) {
        var key = line.indicator().code() + " · " + t.unit().code() + " · " + t.period().identifier();
        var type = line.indicator().valueType();
        var old = before == null ? null
                : AuditTrail.fields("value", text(ReportValues.display(type, before.value(), before.text())), "comment", before.comment());
        if (checked == null) {
            var deleted = jdbc.sql("delete from reporting_value where id = :id and version = :version")
                    .param("id", before.id()).param("version", version).update();
            if (deleted == 0) {
                throw new ConflictException("value", key);
            }
            audit.record("reporting.value-cleared", "reporting_value", before.id(), t.unit().id(), old,
                    AuditTrail.fields("form", t.form().code(), "line", line.number(), "indicator", line.indicator().code(),
                            "categoryOptionCombo", line.optionCombo(), "period", t.period().identifier()));
            return;
        }
        record Written(long id, int version) {
        }
        var written = jdbc.sql("""
                insert into reporting_value as v (indicator_id, unit_id, period, period_start, period_end, option_combo,
                                                  value, text_value, comment, submission_id, updated_by)
                values (:indicator, :unit, :period, :from, :to, :combo, :value, :text, :comment, :submission, :by)
                on conflict (indicator_id, unit_id, period, option_combo) do update
                set value = excluded.value, text_value = excluded.text_value, comment = excluded.comment,
                    submission_id = excluded.submission_id, version = v.version + 1, updated_by = excluded.updated_by,
                    updated_at = now()
                where v.version = :expected
                returning id, version
                """).param("indicator", line.indicator().id()).param("unit", t.unit().id())
                .param("period", t.period().identifier()).param("from", t.period().from()).param("to", t.period().to())
                .param("combo", line.optionCombo()).param("value", checked.number()).param("text", checked.text())
                .param("comment", comment).param("submission", submission.id()).param("by", user.username())
                .param("expected", version).query(Written.class).optional()
                .orElseThrow(() -> new ConflictException("value", key));
        audit.record(before == null ? "reporting.value-entered" : "reporting.value-changed", "reporting_value", written.id(),
                t.unit().id(), old,
                AuditTrail.fields("form", t.form().code(), "line", line.number(), "indicator", line.indicator().code(),
                        "categoryOptionCombo", line.optionCombo(), "period", t.period().identifier(),
                        "value", text(ReportValues.display(type, checked.number(), checked.text())), "comment", comment,
                        "version", written.version()));
    }

    /** "Dòng 5 «…» (chỉ tiêu X), cột (1) Số liệu kỳ báo cáo: …" — the reason resolved in the reader's language. */
    static Problem cellProblem(Line line, String columnKey, Problem reason) {
        return new Problem("cell", "reporting.entry.cell-invalid", line.number(), line.label(), line.indicator().code(),
                new DefaultMessageSourceResolvable(new String[] {columnKey}, columnKey),
                new DefaultMessageSourceResolvable(new String[] {reason.messageKey()}, reason.args(), reason.messageKey()));
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b ? "có" : "không";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }
}
