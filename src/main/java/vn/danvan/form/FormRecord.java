package vn.danvan.form;

import java.time.LocalDate;

/** A record counted in a figure of a form: the path of its page, how it is named, and its day. */
public record FormRecord(String path, String label, LocalDate day) {
}
