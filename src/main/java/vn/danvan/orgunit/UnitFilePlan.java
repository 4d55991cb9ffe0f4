package vn.danvan.orgunit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.StringUtils;
import vn.danvan.shared.VietnameseText;

/**
 * What a unit file would do, worked out and checked before anything is written: the units it
 * establishes (parents before children) and the changes of name or kind of units it continues.
 * Problems go into the table's problem list.
 */
final class UnitFilePlan {

    /** A unit the file establishes; its parent is either in the file or already stored. */
    static final class Creation {
        private final String code;
        private final UnitLevel level;
        private final UnitKind kind;
        private final String name;
        private final String nameEn;
        private final LocalDate validFrom;
        private final LocalDate validTo;
        private final String parentCode;
        private final int row;
        private Creation fileParent;
        private KnownUnits.Unit knownParent;

        Creation(int row, String code, UnitLevel level, UnitKind kind, String name, String nameEn, String parentCode,
                 LocalDate validFrom, LocalDate validTo) {
            this.row = row;
            this.code = code;
            this.level = level;
            this.kind = kind;
            this.name = name;
            this.nameEn = nameEn;
            this.parentCode = parentCode;
            this.validFrom = validFrom;
            this.validTo = validTo;
        }

        String code() { return code; }
        UnitLevel level() { return level; }
        UnitKind kind() { return kind; }
        String name() { return name; }
        String nameEn() { return nameEn; }
        LocalDate validFrom() { return validFrom; }
        LocalDate validTo() { return validTo; }
        Creation fileParent() { return fileParent; }
        KnownUnits.Unit knownParent() { return knownParent; }

        /** The day the parent must be valid on: the first day, else the last, else "still valid". */
        LocalDate parentDay() {
            return validFrom != null ? validFrom : validTo;
        }
    }

    record Current(UnitKind kind, String name, String nameEn) {
    }

    record Change(KnownUnits.Unit unit, Current current, LocalDate validFrom, UnitKind kind, String name, String nameEn,
                  UnitChange change) {
    }

    final List<Creation> creations = new ArrayList<>();
    final List<Change> changes = new ArrayList<>();

    UnitFilePlan(CsvTable table, KnownUnits known, java.util.function.BiFunction<Long, LocalDate, Current> versionOn) {
        var candidates = new ArrayList<Creation>();
        for (var row : table.rows) {
            parse(table, row).ifPresent(candidates::add);
        }
        checkDuplicates(table, candidates);
        var created = new HashMap<String, List<Creation>>();
        for (var c : candidates) {
            var continued = c.validFrom() == null ? Optional.<KnownUnits.Unit>empty()
                    : known.holding(c.code(), c.validFrom().minusDays(1)).filter(u -> u.validOn(c.validFrom()));
            if (continued.isPresent()) {
                planChange(table, known, c, continued.get(), versionOn).ifPresent(changes::add);
            } else {
                known.overlapping(c.code(), c.validFrom(), c.validTo()).ifPresent(u ->
                        table.problems.add(new UnitFileProblem(c.row, "code", "code-taken", c.code())));
                creations.add(c);
                created.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
            }
        }
        for (var c : creations) {
            linkParent(table, known, created, c);
        }
        orderParentsFirst();
    }

    private static Optional<Creation> parse(CsvTable table, CsvTable.Row row) {
        int problemsBefore = table.problems.size();
        var code = row.get("code");
        if (code.isEmpty()) {
            table.problems.add(new UnitFileProblem(row.number(), "code", "required"));
        }
        UnitLevel level = enumValue(table, row, "level", UnitLevel.class);
        UnitKind kind = enumValue(table, row, "kind", UnitKind.class);
        if (level != null && kind != null && !kind.allowedAt(level)) {
            table.problems.add(new UnitFileProblem(row.number(), "kind", "kind-level-mismatch", kind, level));
        }
        var name = row.get("name");
        if (name.isEmpty()) {
            table.problems.add(new UnitFileProblem(row.number(), "name", "required"));
        }
        var from = table.date(row, "valid_from");
        var to = table.date(row, "valid_to");
        if (from != null && to != null && from.isAfter(to)) {
            table.problems.add(new UnitFileProblem(row.number(), "valid_to", "dates-reversed", row.get("valid_from"), row.get("valid_to")));
        }
        var parentCode = row.get("parent_code");
        if (parentCode.isEmpty() && level != null && level != UnitLevel.CENTRAL) {
            table.problems.add(new UnitFileProblem(row.number(), "parent_code", "required"));
        }
        if (table.problems.size() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Creation(row.number(), code, level, kind, capitalised(name),
                StringUtils.hasText(row.get("name_en")) ? row.get("name_en") : null, parentCode, from, to));
    }

