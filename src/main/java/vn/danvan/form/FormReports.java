package vn.danvan.form;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/** Fills a form for a unit's subtree and a period through its provider, and checks its identities. */
@Service
public class FormReports {

    /** The longest period a form covers: five years and a few days (the five-year summaries). */
    static final int MAX_DAYS = 5 * 366 + 31;

    private final FormDefinitions definitions;

    FormReports(FormDefinitions definitions) {
        this.definitions = definitions;
    }

    /**
     * @param unitCode the code of the unit whose subtree is reported, or {@code null}
     * @param unitId or its id; neither: the user's own unit
     * @throws InvalidInputException naming {@code from}/{@code to} when the period is missing or reversed
     * @throws NotFoundException for an unknown form, or a unit the user may not read
     */
    public FormResult fill(String code, String unitCode, Long unitId, LocalDate from, LocalDate to, Principal user) {
        checkPeriod(from, to);
        var definition = definitions.applicable(code, to);
        var provider = definitions.provider(definition.provider())
                .orElseThrow(() -> new NotFoundException("form", code));
        var measures = new LinkedHashSet<String>();
        definition.columns().stream().filter(c -> !c.isNote()).forEach(c -> measures.add(c.measure()));
        var filled = provider.rows(new FormQuery(definition.code(), measures, definition.parameters(),
                blankToNull(unitCode), unitId, from, to, user));
        var rows = filled.rows().stream().map(r -> {
            var values = new LinkedHashMap<Integer, BigDecimal>();
            for (var column : definition.columns()) {
                if (!column.isNote()) {
                    values.put(column.number(), r.value(column.measure()));
                }
            }
            return new FormResult.Row(r.kind(), r.unitCode(), r.label(), r.depth(), values);
        }).toList();
        var checks = definition.parsedIdentities().stream().map(identity -> new FormResult.IdentityCheck(
                identity.text(), rows.stream().filter(r -> !identity.holds(r.values())).map(FormResult.Row::label)
                        .toList()))
                .toList();
        return new FormResult(definition, filled.unitCode(), filled.unitName(), from, to, rows, checks);
    }

    /**
     * The records behind the figure of a column, for one unit row or (no row) the whole subtree.
     *
     * @throws InvalidInputException naming {@code column} when it is not a numbered figure of the form
     */
    public FormRecords records(String code, String unitCode, Long unitId, LocalDate from, LocalDate to, int columnNumber,
                               String rowUnitCode, Principal user, int limit) {
        checkPeriod(from, to);
        var definition = definitions.applicable(code, to);
        var column = definition.column(columnNumber).filter(c -> !c.isNote())
                .orElseThrow(() -> new InvalidInputException("column", "form.column.unknown", columnNumber));
        var provider = definitions.provider(definition.provider()).orElseThrow(() -> new NotFoundException("form", code));
        var query = new FormQuery(definition.code(), java.util.Set.of(column.measure()), definition.parameters(),
                blankToNull(unitCode), unitId, from, to, user);
        var found = provider.records(query, column.measure(), blankToNull(rowUnitCode), limit + 1);
        var truncated = found.size() > limit;
        return new FormRecords(definition, column, blankToNull(rowUnitCode), from, to,
                truncated ? found.subList(0, limit) : found, truncated);
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        var problems = new ArrayList<InvalidInputException.Problem>();
        if (from == null) {
            problems.add(new InvalidInputException.Problem("from", "validation.required"));
        }
        if (to == null) {
            problems.add(new InvalidInputException.Problem("to", "validation.required"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new InvalidInputException.Problem("to", "form.period.reversed"));
        }
        if (from != null && to != null && from.plusDays(MAX_DAYS).isBefore(to)) {
            problems.add(new InvalidInputException.Problem("to", "form.period.too-long"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
