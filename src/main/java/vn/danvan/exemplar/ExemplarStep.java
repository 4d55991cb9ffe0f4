package vn.danvan.exemplar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One step in a model's life. Which parts matter depends on the action: an assessment names its
 * assessor and criteria scores; a recognition its level, decision and issuer (and whether the model
 * is typical); a commendation its form, decision and issuer. {@code version} is the version the
 * officer read: a model changed meanwhile by someone else is not overwritten.
 */
public record ExemplarStep(ExemplarAction action, LocalDate day, String note, Integer version,
                           String assessor, List<Criterion> criteria, Boolean passed,
                           RecognitionLevel level, Boolean typical, String decisionNumber, String issuer,
                           CommendationForm form) {

    /** One assessment criterion with its score and maximum. */
    public record Criterion(String name, BigDecimal score, BigDecimal max) {
    }

    public ExemplarStep {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    public static ExemplarStep simple(ExemplarAction action, LocalDate day, String note, Integer version) {
        return new ExemplarStep(action, day, note, version, null, List.of(), null, null, null, null, null, null);
    }
}
