package vn.danvan.export;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a well-formed XHTML page as an A4 PDF (openhtmltopdf on PDFBox). PDFBox knows no system
 * fonts, so the Liberation 2 families (metric twins of Times New Roman and Arial, which cover
 * Vietnamese) are embedded from {@code openpdf-fonts-extra}: a page's CSS names them as
 * {@code 'Liberation Serif'} or {@code 'Liberation Sans'}. Only the glyphs used are embedded.
 */
public final class HtmlPdf {

    private static final String[][] FONTS = {
            {"Liberation Serif", "LiberationSerif"}, {"Liberation Sans", "LiberationSans"}};

    private HtmlPdf() {
    }

    /**
     * @param xhtml   the page: XHTML (every element closed, entities numeric), UTF-8
     * @param baseUri where relative links would resolve; the page should need none (no network)
     */
    public static byte[] render(String xhtml, String baseUri) {
        var out = new ByteArrayOutputStream(64 * 1024);
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (var font : FONTS) {
                add(builder, font[0], font[1] + "-Regular.ttf", 400, FontStyle.NORMAL);
                add(builder, font[0], font[1] + "-Bold.ttf", 700, FontStyle.NORMAL);
                add(builder, font[0], font[1] + "-Italic.ttf", 400, FontStyle.ITALIC);
                add(builder, font[0], font[1] + "-BoldItalic.ttf", 700, FontStyle.ITALIC);
            }
            builder.withHtmlContent(xhtml, baseUri);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void add(PdfRendererBuilder builder, String family, String file, int weight, FontStyle style) {
        builder.useFont(() -> new ByteArrayInputStream(font(file)), family, weight, style, true);
    }

    /** A font file's bytes, read from the jar once (≈ 400 KB each, 8 files). */
    private static byte[] font(String file) {
        return FONT_BYTES.computeIfAbsent(file, f -> {
            try (InputStream in = HtmlPdf.class.getResourceAsStream("/liberation/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the class path: /liberation/" + f);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static final Map<String, byte[]> FONT_BYTES = new ConcurrentHashMap<>();
}
