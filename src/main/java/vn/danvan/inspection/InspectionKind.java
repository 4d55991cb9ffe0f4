package vn.danvan.inspection;

/** Inspection (kiểm tra) or supervision (giám sát); labels {@code inspection.kind.<NAME>}. */
public enum InspectionKind {
    INSPECTION, SUPERVISION
}
