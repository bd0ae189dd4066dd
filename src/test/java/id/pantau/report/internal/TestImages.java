package id.pantau.report.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Node;

/**
 * Real, minimal evidence files built in memory (JPEG and PNG written by javax.imageio, a hand-made PDF, WebP samples
 * from Google), the metadata blocks a phone or editor adds to them, and byte helpers.
 */
@NullMarked
public final class TestImages {

    private TestImages() {
    }

    // ------------------------------------------------------------------------------------------------- pictures

    /** A deterministic picture with gradients and noise, so the compressed data is not trivial. */
    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = x * 255 / Math.max(1, width - 1);
                int g = y * 255 / Math.max(1, height - 1);
                int b = random.nextInt(256);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return jpeg(picture(width, height), false, 0);
    }

    /**
     * A JPEG as javax.imageio writes it: SOI, JFIF APP0 (no thumbnail), DQT, SOF, DHT, SOS, data, EOI.
     * {@code progressive} gives several scans with tables between them; a restart interval (in MCUs) puts a DRI
     * segment in and RSTn markers into the scan data.
     */
    public static byte[] jpeg(BufferedImage image, boolean progressive, int restartInterval) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            if (restartInterval > 0) {
                String format = "javax_imageio_jpeg_image_1.0";
                Node tree = metadata.getAsTree(format);
                Node markers = child(tree, "markerSequence");
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(restartInterval));
                markers.insertBefore(dri, markers.getFirstChild());
                metadata.setFromTree(format, tree);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static Node child(Node parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeName().equals(name)) {
                return node;
            }
        }
        throw new IllegalStateException("no " + name + " in the JPEG metadata tree");
    }

    public static byte[] png(int width, int height) {
        return png(picture(width, height));
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Google's 1x1 test images from the WebP FAQ ("How can I detect browser support for WebP?",
     * https://developers.google.com/speed/webp/faq), used by feature-detection scripts everywhere. Checked with
     * libwebp's webpinfo and dwebp.
     */
    public static final byte[] WEBP_LOSSLESS = base64("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    /** Lossy: a single "VP8 " chunk. */
    public static final byte[] WEBP_LOSSY = base64("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
    /** Extended format: VP8X (alpha flag), ALPH, "VP8 ". */
    public static final byte[] WEBP_LOSSY_ALPHA = base64("UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAAB"
            + "WUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==");
    /** Extended format: VP8X (animation flag), ANIM, one ANMF frame holding a VP8L chunk. */
    public static final byte[] WEBP_ANIMATED = base64("UklGRlIAAABXRUJQVlA4WAoAAAASAAAAAAAAAAAAQU5JTQYAAAD/////AABBTk1GJgAA"
            + "AAAAAAAAAAAAAAAAAGQAAABWUDhMDQAAAC8AAAAQBxAREYiI/gcA");

    /** The VP8L chunk (header and data) of {@link #WEBP_LOSSLESS}. */
    public static byte[] vp8lChunk() {
        return slice(WEBP_LOSSLESS, 12, WEBP_LOSSLESS.length);
    }

    /** A minimal valid one-page PDF 1.4, with a correct cross-reference table. */
    public static byte[] pdf() {
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append("%010d 00000 n \n".formatted(offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return latin1(pdf.toString());
    }

    // ------------------------------------------------------------------------------------------------- metadata

    /** Jakarta, Monas: 6°10'30.12" S, 106°49'27.12" E, as EXIF GPS rationals (big-endian). */
    public static final byte[] GPS_LATITUDE = rationals(6, 1, 10, 1, 3012, 100);
    public static final byte[] GPS_LONGITUDE = rationals(106, 1, 49, 1, 2712, 100);
    public static final String ARTIST = "Budi Santoso";
    public static final String IMAGE_UNIQUE_ID = "4c0ffee0decafbad31337c0de5eed123";
    public static final byte[] EXIF_HEADER = latin1("Exif\0\0");
    public static final byte[] XMP_NAMESPACE = latin1("http://ns.adobe.com/xap/1.0/\0");
    public static final String XMP_GPS = "6,10.502S";
    public static final String COMMENT = "Difoto oleh Budi Santoso, HP 0812-3456-7890";

    /**
     * A big-endian TIFF structure as EXIF stores it: IFD0 with Artist, a pointer to the EXIF IFD (holding the image
     * unique ID) and a pointer to the GPS IFD (latitude and longitude with their references). This is what
     * follows "Exif\0\0" in a JPEG APP1, and the whole of a PNG eXIf or WebP EXIF chunk.
     */
    public static byte[] exifTiff() {
        byte[] artist = latin1(ARTIST + "\0");
        byte[] uniqueId = latin1(IMAGE_UNIQUE_ID + "\0");
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int exifIfd = ifd0 + ifd0Size;
        int exifIfdSize = 2 + 12 + 4;
        int gpsIfd = exifIfd + exifIfdSize;
        int gpsIfdSize = 2 + 4 * 12 + 4;
        int artistAt = gpsIfd + gpsIfdSize;
        int uniqueIdAt = artistAt + artist.length;
        int latitudeAt = uniqueIdAt + uniqueId.length;
        int longitudeAt = latitudeAt + GPS_LATITUDE.length;
        ByteBuffer tiff = ByteBuffer.allocate(longitudeAt + GPS_LONGITUDE.length).order(ByteOrder.BIG_ENDIAN);
        tiff.put(latin1("MM")).putShort((short) 42).putInt(ifd0);
        // IFD0: entries sorted by tag
        tiff.putShort((short) 3);
        entry(tiff, 0x013B, 2, artist.length, artistAt); // Artist, ASCII
        entry(tiff, 0x8769, 4, 1, exifIfd); // ExifIFDPointer, LONG
        entry(tiff, 0x8825, 4, 1, gpsIfd); // GPSInfoIFDPointer, LONG
        tiff.putInt(0);
        // EXIF IFD
        tiff.putShort((short) 1);
        entry(tiff, 0xA420, 2, uniqueId.length, uniqueIdAt); // ImageUniqueID, ASCII
        tiff.putInt(0);
        // GPS IFD
        tiff.putShort((short) 4);
        entry(tiff, 0x0001, 2, 2, 'S' << 24); // GPSLatitudeRef "S\0", inline
        entry(tiff, 0x0002, 5, 3, latitudeAt); // GPSLatitude, 3 RATIONAL
        entry(tiff, 0x0003, 2, 2, 'E' << 24); // GPSLongitudeRef "E\0", inline
        entry(tiff, 0x0004, 5, 3, longitudeAt); // GPSLongitude, 3 RATIONAL
        tiff.putInt(0);
        tiff.put(artist).put(uniqueId).put(GPS_LATITUDE).put(GPS_LONGITUDE);
        return tiff.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int valueOrOffset) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
    }

    private static byte[] rationals(int... numeratorsAndDenominators) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * numeratorsAndDenominators.length);
        for (int value : numeratorsAndDenominators) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    /** An XMP packet with GPS coordinates and a creator, as phones and editors write it. */
    public static byte[] xmpPacket() {
        return utf8("""
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/"
                    exif:GPSLatitude="%s" exif:GPSLongitude="106,49.452E">
                   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(XMP_GPS, ARTIST));
    }

    /** Java's built-in sRGB ICC profile (about 3 KB). */
    public static byte[] iccProfile() {
        return ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    // ------------------------------------------------------------------------------------------- JPEG segments

    public static byte[] segment(int marker, byte[] payload) {
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) ((payload.length + 2) >> 8),
                (byte) (payload.length + 2)}, payload);
    }

    public static byte[] exifSegment() {
        return segment(0xE1, concat(EXIF_HEADER, exifTiff()));
    }

    public static byte[] xmpSegment() {
        return segment(0xE1, concat(XMP_NAMESPACE, xmpPacket()));
    }

    public static byte[] iccSegment() {
        return segment(0xE2, concat(latin1("ICC_PROFILE\0"), new byte[] {1, 1}, iccProfile()));
    }

    /** Photoshop's APP13 with an IPTC record: By-line (2:80) and City (2:90). */
    public static byte[] iptcSegment() {
        byte[] byline = latin1(ARTIST);
        byte[] city = latin1("Jakarta Pusat");
        byte[] iptc = concat(new byte[] {0x1C, 2, 80, 0, (byte) byline.length}, byline,
                new byte[] {0x1C, 2, 90, 0, (byte) city.length}, city);
        ByteBuffer resource = ByteBuffer.allocate(4 + 2 + 2 + 4 + iptc.length + (iptc.length & 1));
        resource.put(latin1("8BIM")).putShort((short) 0x0404).putShort((short) 0).putInt(iptc.length).put(iptc);
        return segment(0xED, concat(latin1("Photoshop 3.0\0"), resource.array()));
    }

    public static byte[] commentSegment() {
        return segment(0xFE, utf8(COMMENT));
    }

    /** The APP14 segment Adobe software writes: version 100, no flags, colour transform 1 (YCbCr). */
    public static byte[] adobeSegment() {
        return segment(0xEE, concat(latin1("Adobe"), new byte[] {0, 100, 0, 0, 0, 0, 1}));
    }

    /**
     * Inserts segments into a JPEG right after its first segment (the JFIF APP0 javax.imageio writes), where
     * cameras put their metadata.
     */
    public static byte[] withSegments(byte[] jpeg, byte[]... segments) {
        int afterApp0 = 2 + 2 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        return concat(slice(jpeg, 0, afterApp0), concat(segments), slice(jpeg, afterApp0, jpeg.length));
    }

    // ----------------------------------------------------------------------------------------------- PNG chunks

    public static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = latin1(type);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeBytes, data,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Inserts chunks into a PNG right after IHDR (signature 8 bytes, IHDR chunk 25 bytes). */
    public static byte[] withChunks(byte[] png, byte[]... chunks) {
        return concat(slice(png, 0, 33), concat(chunks), slice(png, 33, png.length));
    }

    // ---------------------------------------------------------------------------------------------- WebP chunks

    public static byte[] riffChunk(String fourCc, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(latin1(fourCc)).putInt(data.length).put(data);
        return chunk.array();
    }

    public static byte[] vp8x(int flags, int width, int height) {
        int w = width - 1;
        int h = height - 1;
        return riffChunk("VP8X", new byte[] {(byte) flags, 0, 0, 0, (byte) w, (byte) (w >> 8), (byte) (w >> 16),
            (byte) h, (byte) (h >> 8), (byte) (h >> 16)});
    }

    /** A WebP file of the given chunks, with the RIFF size computed. */
    public static byte[] webp(byte[]... chunks) {
        byte[] body = concat(chunks);
        return concat(latin1("RIFF"), ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(4 + body.length)
                .array(), latin1("WEBP"), body);
    }

    // --------------------------------------------------------------------------------- images full of metadata

    /** Multi-Picture Format APP2, as phones write it: points at further images appended after EOI. */
    public static byte[] mpfSegment() {
        return segment(0xE2, concat(latin1("MPF\0MM\0*\0\0\0\b"), new byte[16]));
    }

    /** A C2PA manifest store in APP11 (JUMBF): signed claims that name the author and device. */
    public static byte[] jumbfSegment() {
        return segment(0xEB, concat(latin1("JP\0\u0001\0\0\0\u0001\0\0\0\u0040jumb\0\0\0\u0018jumdc2pa"),
                utf8("stds.schema-org.CreativeWork author " + ARTIST)));
    }

    /**
     * The JPEG with EXIF (GPS, artist, unique ID), XMP (GPS, creator), IPTC, a comment, MPF and C2PA segments
     * after its JFIF header, and a second image with its own EXIF appended after EOI.
     */
    public static byte[] jpegWithMetadata(byte[] clean) {
        byte[] appended = withSegments(jpeg(8, 8), exifSegment());
        return concat(withSegments(clean, exifSegment(), xmpSegment(), iptcSegment(), commentSegment(), mpfSegment(),
                jumbfSegment()), appended);
    }

    public static byte[] pngText(String keyword, String text) {
        return pngChunk("tEXt", latin1(keyword + "\0" + text));
    }

    public static byte[] pngCompressedText(String keyword, String text) {
        return pngChunk("zTXt", concat(latin1(keyword + "\0\0"), deflate(utf8(text))));
    }

    public static byte[] pngXmp() {
        return pngChunk("iTXt", concat(latin1("XML:com.adobe.xmp\0\0\0\0\0"), xmpPacket()));
    }

    public static byte[] pngTime() {
        return pngChunk("tIME", new byte[] {0x07, (byte) 0xEA, 2, 14, 9, 30, 0}); // 2026-02-14 09:30:00
    }

    /** A suggested palette: carries a free-text name. */
    public static byte[] pngSuggestedPalette() {
        return pngChunk("sPLT", concat(latin1("Palet " + ARTIST + "\0"), new byte[] {8, 1, 2, 3, 4, 0, 1}));
    }

    /**
     * The PNG with eXIf (GPS), tEXt, zTXt, iTXt (XMP), tIME, sPLT and a private chunk after IHDR, and the tail of
     * another image after IEND (as cropping tools that overwrote a file in place left it: "aCropalypse").
     */
    public static byte[] pngWithMetadata(byte[] clean) {
        byte[] other = png(12, 12);
        return concat(withChunks(clean, pngChunk("eXIf", exifTiff()), pngText("Author", ARTIST),
                pngCompressedText("Comment", COMMENT), pngXmp(), pngTime(), pngSuggestedPalette(),
                pngChunk("prVt", concat(GPS_LATITUDE, GPS_LONGITUDE))), slice(other, 33, other.length));
    }

    /** An extended WebP with ICC profile, lossless image data with alpha, EXIF (GPS) and odd-length XMP. */
    public static byte[] webpWithMetadata() {
        return webp(vp8x(0x20 | 0x10 | 0x08 | 0x04, 1, 1), riffChunk("ICCP", iccProfile()), vp8lChunk(),
                riffChunk("EXIF", exifTiff()), riffChunk("XMP ", concat(xmpPacket(), latin1(" "))));
    }

    /**
     * {@link #WEBP_ANIMATED} with EXIF and XMP flagged and added, and an unknown chunk inside its frame (frame
     * data may end with unknown chunks).
     */
    public static byte[] animatedWebpWithMetadata() {
        byte[] anim = slice(WEBP_ANIMATED, 30, 44);
        byte[] frame = slice(WEBP_ANIMATED, 52, WEBP_ANIMATED.length); // header and VP8L of the ANMF chunk
        return webp(vp8x(0x12 | 0x0C, 1, 1), anim, riffChunk("ANMF", concat(frame, riffChunk("LOCN",
                concat(GPS_LATITUDE, GPS_LONGITUDE)))), riffChunk("EXIF", exifTiff()), riffChunk("XMP ", xmpPacket()));
    }

    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------------- bytes

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    public static byte[] latin1(String value) {
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] base64(String value) {
        return Base64.getDecoder().decode(value);
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0) >= 0;
    }

    public static boolean contains(byte[] haystack, String needle) {
        return contains(haystack, utf8(needle));
    }

    public static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    // --------------------------------------------------------------------------------------------------- decode

    public static @Nullable BufferedImage decode(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
