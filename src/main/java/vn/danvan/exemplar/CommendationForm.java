package vn.danvan.exemplar;

/** Bằng khen, Giấy khen, Giấy chứng nhận. */
public enum CommendationForm {
    CERTIFICATE_OF_MERIT, LETTER_OF_COMMENDATION, CERTIFICATE
}
