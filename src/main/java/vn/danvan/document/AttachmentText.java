package vn.danvan.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import vn.danvan.shared.VietnameseText;

/**
 * Which attachments are accepted (PDF and DOCX, told by name and by their first bytes) and their
 * text: DOCX through POI, PDF through PDFBox. A scanned PDF has no text layer and gives an empty
 * text (it is kept, but not found by search).
 */
final class AttachmentText {

    enum Format {
        PDF("application/pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }
    }

    private AttachmentText() {
    }

    /** The format of a file by its extension and magic bytes ("%PDF", or "PK" of a zip); empty when it is neither. */
    static Optional<Format> formatOf(String fileName, byte[] content) {
        var name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf") && startsWith(content, "%PDF")) {
            return Optional.of(Format.PDF);
        }
        if (name.endsWith(".docx") && startsWith(content, "PK")) {
            return Optional.of(Format.DOCX);
        }
        return Optional.empty();
    }

    /** @throws IOException when the file cannot be read as its format */
    static String extract(Format format, byte[] content) throws IOException {
        String text;
        if (format == Format.PDF) {
            try (var pdf = Loader.loadPDF(content)) {
                text = new PDFTextStripper().getText(pdf);
            }
        } else {
            try (var docx = new XWPFDocument(new ByteArrayInputStream(content)); var extractor = new XWPFWordExtractor(docx)) {
                text = extractor.getText();
            }
        }
        return VietnameseText.nfc(text.replace('\u0000', ' ').strip());
    }

    private static boolean startsWith(byte[] content, String magic) {
        if (content == null || content.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (content[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
