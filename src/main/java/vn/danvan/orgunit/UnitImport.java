package vn.danvan.orgunit;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.danvan.audit.AuditTrail;
import vn.danvan.shared.VietnameseText;

/**
 * Applies unit files: lists of units ({@code code,level,kind,name,name_en,parent_code,valid_from,valid_to})
 * and succession files ({@code predecessor_code,predecessor_held_on,successor_code,successor_held_on,effective_on,whole}).
 *
 * <p>A file is checked whole before anything is written; one problem rejects it all, with the row,
 * column and reason of every problem found. A unit row either continues a unit — the unit that
 * held the code the day before {@code valid_from} and is still valid on it — whose name or kind
 * then changes from that day (renamed, upgraded, or spelled with the new tone placement), or
 * establishes a new unit. Each file is applied once.
 */
@Component
public class UnitImport {

    static final List<String> UNIT_COLUMNS = List.of("code", "level", "kind", "name", "parent_code", "valid_from", "valid_to");
    static final List<String> SUCCESSION_COLUMNS = List.of("predecessor_code", "predecessor_held_on", "successor_code",
            "successor_held_on", "effective_on", "whole");

    public record Result(String fileName, int created, int changed, int links) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final UnitStore store;
    private final AuditTrail audit;
    private final OrgUnits units;

