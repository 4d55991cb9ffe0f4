package vn.danvan.person;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A person's title on a day: the positions held that day (from ≤ day ≤ to, either end open), in
 * their order, joined with ", " — "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh". Empty when the person
 * held no recorded position that day.
 */
final class Titles {

    private Titles() {
    }

    /** One recorded position. {@code from} null: since before any record; {@code to} null: still held. */
    record Held(String title, LocalDate from, LocalDate to, int ordinal) {

        boolean heldOn(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }
    }

    static String on(List<Held> positions, LocalDate day) {
        return String.join(", ", positions.stream()
                .filter(p -> p.heldOn(day))
                .sorted(Comparator.comparingInt(Held::ordinal).thenComparing(Held::from, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(Held::title)
                .distinct()
                .toList());
    }
}
