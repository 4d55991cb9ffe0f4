package vn.danvan.reporting;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.shared.InvalidInputException;

/**
 * Checks a value's option combination against its indicator's category combination. Not
 * transactional, so that a refusal inside an import (one row in conflict) does not mark the import's
 * transaction for rollback.
 */
@Component
class OptionCombos {

    private final JdbcClient jdbc;

    OptionCombos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The option combination as stored: '' without disaggregation; otherwise one option code per
     * category of the indicator's combination, in its order, joined by '.'.
     *
     * @throws InvalidInputException naming {@code categoryOptionCombo}
     */
    String check(Indicator indicator, String given) {
        var combo = given == null ? "" : given.strip().toUpperCase(Locale.ROOT);
        if (indicator.categoryCombo() == null) {
            if (!combo.isEmpty()) {
                throw new InvalidInputException("categoryOptionCombo", "reporting.value.no-categories", indicator.code());
            }
            return "";
        }
        var categories = jdbc.sql("""
                select category from reporting_category_combo_member where combo = :combo order by position
                """).param("combo", indicator.categoryCombo()).query(String.class).list();
        var parts = combo.isEmpty() ? List.<String>of() : List.of(combo.split("\\."));
        if (parts.size() != categories.size()) {
            throw new InvalidInputException("categoryOptionCombo", "reporting.value.combo-shape", combo,
                    String.join(", ", categories));
        }
        for (int i = 0; i < parts.size(); i++) {
            var known = jdbc.sql("select exists (select 1 from reporting_category_option where category = :c and code = :o)")
                    .param("c", categories.get(i)).param("o", parts.get(i)).query(Boolean.class).single();
            if (!known) {
                throw new InvalidInputException("categoryOptionCombo", "reporting.value.option-unknown", parts.get(i),
                        categories.get(i));
            }
        }
        return combo;
    }
}
