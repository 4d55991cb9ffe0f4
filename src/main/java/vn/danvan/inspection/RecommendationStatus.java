package vn.danvan.inspection;

/**
 * Where a recommendation stands, derived from its plan task and this module's verdict (see
 * {@link RecommendationRules#status}); labels {@code inspection.recommendation.status.<NAME>}.
 */
public enum RecommendationStatus {
    /** Chưa thực hiện. */
    NOT_STARTED,
    /** Đang thực hiện. */
    IN_PROGRESS,
    /** Quá hạn: past its deadline and not reported done. */
    OVERDUE,
    /** Đã báo cáo hoàn thành — chờ chấp nhận. */
    REPORTED_DONE,
    /** Đã chấp nhận: done, and accepted by the inspecting body. */
    ACCEPTED,
    /** Bị trả lại: the inspecting body did not accept the reported completion; open again. */
    SENT_BACK,
    /** Đã hủy. */
    CANCELLED;

    /** Still owed by the responsible unit (not accepted, not cancelled). */
    public boolean owed() {
        return this != ACCEPTED && this != CANCELLED;
    }
}
