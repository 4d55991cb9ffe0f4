package vn.danvan.inspection;

/** Regular (thường xuyên, in the yearly plan) or thematic (chuyên đề); labels {@code inspection.mode.<NAME>}. */
public enum InspectionMode {
    REGULAR, THEMATIC
}
