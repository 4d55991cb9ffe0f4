package vn.danvan.reporting;

/**
 * An indicator to define or its new state. {@code periodType} is a period identifier whose type
 * values must have ("2024Q1": quarters; "2024TTQ1": the inspection sector's quarters; blank: any);
 * {@code source} defaults to ENTERED, or COMPUTED when a ratio or a published figure is named.
 */
public record IndicatorInput(String code, String name, String nameEn, String description, ValueType valueType,
                             Aggregation aggregation, IndicatorSource source, String periodType, String numerator,
                             String denominator, String provider, String measure, String categoryCombo) {
}
