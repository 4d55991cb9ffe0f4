package vn.danvan.petition;

import java.time.LocalDate;

/** A temporary suspension (tạm đình chỉ) of a matter; {@code toDay} is null while it lasts. */
public record Suspension(LocalDate fromDay, LocalDate toDay, String reason) {
}
