package id.pantau.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.NullMarked;

/**
 * The kinds of file a citizen may attach as evidence, decided by the file's content alone. The client's file
 * name and Content-Type are never consulted: a script renamed {@code photo.jpg} is still a script.
 *
 * <p>Two gates, both of which must pass:
 * <ol>
 * <li>Apache Tika's magic-byte detection must name one of the four types. The detector is Tika's
 * {@link MimeTypes} registry on its own rather than {@code new Tika()}: the latter also loads any
 * {@code Detector} another jar on the class path registers through {@code ServiceLoader}, so adding a dependency
 * could quietly change what is accepted. No name or declared type is put into the {@link Metadata}, so Tika's
 * glob (file-extension) matching cannot take part.</li>
 * <li>The file must also begin with the format's own signature. For JPEG, PNG and WebP that is what Tika
 * matched anyway; for PDF it is not: Tika also calls a file PDF when {@code %PDF-1.} appears anywhere in its first
 * 512 bytes or after a UTF-8 byte order mark, so {@code x%PDF-1.4 <script>…} would pass as a PDF. The PDF
 * specification puts the {@code %PDF-} header at the very start of the file, and every scanner, phone and office
 * suite writes it there.</li>
 * </ol>
 * Detection is not validation: a file that starts like a JPEG may still be garbage after its first bytes. Images
 * go through {@link ImageMetadata#withoutMetadata} before they are shown, which walks their whole structure.
 */
@NullMarked
public enum EvidenceType {

    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    PDF("application/pdf", "pdf");

    /**
     * Tika's magic database, loaded once (parsing its 300 KB XML is the costly part) and shared: detection keeps no
     * state between calls, so the registry is safe to use from many threads.
     */
    private static final Detector DETECTOR = MimeTypes.getDefaultMimeTypes();

    private final String mediaType;
    private final String extension;

    EvidenceType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type to store and to serve the file with, e.g. {@code image/jpeg}. */
    public String mediaType() {
        return mediaType;
    }

    /** The file extension to store the file under, without the dot, e.g. {@code jpg}. */
    public String extension() {
        return extension;
    }

    /** Whether the file is a photo (shown after its metadata is stripped) rather than a document. */
    public boolean isImage() {
        return this != PDF;
    }

    /**
     * The type of an uploaded file judged by its bytes; empty for anything that is not one of the four allowed types
     * (HTML, SVG, ZIP, executables, text, GIF, HEIC, empty input, ...). Never throws for any content.
     */
    public static Optional<EvidenceType> detect(byte[] content) {
        Objects.requireNonNull(content, "content");
        MediaType detected;
        try (InputStream in = TikaInputStream.get(content)) {
            detected = DETECTOR.detect(in, new Metadata());
        } catch (IOException | RuntimeException e) {
            // An in-memory stream does not fail; should Tika trip over odd content, the file is simply not accepted.
            return Optional.empty();
        }
        String baseType = detected.getBaseType().toString();
        return Arrays.stream(values())
                .filter(type -> type.mediaType.equals(baseType))
                .filter(type -> type.startsWithSignature(content))
                .findFirst();
    }

    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private boolean startsWithSignature(byte[] content) {
        return switch (this) {
            case JPEG -> startsWith(content, 0, JPEG_SIGNATURE);
            case PNG -> startsWith(content, 0, PNG_SIGNATURE);
            case PDF -> startsWith(content, 0, PDF_SIGNATURE);
            // RIFF, size, WEBP, then the first chunk must be one a WebP file can start with
            case WEBP -> startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WEBP"))
                    && (startsWith(content, 12, ascii("VP8 ")) || startsWith(content, 12, ascii("VP8L"))
                            || startsWith(content, 12, ascii("VP8X")));
        };
    }

    private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        return content.length >= offset + prefix.length
                && Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
