package vn.danvan.exemplar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.exemplar.ExemplarFields.FieldOfWork;
import vn.danvan.exemplar.ExemplarManagement.ExemplarRef;
import vn.danvan.exemplar.ExemplarSheet.CellProblem;
import vn.danvan.exemplar.ExemplarSheet.Column;
import vn.danvan.exemplar.ExemplarSheet.ReadRow;
import vn.danvan.identity.CurrentUser;
import vn.danvan.orgunit.OrgUnits;

/**
 * Imports the registration spreadsheet: reads every row, checks each against the registry's rules
 * ({@link ExemplarManagement#problemsRegistering}: required fields, dates, numbers, the unit valid on
 * the day of registration and writable by the user) and against the other rows (the same model
 * twice), and only then registers. A file with problems imports nothing and answers every row,
 * column and reason, unless the user asked for the valid rows only: those are then registered
 * together in one transaction (each through {@link ExemplarManagement#register}, with its history
 * and audit), and the rest is reported.
 */
@Component
class ExemplarImport {

    /** A problem of the file: the row (1-based, as the spreadsheet shows it; 0 for the whole file), column and reason. */
    public record Problem(int row, String column, String header, String messageKey, Object... args) {
    }

    /**
     * What became of a file.
     *
     * @param rows     the rows read
     * @param imported the models registered (empty when the file was refused)
     * @param problems every problem found, by row
     */
    public record Outcome(int rows, List<ExemplarRef> imported, List<Problem> problems) {

        public boolean refused() {
            return imported.isEmpty() && !problems.isEmpty();
        }

        public long rowsWithProblems() {
            return problems.stream().mapToInt(Problem::row).filter(r -> r > 0).distinct().count();
        }
    }

    private final ExemplarManagement management;
    private final ExemplarFields fields;
    private final OrgUnits units;
    private final ExemplarQueries queries;
    private final MessageSource messages;
    private final Clock clock;

    ExemplarImport(ExemplarManagement management, ExemplarQueries queries, ExemplarFields fields, OrgUnits units,
                   MessageSource messages, Clock clock) {
        this.management = management;
        this.queries = queries;
        this.fields = fields;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    byte[] template() {
        return ExemplarTemplate.template(lookups());
    }

    /**
     * @param onlyValid register the valid rows even when others have problems
     */
    @Transactional
    public Outcome importFile(String fileName, byte[] bytes, boolean onlyValid, CurrentUser user) {
        var read = ExemplarSheet.read(fileName, bytes, lookups());
        if (read.fileProblem() != null) {
            return new Outcome(0, List.of(), List.of(new Problem(0, null, null, read.fileProblem(), read.args())));
        }
        var problems = new ArrayList<Problem>();
        var valid = new ArrayList<ReadRow>();
        var seen = new HashMap<String, Integer>();
        for (var row : read.rows()) {
            var rowProblems = check(row, user);
            var key = duplicateKey(row);
            if (key != null) {
                var first = seen.putIfAbsent(key, row.row());
                if (first != null) {
                    rowProblems.add(new Problem(row.row(), null, null, "exemplar.import.duplicate-row", first));
                } else {
                    queries.registeredAlready(row.input()).ifPresent(number ->
                            rowProblems.add(new Problem(row.row(), null, null, "exemplar.import.registered-already", number)));
                }
            }
            if (rowProblems.isEmpty()) {
                valid.add(row);
            }
            problems.addAll(rowProblems);
        }
        if (!problems.isEmpty() && !onlyValid) {
            return new Outcome(read.rows().size(), List.of(), problems);
        }
        var imported = new ArrayList<ExemplarRef>();
        for (var row : valid) {
            imported.add(management.register(row.input(), user));
        }
        return new Outcome(read.rows().size(), imported, problems);
    }

    /** The cells' problems, then the registry's rules for what the cells gave (a column already wrong is not told twice). */
    private List<Problem> check(ReadRow row, CurrentUser user) {
        var problems = new ArrayList<Problem>();
        for (CellProblem p : row.problems()) {
            problems.add(problem(row.row(), p.column(), p.messageKey(), p.args()));
        }
        var told = new java.util.HashSet<Column>();
        row.problems().forEach(p -> told.add(p.column()));
        for (var p : management.problemsRegistering(row.input(), user)) {
            var column = Column.ofField(p.field()).orElse(null);
            if (column != null && told.contains(column)) {
                continue;
            }
            problems.add(problem(row.row(), column, p.messageKey(), p.args()));
        }
        return problems;
    }

    private static Problem problem(int row, Column column, String key, Object... args) {
        return new Problem(row, column == null ? null : column.letter(), column == null ? null : column.header, key, args);
    }

    /** Two rows registering the same model: same kind, name, unit and person. */
    static String duplicateKey(ReadRow row) {
        var in = row.input();
        if (in.name() == null || in.unitId() == null) {
            return null;
        }
        return in.kind() + "|" + ExemplarSheet.key(in.name()) + "|" + in.unitId() + "|" + ExemplarSheet.key(in.personName());
    }

    /** Problems as text for a page or the API: "Dòng 5, cột I (Ngày đăng ký): …". */
    List<Map<String, Object>> describe(List<Problem> problems, Locale locale) {
        var list = new ArrayList<Map<String, Object>>();
        for (var p : problems) {
            var map = new LinkedHashMap<String, Object>();
            map.put("row", p.row());
            map.put("column", p.column());
            map.put("header", p.header());
            map.put("message", messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale));
            list.add(map);
        }
        return list;
    }

    ExemplarSheet.Lookups lookups() {
        var vi = Locale.forLanguageTag("vi");
        List<FieldOfWork> all = fields.all();
        var today = LocalDate.now(clock);
        return new ExemplarSheet.Lookups() {
            @Override
            public Optional<Long> unitId(String code, LocalDate on) {
                return units.findByCode(code, on).map(u -> u.id());
            }

            @Override
            public List<FieldOfWork> fields() {
                return all;
            }

            @Override
            public String label(String key) {
                return messages.getMessage(key, null, key, vi);
            }

            @Override
            public LocalDate today() {
                return today;
            }
        };
    }
}