    /** Official names start with a capital: "xã Bắc Sơn" is "Xã Bắc Sơn". */
    static String capitalised(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(java.util.Locale.forLanguageTag("vi")) + name.substring(1);
    }

    private static <E extends Enum<E>> E enumValue(CsvTable table, CsvTable.Row row, String column, Class<E> type) {
        var value = row.get(column);
        try {
            return Enum.valueOf(type, value.toUpperCase());
        } catch (IllegalArgumentException e) {
            table.problems.add(new UnitFileProblem(row.number(), column, value.isEmpty() ? "required" : "unknown-" + column, value));
            return null;
        }
    }

    private static void checkDuplicates(CsvTable table, List<Creation> candidates) {
        var byCode = new HashMap<String, List<Creation>>();
        for (var c : candidates) {
            var same = byCode.computeIfAbsent(c.code(), k -> new ArrayList<>());
            for (var other : same) {
                if (KnownUnits.overlaps(other.validFrom(), other.validTo(), c.validFrom(), c.validTo())) {
                    table.problems.add(new UnitFileProblem(c.row, "code", "duplicate-code", c.code(), other.row));
                    break;
                }
            }
            same.add(c);
        }
    }

    private static Optional<Change> planChange(CsvTable table, KnownUnits known, Creation c, KnownUnits.Unit unit,
                                               java.util.function.BiFunction<Long, LocalDate, Current> versionOn) {
        if (unit.level() != c.level()) {
            table.problems.add(new UnitFileProblem(c.row, "level", "level-change", unit.level(), c.level()));
            return Optional.empty();
        }
        var parent = known.byId(unit.parentId());
        if (parent.isPresent() && !parent.get().code().equals(c.parentCode)) {
            table.problems.add(new UnitFileProblem(c.row, "parent_code", "parent-change", parent.get().code(), c.parentCode));
            return Optional.empty();
        }
        var current = versionOn.apply(unit.id(), c.validFrom().minusDays(1));
        UnitChange change;
        if (current.kind() != c.kind()) {
            change = UnitChange.UPGRADED;
        } else if (!VietnameseText.sameName(current.name(), c.name())) {
            change = UnitChange.RENAMED;
        } else if (!current.name().equals(c.name())) {
            change = UnitChange.SPELLING;
        } else {
            return Optional.empty(); // the English name alone is not a change of the unit
        }
        return Optional.of(new Change(unit, current, c.validFrom(), c.kind(), c.name(), c.nameEn(), change));
    }

    private static void linkParent(CsvTable table, KnownUnits known, Map<String, List<Creation>> created, Creation c) {
        if (c.parentCode.isEmpty()) {
            return;
        }
        var day = c.parentDay();
        var inFile = created.getOrDefault(c.parentCode, List.of()).stream()
                .filter(p -> p != c && KnownUnits.covers(p.validFrom(), p.validTo(), day)).findFirst();
        if (inFile.isPresent()) {
            c.fileParent = inFile.get();
            return;
        }
        var stored = day == null
                ? known.stillValid(c.parentCode)
                : known.holding(c.parentCode, day);
        if (stored.isPresent()) {
            c.knownParent = stored.get();
        } else {
            table.problems.add(new UnitFileProblem(c.row, "parent_code", "unknown-parent", c.parentCode,
                    day == null ? "" : day));
        }
    }

    /** Puts every unit after its parent in the file. */
    private void orderParentsFirst() {
        var ordered = new LinkedHashSet<Creation>();
        for (var c : creations) {
            var chain = new ArrayList<Creation>();
            var p = c;
            while (p != null && !ordered.contains(p) && !chain.contains(p)) {
                chain.add(p);
                p = p.fileParent();
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                ordered.add(chain.get(i));
            }
        }
        creations.clear();
        creations.addAll(ordered);
    }
}
