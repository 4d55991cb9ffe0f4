package vn.danvan.form;

/**
 * A narrative section of a submission, a text around the figures: {@code key} (for example
 * {@code ket_qua}) and its printed title ("Kết quả đạt được").
 */
public record FormNarrative(String key, String title) {
}
