package vn.danvan.reporting;

import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;

/**
 * An indicator as defined. {@code periodKind}/{@code periodCut} are the period type values are
 * entered for (null: any); {@code numerator}/{@code denominator} the codes a ratio divides;
 * {@code provider}/{@code measure} the published figure a computed indicator reads.
 */
public record Indicator(long id, String code, String name, String nameEn, String description, ValueType valueType,
                        Aggregation aggregation, IndicatorSource source, ReportPeriod.Kind periodKind, PeriodCut periodCut,
                        String numerator, String denominator, String provider, String measure, String categoryCombo,
                        int version) {

    public boolean isRatio() {
        return aggregation == Aggregation.RATIO;
    }

    public boolean readsFigure() {
        return provider != null;
    }

    public boolean isEntered() {
        return source == IndicatorSource.ENTERED;
    }

    /** The period type as an identifier pattern for screens: "2024Q1", "2024TTQ1" or "bất kỳ" (null). */
    public String periodExample() {
        if (periodKind == null) {
            return null;
        }
        var example = switch (periodKind) {
            case MONTH -> new ReportPeriod(periodKind, 2024, 3, periodCut);
            case QUARTER -> new ReportPeriod(periodKind, 2024, 1, periodCut);
            case SIX_MONTHS -> new ReportPeriod(periodKind, 2024, 1, periodCut);
            case TERM -> new ReportPeriod(periodKind, 2021, 2026, periodCut);
            default -> new ReportPeriod(periodKind, 2024, 1, periodCut);
        };
        return example.identifier();
    }
}
