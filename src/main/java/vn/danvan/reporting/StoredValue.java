package vn.danvan.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A value as stored, with the unit that holds it, its version and who saved it last. */
public record StoredValue(String indicator, String unit, String unitName, String period, LocalDate from, LocalDate to,
                          String categoryOptionCombo, Object value, int version, String updatedBy, OffsetDateTime updatedAt) {
}
