package vn.danvan.plan;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What an evidence file is, judged from its bytes (a renamed file is not trusted by its name): PDF,
 * DOCX (a zip holding word/document.xml), PNG, JPEG, WebP.
 */
final class EvidenceFiles {

    enum Format {
        PDF("application/pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        PNG("image/png"),
        JPEG("image/jpeg"),
        WEBP("image/webp");

        final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }
    }

    private EvidenceFiles() {
    }

    static Optional<Format> sniff(byte[] bytes) {
        if (bytes == null || bytes.length < 12) {
            return Optional.empty();
        }
        if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(Format.PDF);
        }
        if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of(Format.PNG);
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(Format.JPEG);
        }
        if (startsWith(bytes, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && new String(bytes, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return Optional.of(Format.WEBP);
        }
        if (startsWith(bytes, new byte[] {'P', 'K', 3, 4}) && contains(bytes, "word/".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(Format.DOCX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Zip entry names are stored uncompressed in local and central headers. */
    private static boolean contains(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
