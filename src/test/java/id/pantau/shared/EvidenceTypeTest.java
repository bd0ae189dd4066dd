package id.pantau.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import id.pantau.report.internal.ImageMetadata;
import id.pantau.report.internal.TestImages;

import static id.pantau.report.internal.TestImages.concat;
import static id.pantau.report.internal.TestImages.latin1;
import static id.pantau.report.internal.TestImages.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class EvidenceTypeTest {

    // ------------------------------------------------------------------------------------ the four allowed types

    @Test
    void aJpegWrittenByImageIoIsAJpeg() {
        assertThat(EvidenceType.detect(TestImages.jpeg(16, 12))).contains(EvidenceType.JPEG);
    }

    @Test
    void progressiveAndRestartIntervalJpegsAreJpegs() {
        assertThat(EvidenceType.detect(TestImages.jpeg(TestImages.picture(40, 24), true, 0)))
                .contains(EvidenceType.JPEG);
        assertThat(EvidenceType.detect(TestImages.jpeg(TestImages.picture(40, 24), false, 2)))
                .contains(EvidenceType.JPEG);
    }

    @Test
    void aJpegFullOfMetadataIsStillAJpeg() {
        byte[] jpeg = TestImages.withSegments(TestImages.jpeg(16, 12), TestImages.exifSegment(),
                TestImages.xmpSegment(), TestImages.commentSegment());

        assertThat(EvidenceType.detect(jpeg)).contains(EvidenceType.JPEG);
    }

    @Test
    void aPngWrittenByImageIoIsAPng() {
        assertThat(EvidenceType.detect(TestImages.png(16, 12))).contains(EvidenceType.PNG);
    }

    @Test
    void webpInAllItsFormsIsWebp() {
        assertThat(EvidenceType.detect(TestImages.WEBP_LOSSLESS)).contains(EvidenceType.WEBP);
        assertThat(EvidenceType.detect(TestImages.WEBP_LOSSY)).contains(EvidenceType.WEBP);
        assertThat(EvidenceType.detect(TestImages.WEBP_LOSSY_ALPHA)).contains(EvidenceType.WEBP);
        assertThat(EvidenceType.detect(TestImages.WEBP_ANIMATED)).contains(EvidenceType.WEBP);
    }

    @Test
    void aMinimalPdfIsAPdf() {
        assertThat(EvidenceType.detect(TestImages.pdf())).contains(EvidenceType.PDF);
    }

    @Test
    void aPdfIsJudgedByItsFirstBytesSoALargeOneIsFine() {
        byte[] large = concat(TestImages.pdf(), new byte[5 * 1024 * 1024]);

        assertThat(EvidenceType.detect(large)).contains(EvidenceType.PDF);
    }

    @Test
    void typesNameTheirMediaTypeAndExtension() {
        assertThat(EvidenceType.JPEG.mediaType()).isEqualTo("image/jpeg");
        assertThat(EvidenceType.JPEG.extension()).isEqualTo("jpg");
        assertThat(EvidenceType.PNG.mediaType()).isEqualTo("image/png");
        assertThat(EvidenceType.PNG.extension()).isEqualTo("png");
        assertThat(EvidenceType.WEBP.mediaType()).isEqualTo("image/webp");
        assertThat(EvidenceType.WEBP.extension()).isEqualTo("webp");
        assertThat(EvidenceType.PDF.mediaType()).isEqualTo("application/pdf");
        assertThat(EvidenceType.PDF.extension()).isEqualTo("pdf");
    }

    @ParameterizedTest
    @EnumSource(value = EvidenceType.class, names = {"JPEG", "PNG", "WEBP"})
    void photosAreImages(EvidenceType type) {
        assertThat(type.isImage()).isTrue();
    }

    @Test
    void aPdfIsNotAnImage() {
        assertThat(EvidenceType.PDF.isImage()).isFalse();
    }

    // ------------------------------------------------------------------------------- the content decides, not the name

    @Test
    void aPngNamedAndLabelledAsAJpegIsAPng() {
        // what a client claims ("bukti.jpg", image/jpeg) never reaches detect(): only the bytes do
        assertThat(EvidenceType.detect(TestImages.png(8, 8))).contains(EvidenceType.PNG);
    }

    @Test
    void aTextFileRenamedToJpgIsRejected() {
        byte[] text = utf8("Ini bukan foto, hanya teks yang diganti namanya menjadi bukti.jpg\n");

        assertThat(EvidenceType.detect(text)).isEmpty();
    }

    @Test
    void unknownBinaryNamedJpgIsRejectedAlthoughTikaWouldBelieveTheName() {
        byte[] binary = new byte[256];
        new Random(7).nextBytes(binary);
        binary[0] = 0x42; // no format's magic

        // Given the name, Tika falls back to the extension when no magic matches: exactly the trap detect() avoids
        assertThat(new Tika().detect(binary)).isEqualTo("application/octet-stream");
        assertThat(new Tika().detect(binary, "bukti.jpg")).isEqualTo("image/jpeg");
        assertThat(EvidenceType.detect(binary)).isEmpty();
    }

    @Test
    void textNamedSvgIsRejectedAlthoughTikaWouldCallItSvg() {
        byte[] text = utf8("alert(document.cookie)");

        assertThat(new Tika().detect(text, "peta.svg")).isEqualTo("image/svg+xml");
        assertThat(EvidenceType.detect(text)).isEmpty();
    }

    @Test
    void anHtmlPageRenamedToPdfIsRejected() {
        byte[] html = utf8("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

        assertThat(new Tika().detect(html, "laporan.pdf")).isEqualTo("text/html");
        assertThat(EvidenceType.detect(html)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- everything else

    @Test
    void emptyAndOneByteInputsAreRejected() {
        assertThat(EvidenceType.detect(new byte[0])).isEmpty();
        assertThat(EvidenceType.detect(new byte[] {(byte) 0xFF})).isEmpty();
        assertThat(EvidenceType.detect(new byte[] {0})).isEmpty();
        assertThat(EvidenceType.detect(new byte[] {'%'})).isEmpty();
        assertThat(EvidenceType.detect(new byte[] {(byte) 0x89})).isEmpty();
    }

    @Test
    void truncatedSignaturesAreRejected() {
        assertThat(EvidenceType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(EvidenceType.detect(latin1("\u0089PNG\r\n"))).isEmpty();
        assertThat(EvidenceType.detect(latin1("RIFF\u001a\0\0\0WEB"))).isEmpty();
        assertThat(EvidenceType.detect(latin1("%PDF"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>",
        "<html><script>alert(1)</script></html>",
        "<script>alert(1)</script>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(1)</script></svg>",
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>",
        "<?xml version=\"1.0\"?><!DOCTYPE svg><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "<?xml version=\"1.0\"?><root/>",
        "{\"lat\": -6.175, \"lon\": 106.827}",
        "just some text pretending to be a jpeg",
        "GIF89a\u0001\0\u0001\0\u0080\0\0\0\0\0\u00ff\u00ff\u00ff!\u00f9\u0004\u0001\0\0\0\0,\0\0\0\0\u0001\0\u0001\0\0"
                + "\u0002\u0002D\u0001\0;",
        "BM>\0\0\0\0\0\0\0>\0\0\0(\0\0\0\u0001\0\0\0\u0001\0\0\0\u0001\0\u0001\0\0\0\0\0",
        "II*\0\b\0\0\0",
        "\0\0\0\u0018ftypheic\0\0\0\0mif1heic",
        "\0\0\0\u001cftypavif\0\0\0\0avifmif1miaf",
        "RIFF$\0\0\0AVI LIST",
        "RIFF$\0\0\0WAVEfmt ",
        "MZ\u0090\0\u0003\0\0\0\u0004\0\0\0\u00ff\u00ff\0\0\u00b8\0\0\0\0\0\0\0@\0",
        "\u007fELF\u0002\u0001\u0001\0\0\0\0\0\0\0\0\0",
        "#!/bin/sh\nrm -rf /\n",
        "%!PS-Adobe-3.0\n%%BoundingBox: 0 0 100 100\n",
        "{\\rtf1\\ansi hello}",
    })
    void otherContentIsRejected(String content) {
        assertThat(EvidenceType.detect(latin1(content))).isEmpty();
    }

    @Test
    void zipArchivesAndOfficeDocumentsAreRejected() throws IOException {
        assertThat(EvidenceType.detect(zip(Map.of("bukti.jpg", TestImages.jpeg(8, 8))))).isEmpty();
        assertThat(EvidenceType.detect(zip(Map.of("[Content_Types].xml", utf8("<Types/>"),
                "word/document.xml", utf8("<w:document/>"))))).isEmpty();
    }

    @Test
    void anImageInsideAnotherFormatIsNotThatImage() {
        byte[] jpeg = TestImages.jpeg(8, 8);

        assertThat(EvidenceType.detect(concat(utf8("<html><body>"), jpeg))).isEmpty();
        assertThat(EvidenceType.detect(concat(new byte[] {0}, jpeg))).isEmpty();
        assertThat(EvidenceType.detect(concat(utf8(" "), TestImages.pdf()))).isEmpty();
    }

    // -------------------------------------------------------------------------------------------------- polyglots

    @Test
    void textWithAPdfHeaderNearTheStartIsNotAPdf() {
        // Tika's low-priority rule finds "%PDF-1." anywhere in the first 512 bytes; we require the header first
        byte[] script = latin1("x%PDF-1.4\n<script>alert(1)</script>");
        byte[] comment = latin1("%% not a pdf\n%PDF-1.7\n<html><script>alert(1)</script></html>");

        assertThat(new Tika().detect(script)).isEqualTo("application/pdf");
        assertThat(new Tika().detect(comment)).isEqualTo("application/pdf");
        assertThat(EvidenceType.detect(script)).isEmpty();
        assertThat(EvidenceType.detect(comment)).isEmpty();
    }

    @Test
    void aPdfAfterAByteOrderMarkIsRejected() {
        // Tika accepts it; the PDF specification does not, and no real producer writes one
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TestImages.pdf());

        assertThat(new Tika().detect(withBom)).isEqualTo("application/pdf");
        assertThat(EvidenceType.detect(withBom)).isEmpty();
    }

    @Test
    void aHtmlPageWithAPdfHeaderInsideIsHtml() {
        assertThat(EvidenceType.detect(utf8("<html><body><!-- %PDF-1.4 --><script>alert(1)</script></body></html>")))
                .isEmpty();
    }

    @Test
    void aRiffFileIsOnlyWebpWhenItsFirstChunkIsWebpImageData() {
        byte[] bogus = TestImages.webp(TestImages.riffChunk("EXIF", TestImages.exifTiff()));

        assertThat(new Tika().detect(bogus)).isEqualTo("image/webp");
        assertThat(EvidenceType.detect(bogus)).isEmpty();
    }

    @Test
    void aJpegSignatureFollowedByHtmlIsAJpegByTypeButNotAValidImage() {
        // Tika reads signatures, not structure. Served as image/jpeg with nosniff this is harmless, and
        // ImageMetadata (which every shown photo goes through) rejects it
        byte[] polyglot = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                utf8("<html><script>alert(1)</script></html>"));

        assertThat(EvidenceType.detect(polyglot)).contains(EvidenceType.JPEG);
        assertThat(ImageMetadata.withoutMetadata(polyglot, EvidenceType.JPEG)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------- misuse

    @Test
    void nullIsAProgrammingError() {
        assertThatNullPointerException().isThrownBy(() -> EvidenceType.detect(nullBytes()));
    }

    @Test
    void detectionCanRunOnManyThreadsAtOnce() {
        List<byte[]> samples = List.of(TestImages.jpeg(8, 8), TestImages.png(8, 8), TestImages.WEBP_LOSSLESS,
                TestImages.pdf(), utf8("<html></html>"));
        List<EvidenceType> expected = List.of(EvidenceType.JPEG, EvidenceType.PNG, EvidenceType.WEBP,
                EvidenceType.PDF);

        List<String> results = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> EvidenceType.detect(samples.get(i % samples.size())).map(Enum::name).orElse("none"))
                .toList();

        for (int i = 0; i < results.size(); i++) {
            int sample = i % samples.size();
            assertThat(results.get(i)).isEqualTo(sample < expected.size() ? expected.get(sample).name() : "none");
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] nullBytes() {
        return null;
    }
}
