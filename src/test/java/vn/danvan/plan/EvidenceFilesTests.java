package vn.danvan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Evidence files are judged by their bytes, not by their names. */
class EvidenceFilesTests {

    static byte[] padded(byte[] head) {
        return Arrays.copyOf(head, 64);
    }

    @Test
    void recognisesPdfDocxAndImagesFromTheirBytes() {
        assertThat(EvidenceFiles.sniff(padded("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))).contains(EvidenceFiles.Format.PDF);
        assertThat(EvidenceFiles.sniff(padded(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})))
                .contains(EvidenceFiles.Format.PNG);
        assertThat(EvidenceFiles.sniff(padded(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})))
                .contains(EvidenceFiles.Format.JPEG);
        var docx = padded("PK\u0003\u0004....word/document.xml".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(EvidenceFiles.sniff(docx)).contains(EvidenceFiles.Format.DOCX);
    }

    @Test
    void refusesOtherFilesWhateverTheirName() {
        assertThat(EvidenceFiles.sniff(padded("MZ executable".getBytes(StandardCharsets.US_ASCII)))).isEmpty();
        assertThat(EvidenceFiles.sniff(padded("PK\u0003\u0004....xl/workbook.xml".getBytes(StandardCharsets.ISO_8859_1)))).isEmpty();
        assertThat(EvidenceFiles.sniff(new byte[] {'%', 'P'})).isEmpty();
    }
}
