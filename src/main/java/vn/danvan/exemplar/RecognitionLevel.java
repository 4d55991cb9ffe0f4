package vn.danvan.exemplar;

import java.time.LocalDate;

/**
 * The level of the steering committee that recognised a model. District recognitions exist only
 * until the district level was abolished (30/06/2025).
 */
public enum RecognitionLevel {
    COMMUNE, DISTRICT, PROVINCE, CENTRAL;

    static final LocalDate LAST_DISTRICT_DAY = LocalDate.of(2025, 6, 30);

    boolean existsOn(LocalDate day) {
        return this != DISTRICT || !day.isAfter(LAST_DISTRICT_DAY);
    }
}
