package vn.danvan.petition;

import java.time.LocalDate;

/** An earlier petition of the same petitioner with similar content (0–1, accents ignored). */
public record LikelyDuplicate(long id, String number, String subject, LocalDate receivedOn, String status,
                              String matterNumber, double similarity) {
}
