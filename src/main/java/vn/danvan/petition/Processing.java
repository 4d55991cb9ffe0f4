package vn.danvan.petition;

/**
 * The officer's processing of a petition (xử lý đơn, Thông tư 05/2021/TT-TTCP): classification by
 * content, field, eligibility and competence, and the handling decision. {@code targetUnitId} is the
 * competent body for FORWARD and URGE; {@code matterId} puts the petition into an existing matter,
 * else a new matter is opened; {@code round} 2 marks a second complaint, {@code followUp} a repeated
 * denunciation (tố cáo tiếp). {@code day} is the day of processing (today when null; never before
 * receipt nor after today). {@code version} is the version the officer saw.
 */
public record Processing(ContentKind contentKind, Field field, Boolean eligible, IneligibleReason ineligibleReason,
                         Competence competence, Handling handling, Long targetUnitId, Long matterId,
                         Integer round, Boolean followUp, String note, java.time.LocalDate day, Integer version) {
}
