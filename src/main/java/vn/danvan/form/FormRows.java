package vn.danvan.form;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A provider's answer: the reporting unit's code and name, and the rows, total first. */
public record FormRows(String unitCode, String unitName, List<FormRow> rows) {

    /** A unit as a form row names it. */
    public record UnitLabel(String code, String name) {
    }

    /**
     * The rows of a provider that counts per unit: the total first (each measure summed over the units, whose counts
     * are disjoint), then one row per unit in Vietnamese name order, carrying its id; a unit without a label reads "?".
     */
    public static FormRows perUnit(String rootCode, String rootName, Set<String> measures,
                                   Map<Long, Map<String, BigDecimal>> values, Map<Long, UnitLabel> labels) {
        var rows = new ArrayList<FormRow>();
        var total = new LinkedHashMap<String, BigDecimal>();
        for (var key : measures) {
            total.put(key, values.values().stream().map(v -> v.getOrDefault(key, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        rows.add(new FormRow(RowKind.TOTAL, rootCode, rootName, 0, total));
        var collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        values.keySet().stream()
                .sorted(Comparator.comparing((Long id) -> labels.containsKey(id) ? labels.get(id).name() : "", collator))
                .forEach(id -> {
                    var label = labels.get(id);
                    rows.add(new FormRow(RowKind.UNIT, label == null ? null : label.code(), label == null ? "?" : label.name(), 1,
                            values.get(id), id));
                });
        return new FormRows(rootCode, rootName, rows);
    }
}
