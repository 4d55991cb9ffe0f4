/**
 * Document export: writing official Word documents (and later spreadsheets, PDF) from plain values.
 * Knows no business module: callers fill an {@link vn.danvan.export.OfficialDocument} and get bytes.
 * <p>Glossary: official document = văn bản hành chính; superior body = cơ quan chủ quản; issuing body =
 * cơ quan ban hành; number/symbol = số, ký hiệu; national title = quốc hiệu; motto = tiêu ngữ; recipients
 * = nơi nhận; signer authority = quyền hạn, chức vụ người ký.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package vn.danvan.export;
