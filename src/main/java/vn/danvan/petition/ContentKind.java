package vn.danvan.petition;

/** Classification by content (Thông tư 05/2021/TT-TTCP, Điều 6). Labels: {@code petition.content-kind.<NAME>}. */
public enum ContentKind {
    COMPLAINT, DENUNCIATION, RECOMMENDATION, REFLECTION, MULTIPLE;

    /** Complaints and denunciations are accepted (thụ lý) and resolved by a decision or a conclusion. */
    public boolean isResolvedByDecision() {
        return this == COMPLAINT || this == DENUNCIATION;
    }
}
