package vn.danvan.reporting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;

/**
 * What one import reads to check its rows, read once per import inside its transaction and shared by
 * the lock check ({@link ValueLocks}) and the rows' checks ({@link ValueImports}): every indicator the
 * rows name in one query, and every unit holding one of the rows' codes on one of their period ends in
 * one query ({@link OrgUnits#holdersBetween}: one probe per code, the unit of each period end picked
 * from its holders here) — an import of five quarters made five queries of one probe per code and
 * quarter before. Lives as long as the import: nothing is kept between requests.
 */
final class ImportLookups {

    /** The holders of a code read over [from, to]. */
    private record Holders(LocalDate from, LocalDate to, List<OrgUnit> units) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    private final Map<String, Indicator> indicators;
    private final OrgUnits units;
    private final Map<String, Holders> holders = new HashMap<>();

    ImportLookups(Indicators indicators, Collection<String> indicatorCodes, OrgUnits units) {
        this.indicators = indicators.findAll(indicatorCodes);
        this.units = units;
    }

    /** The indicator of a code as {@link Indicators#find} answers it (empty for null or an unknown code). */
    Optional<Indicator> indicator(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(indicators.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * For each day, the units holding the codes on that day, by code (as {@link OrgUnits#findAllByCode} answers
     * for one day); a code no unit holds that day is absent. Codes not read yet for their days are read in one query.
     */
    Map<LocalDate, Map<String, OrgUnit>> units(Map<LocalDate, ? extends Collection<String>> codesByDay) {
        Set<String> missing = new HashSet<>();
        LocalDate from = null;
        LocalDate to = null;
        for (var e : codesByDay.entrySet()) {
            for (var code : e.getValue()) {
                var known = holders.get(code.strip());
                if (known == null || !known.covers(e.getKey())) {
                    missing.add(code.strip());
                    from = from == null || e.getKey().isBefore(from) ? e.getKey() : from;
                    to = to == null || e.getKey().isAfter(to) ? e.getKey() : to;
                }
            }
        }
        if (!missing.isEmpty()) {
            var read = new HashMap<String, List<OrgUnit>>();
            missing.forEach(code -> read.put(code, new java.util.ArrayList<>()));
            for (var unit : units.holdersBetween(missing, from, to)) {
                read.computeIfAbsent(unit.code(), c -> new java.util.ArrayList<>()).add(unit);
            }
            for (var e : read.entrySet()) {
                holders.put(e.getKey(), new Holders(from, to, e.getValue()));
            }
        }
        var result = new HashMap<LocalDate, Map<String, OrgUnit>>();
        codesByDay.forEach((day, codes) -> {
            var byCode = new HashMap<String, OrgUnit>();
            for (var code : codes) {
                holders.get(code.strip()).units().stream().filter(u -> u.validOn(day)).findFirst()
                        .ifPresent(u -> byCode.put(code.strip(), u));
            }
            result.put(day, byCode);
        });
        return result;
    }
}