    UnitImport(JdbcClient jdbc, JdbcTemplate batch, UnitStore store, AuditTrail audit, OrgUnits units) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.store = store;
        this.audit = audit;
        this.units = units;
    }

    /** Was a file of this name already applied? */
    @Transactional(readOnly = true)
    public boolean isApplied(String fileName) {
        return jdbc.sql("select count(*) from org_unit_import where file_name = :f").param("f", fileName)
                .query(Long.class).single() > 0;
    }

    /**
     * Applies a list of units.
     *
     * @throws UnitFileRejectedException with every problem found; nothing is written then
     */
    @Transactional
    public Result applyUnitFile(String fileName, byte[] content) {
        var table = CsvTable.read(new ByteArrayInputStream(content), UNIT_COLUMNS);
        requireNoProblems(fileName, table.problems);
        requireNotApplied(fileName, table);
        var known = KnownUnits.load(jdbc);
        var plan = new UnitFilePlan(table, known, (unitId, day) -> jdbc.sql("""
                select kind, name, name_en from org_unit_version
                where unit_id = :id and validity @> cast(:day as date)
                """).param("id", unitId).param("day", day).query(UnitFilePlan.Current.class).single());
        requireNoProblems(fileName, table.problems);
        var created = create(plan.creations, fileName);
        var changed = change(plan.changes);
        record(fileName, content, created, changed, 0);
        return new Result(fileName, created, changed, 0);
    }

    /**
     * Applies a list of successions: who passed into whom, on which day, whole or in part.
     *
     * @throws UnitFileRejectedException with every problem found; nothing is written then
     */
    @Transactional
    public Result applySuccessionFile(String fileName, byte[] content) {
        var table = CsvTable.read(new ByteArrayInputStream(content), SUCCESSION_COLUMNS);
        requireNoProblems(fileName, table.problems);
        requireNotApplied(fileName, table);
        var known = KnownUnits.load(jdbc);
        record Edge(KnownUnits.Unit from, KnownUnits.Unit to, LocalDate on, boolean whole) {
        }
        var edges = new ArrayList<Edge>();
        for (var row : table.rows) {
            var from = resolve(table, known, row, "predecessor_code", "predecessor_held_on");
            var to = resolve(table, known, row, "successor_code", "successor_held_on");
            var on = table.date(row, "effective_on");
            if (on == null && row.get("effective_on").isEmpty()) {
                table.problems.add(new UnitFileProblem(row.number(), "effective_on", "required"));
            }
            var whole = row.get("whole").toLowerCase();
            if (!whole.equals("true") && !whole.equals("false")) {
                table.problems.add(new UnitFileProblem(row.number(), "whole", "not-boolean", row.get("whole")));
            }
            if (from.isPresent() && to.isPresent() && on != null) {
                edges.add(new Edge(from.get(), to.get(), on, whole.equals("true")));
            }
        }
        requireNoProblems(fileName, table.problems);
        var successorsOf = new HashMap<Long, Integer>();
        var predecessorsOf = new HashMap<Long, Integer>();
        for (var e : edges) {
            successorsOf.merge(e.from().id(), 1, Integer::sum);
            predecessorsOf.merge(e.to().id(), 1, Integer::sum);
        }
        var names = jdbc.sql("""
                select distinct on (unit_id) unit_id, name from org_unit_version
                order by unit_id, valid_from desc nulls last
                """).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        var args = new ArrayList<Object[]>();
        for (var e : edges) {
            SuccessionKind kind;
            if (successorsOf.get(e.from().id()) > 1) {
                kind = SuccessionKind.SPLIT;
            } else if (predecessorsOf.get(e.to().id()) > 1) {
                kind = SuccessionKind.MERGED;
            } else if (!VietnameseText.sameName(names.get(e.from().id()), names.get(e.to().id()))) {
                kind = SuccessionKind.RENAMED;
            } else {
                kind = SuccessionKind.REORGANISED;
            }
            args.add(new Object[] {e.from().id(), e.to().id(), e.on(), e.whole(), kind.name()});
        }
        batch.batchUpdate("""
                insert into org_unit_succession (predecessor_id, successor_id, effective_on, whole, kind)
                values (?, ?, ?, ?, ?)
                on conflict do nothing
                """, args);
        forgetScopePathsAfterCommit();
        record(fileName, content, 0, 0, args.size());
        return new Result(fileName, 0, 0, args.size());
    }

    /** New successions widen the scope of roles at their successors: cached scope paths are read again. */
    private void forgetScopePathsAfterCommit() {
        units.forgetScopePaths();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    units.forgetScopePaths();
                }
            });
        }
    }

    private static Optional<KnownUnits.Unit> resolve(CsvTable table, KnownUnits known, CsvTable.Row row,
                                                     String codeColumn, String dayColumn) {
        var code = row.get(codeColumn);
        var day = table.date(row, dayColumn);
        if (code.isEmpty()) {
            table.problems.add(new UnitFileProblem(row.number(), codeColumn, "required"));
            return Optional.empty();
        }
        if (day == null) {
            if (row.get(dayColumn).isEmpty()) {
                table.problems.add(new UnitFileProblem(row.number(), dayColumn, "required"));
            }
            return Optional.empty();
        }
        var unit = known.holding(code, day);
        if (unit.isEmpty()) {
            table.problems.add(new UnitFileProblem(row.number(), codeColumn, "unknown-unit", code, day));
        }
        return unit;
    }

    private void requireNotApplied(String fileName, CsvTable table) {
        if (isApplied(fileName)) {
            table.problems.add(new UnitFileProblem(1, "", "already-applied", fileName));
            requireNoProblems(fileName, table.problems);
        }
    }

    private static void requireNoProblems(String fileName, List<UnitFileProblem> problems) {
        if (!problems.isEmpty()) {
            var sorted = new ArrayList<>(problems);
            sorted.sort((a, b) -> Integer.compare(a.row(), b.row()));
            throw new UnitFileRejectedException(fileName, sorted);
        }
    }

    private int create(List<UnitFilePlan.Creation> creations, String source) {
        if (creations.isEmpty()) {
            return 0;
        }
        var ids = store.reserveIds(creations.size());
        var written = new HashMap<UnitFilePlan.Creation, UnitStore.NewRow>();
        var rows = new ArrayList<UnitStore.NewRow>();
        for (int i = 0; i < creations.size(); i++) { // parents come before their children
            var c = creations.get(i);
            long id = ids.get(i);
            Long parentId = null;
            var parentPath = "/";
            int parentDepth = -1;
            if (c.fileParent() != null) {
                var parent = written.get(c.fileParent());
                parentId = parent.id();
                parentPath = parent.path();
                parentDepth = parent.depth();
            } else if (c.knownParent() != null) {
                parentId = c.knownParent().id();
                parentPath = c.knownParent().path();
                parentDepth = c.knownParent().depth();
            }
            var row = new UnitStore.NewRow(id, c.code(), c.kind(), c.level(), parentId, parentPath + id + "/",
                    parentDepth + 1, c.validFrom(), c.validTo(), c.name(), c.nameEn(), source);
            written.put(c, row);
            rows.add(row);
        }
        store.insert(rows);
        return creations.size();
    }

    private int change(List<UnitFilePlan.Change> changes) {
        for (var c : changes) {
            var current = c.current();
            store.changeFrom(c.unit().id(), c.validFrom(), c.kind(), c.name(), c.nameEn(), c.change());
            audit.record("orgunit." + c.change().name().toLowerCase(), "org_unit", c.unit().id(), c.unit().id(),
                    AuditTrail.fields("name", current.name(), "kind", current.kind().name()),
                    AuditTrail.fields("name", c.name(), "kind", c.kind().name(), "validFrom", c.validFrom().toString()));
        }
        return changes.size();
    }

    private void record(String fileName, byte[] content, int created, int changed, int links) {
        jdbc.sql("""
                insert into org_unit_import (file_name, sha256, applied_by, units_created, units_changed, links_created)
                values (:file, :sha, :by, :created, :changed, :links)
                """)
                .param("file", fileName).param("sha", sha256(content))
                .param("by", AuditTrail.currentActor())
                .param("created", created).param("changed", changed).param("links", links)
                .update();
        audit.record("orgunit.file-imported", "org_unit_import", fileName, null, null,
                AuditTrail.fields("file", fileName, "unitsCreated", created, "unitsChanged", changed, "linksCreated", links));
    }


    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
