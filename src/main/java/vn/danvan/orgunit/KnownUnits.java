package vn.danvan.orgunit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The units already stored, by code, for checking and linking a unit file in memory. */
final class KnownUnits {

    record Unit(long id, String code, UnitLevel level, Long parentId, String path, int depth, LocalDate validFrom,
                LocalDate validTo) {

        boolean validOn(LocalDate day) {
            return covers(validFrom, validTo, day);
        }
    }

    private final Map<String, List<Unit>> byCode = new HashMap<>();
    private final Map<Long, Unit> byId = new HashMap<>();

    static KnownUnits load(JdbcClient jdbc) {
        var known = new KnownUnits();
        jdbc.sql("select id, code, level, parent_id, path, depth, valid_from, valid_to from org_unit")
                .query(Unit.class).list()
                .forEach(u -> {
                    known.byCode.computeIfAbsent(u.code(), c -> new ArrayList<>()).add(u);
                    known.byId.put(u.id(), u);
                });
        return known;
    }

    Optional<Unit> holding(String code, LocalDate day) {
        return byCode.getOrDefault(code, List.of()).stream().filter(u -> u.validOn(day)).findFirst();
    }

    /** The stored unit holding the code with no end (still valid). */
    Optional<Unit> stillValid(String code) {
        return byCode.getOrDefault(code, List.of()).stream().filter(u -> u.validTo() == null).findFirst();
    }

    /** A stored unit holding the code at some time in [from, to]. */
    Optional<Unit> overlapping(String code, LocalDate from, LocalDate to) {
        return byCode.getOrDefault(code, List.of()).stream()
                .filter(u -> overlaps(u.validFrom(), u.validTo(), from, to)).findFirst();
    }

    Optional<Unit> byId(Long id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    /** Does [from, to] (null = open) contain day? A null day stands for "after every day". */
    static boolean covers(LocalDate from, LocalDate to, LocalDate day) {
        if (day == null) {
            return to == null;
        }
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    static boolean overlaps(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
        boolean aStartsAfterBEnds = aFrom != null && bTo != null && aFrom.isAfter(bTo);
        boolean bStartsAfterAEnds = bFrom != null && aTo != null && bFrom.isAfter(aTo);
        return !aStartsAfterBEnds && !bStartsAfterAEnds;
    }
}
