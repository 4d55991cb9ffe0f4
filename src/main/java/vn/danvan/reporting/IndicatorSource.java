package vn.danvan.reporting;

/** ENTERED by units; COMPUTED from a case module's published figure or as a ratio of two indicators. */
public enum IndicatorSource {
    ENTERED, COMPUTED
}
