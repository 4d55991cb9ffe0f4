package vn.danvan.reporting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;

/**
 * What one import reads to check its rows, read once per import inside its transaction and shared by
 * the lock check ({@link ValueLocks}) and the rows' checks ({@link ValueImports}): every indicator the
 * rows name in one query, and the units of each period end in one query. Lives as long as the import:
 * nothing is kept between requests.
 */
final class ImportLookups {

    private final Map<String, Indicator> indicators;
    private final OrgUnits units;
    private final Map<LocalDate, Map<String, OrgUnit>> unitsByDay = new HashMap<>();
    private final Map<LocalDate, java.util.Set<String>> askedByDay = new HashMap<>();

    ImportLookups(Indicators indicators, Collection<String> indicatorCodes, OrgUnits units) {
        this.indicators = indicators.findAll(indicatorCodes);
        this.units = units;
    }

    /** The indicator of a code as {@link Indicators#find} answers it (empty for null or an unknown code). */
    Optional<Indicator> indicator(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(indicators.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** The units holding the codes on the day, by code ({@link OrgUnits#findAllByCode}); asked again, answered from the first read. */
    Map<String, OrgUnit> units(LocalDate day, Collection<String> codes) {
        var asked = askedByDay.computeIfAbsent(day, d -> new java.util.HashSet<>());
        var known = unitsByDay.computeIfAbsent(day, d -> new HashMap<>());
        var missing = codes.stream().map(String::strip).filter(c -> !asked.contains(c)).toList();
        if (!missing.isEmpty()) {
            known.putAll(units.findAllByCode(missing, day));
            asked.addAll(missing);
        }
        return known;
    }
}
