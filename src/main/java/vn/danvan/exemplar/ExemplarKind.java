package vn.danvan.exemplar;

/** Mô hình tập thể or điển hình cá nhân. */
public enum ExemplarKind {
    COLLECTIVE, INDIVIDUAL;

    /** The prefix of the registry number: MH (mô hình) or DH (điển hình). */
    String numberPrefix() {
        return this == COLLECTIVE ? "MH" : "DH";
    }
}
