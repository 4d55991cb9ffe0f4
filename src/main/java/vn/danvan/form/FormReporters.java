package vn.danvan.form;

import java.util.List;

/**
 * Who reports a form: the unit levels ({@code COMMUNE}, {@code PROVINCE} …) and, optionally, the unit
 * kinds ({@code WARD}, {@code MASS_MOBILISATION_COMMISSION} …); empty: any.
 */
public record FormReporters(List<String> levels, List<String> kinds) {

    public FormReporters {
        levels = levels == null ? List.of() : List.copyOf(levels);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    public boolean includes(String level, String kind) {
        return (levels.isEmpty() || levels.contains(level)) && (kinds.isEmpty() || kinds.contains(kind));
    }
}
