package vn.danvan.form;

import java.util.List;

/**
 * A numbered column of a form: its number in the "MS" row, its header path from the top header row
 * down (adjacent columns sharing a prefix share the merged header cells), the measure that fills it
 * ({@code null} for a note column such as "Ghi chú") and the kind of value: a count, money in million
 * VND or land in m².
 */
public record FormColumn(int number, List<String> header, String measure, ValueKind kind) {

    public enum ValueKind {
        COUNT, MONEY, LAND
    }

    public FormColumn {
        header = List.copyOf(header);
        kind = kind == null ? ValueKind.COUNT : kind;
    }

    public boolean isNote() {
        return measure == null;
    }

    public String label() {
        return header.get(header.size() - 1);
    }
}
