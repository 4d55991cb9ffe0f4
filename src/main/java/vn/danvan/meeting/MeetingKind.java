package vn.danvan.meeting;

/** Kinds of conference; labels {@code meeting.kind.<NAME>}. */
public enum MeetingKind {
    /** Giao ban quý. */
    QUARTERLY_BRIEFING,
    /** Sơ kết 6 tháng. */
    SIX_MONTH_REVIEW,
    /** Tổng kết năm. */
    ANNUAL_REVIEW,
    /** Tổng kết nhiều năm thực hiện một văn bản, chương trình. */
    MULTI_YEAR_REVIEW,
    /** Làm việc với đoàn kiểm tra, đoàn công tác. */
    INSPECTION_WORKING_SESSION,
    /** Hội nghị chuyên đề. */
    THEMATIC,
    /** Lễ ký kết. */
    SIGNING_CEREMONY,
    /** Hội nghị đối thoại của người đứng đầu cấp ủy, chính quyền với Nhân dân (its particulars are module dialogue's). */
    DIALOGUE
}
