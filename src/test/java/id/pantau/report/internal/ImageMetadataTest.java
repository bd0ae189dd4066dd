package id.pantau.report.internal;

import id.pantau.shared.EvidenceType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Node;

import static id.pantau.report.internal.TestImages.ARTIST;
import static id.pantau.report.internal.TestImages.COMMENT;
import static id.pantau.report.internal.TestImages.EXIF_HEADER;
import static id.pantau.report.internal.TestImages.GPS_LATITUDE;
import static id.pantau.report.internal.TestImages.GPS_LONGITUDE;
import static id.pantau.report.internal.TestImages.IMAGE_UNIQUE_ID;
import static id.pantau.report.internal.TestImages.XMP_GPS;
import static id.pantau.report.internal.TestImages.concat;
import static id.pantau.report.internal.TestImages.contains;
import static id.pantau.report.internal.TestImages.latin1;
import static id.pantau.report.internal.TestImages.pngChunk;
import static id.pantau.report.internal.TestImages.riffChunk;
import static id.pantau.report.internal.TestImages.segment;
import static id.pantau.report.internal.TestImages.slice;
import static id.pantau.report.internal.TestImages.webp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class ImageMetadataTest {

    /** Strips, insisting on a result. */
    private static byte[] strip(byte[] image, EvidenceType type) {
        return ImageMetadata.withoutMetadata(image, type).orElseThrow(() -> new AssertionError("rejected"));
    }

    /** None of the location or identity markers of {@link TestImages} are left. */
    private static void assertNoLocationOrIdentity(byte[] stripped) {
        assertThat(contains(stripped, EXIF_HEADER)).as("Exif header").isFalse();
        assertThat(contains(stripped, "http://ns.adobe.com/xap")).as("XMP namespace").isFalse();
        assertThat(contains(stripped, GPS_LATITUDE)).as("GPS latitude").isFalse();
        assertThat(contains(stripped, GPS_LONGITUDE)).as("GPS longitude").isFalse();
        assertThat(contains(stripped, XMP_GPS)).as("XMP GPS").isFalse();
        assertThat(contains(stripped, ARTIST)).as("artist").isFalse();
        assertThat(contains(stripped, IMAGE_UNIQUE_ID)).as("image unique ID").isFalse();
        assertThat(contains(stripped, COMMENT)).as("comment").isFalse();
    }

    private static void assertSamePicture(byte[] actual, byte[] expected) {
        BufferedImage actualImage = TestImages.decode(actual);
        BufferedImage expectedImage = TestImages.decode(expected);
        assertThat(actualImage).isNotNull();
        assertThat(expectedImage).isNotNull();
        assertThat(actualImage.getWidth()).isEqualTo(expectedImage.getWidth());
        assertThat(actualImage.getHeight()).isEqualTo(expectedImage.getHeight());
        assertThat(TestImages.pixels(actualImage)).isEqualTo(TestImages.pixels(expectedImage));
    }

    @Test
    void theHandBuiltExifIsRealExifWithGpsCoordinates() throws Exception {
        // the fixtures would prove nothing if no reader saw GPS in them: ImageIO's TIFF reader parses EXIF's TIFF
        ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(TestImages.exifTiff())));
        IIOMetadata metadata = reader.getImageMetadata(0);
        String tree = flatten(metadata.getAsTree(metadata.getNativeMetadataFormatName()));
        reader.dispose();

        assertThat(tree).contains("Artist=" + ARTIST, "GPSInfoIFDPointer", "GPSLatitudeRef=S",
                "GPSLatitude=6/1,10/1,3012/100", "GPSLongitudeRef=E", "GPSLongitude=106/1,49/1,2712/100");
    }

    private static String flatten(Node node) {
        StringBuilder text = new StringBuilder();
        if (node.getNodeName().equals("TIFFIFD") && node.getAttributes().getNamedItem("parentTagName") != null) {
            text.append(node.getAttributes().getNamedItem("parentTagName").getNodeValue()).append(' ');
        }
        if (node.getNodeName().equals("TIFFField")) {
            text.append(node.getAttributes().getNamedItem("name").getNodeValue()).append('=');
            StringBuilder values = new StringBuilder();
            collectValues(node, values);
            text.append(values, 0, Math.max(0, values.length() - 1)).append(' ');
            return text.toString();
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            text.append(flatten(child));
        }
        return text.toString();
    }

    private static void collectValues(Node node, StringBuilder values) {
        if (node.getAttributes() != null && node.getAttributes().getNamedItem("value") != null) {
            values.append(node.getAttributes().getNamedItem("value").getNodeValue()).append(',');
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collectValues(child, values);
        }
    }

    @ParameterizedTest
    @EnumSource(EvidenceType.class)
    void nullsAreProgrammingErrors(EvidenceType type) {
        assertThatNullPointerException().isThrownBy(() -> ImageMetadata.withoutMetadata(nullBytes(), type));
        assertThatNullPointerException().isThrownBy(() -> ImageMetadata.withoutMetadata(new byte[0], nullType()));
    }

    @Test
    void aPdfIsNotAnImage() {
        assertThat(ImageMetadata.withoutMetadata(TestImages.pdf(), EvidenceType.PDF)).isEmpty();
    }

    @Test
    void anImageOfAnotherTypeIsRejected() {
        byte[] jpeg = TestImages.jpeg(8, 8);
        byte[] png = TestImages.png(8, 8);

        assertThat(ImageMetadata.withoutMetadata(jpeg, EvidenceType.PNG)).isEmpty();
        assertThat(ImageMetadata.withoutMetadata(jpeg, EvidenceType.WEBP)).isEmpty();
        assertThat(ImageMetadata.withoutMetadata(png, EvidenceType.JPEG)).isEmpty();
        assertThat(ImageMetadata.withoutMetadata(TestImages.WEBP_LOSSLESS, EvidenceType.JPEG)).isEmpty();
        assertThat(ImageMetadata.withoutMetadata(TestImages.pdf(), EvidenceType.JPEG)).isEmpty();
    }

    // ============================================================================================================

    @Nested
    class Jpeg {

        private final byte[] clean = TestImages.jpeg(32, 24);

        @Test
        void locationAndIdentityAreRemovedAndEverythingElseIsKeptByteForByte() {
            byte[] dirty = TestImages.jpegWithMetadata(clean);
            assertThat(contains(dirty, EXIF_HEADER) && contains(dirty, GPS_LATITUDE) && contains(dirty, XMP_GPS)
                    && contains(dirty, COMMENT) && contains(dirty, ARTIST)).as("the fixture has it all").isTrue();

            byte[] stripped = strip(dirty, EvidenceType.JPEG);

            assertNoLocationOrIdentity(stripped);
            assertThat(contains(stripped, "Photoshop 3.0")).isFalse();
            assertThat(contains(stripped, "MPF\0")).isFalse();
            assertThat(contains(stripped, "c2pa")).isFalse();
            assertThat(stripped).isEqualTo(clean);
            assertSamePicture(stripped, dirty);
            StrippedImageAssertions.checkJpeg(stripped);
        }

        @Test
        void colourProfileAndAdobeColourTransformAreKept() {
            byte[] dirty = TestImages.withSegments(clean, TestImages.exifSegment(), TestImages.iccSegment(),
                    TestImages.adobeSegment(), TestImages.xmpSegment());

            byte[] stripped = strip(dirty, EvidenceType.JPEG);

            assertThat(stripped).isEqualTo(TestImages.withSegments(clean, TestImages.iccSegment(),
                    TestImages.adobeSegment()));
            assertSamePicture(stripped, dirty);
        }

        @Test
        void anIccProfileSplitOverSeveralSegmentsKeepsAllItsParts() {
            byte[] profile = TestImages.iccProfile();
            int half = profile.length / 2;
            byte[] part1 = segment(0xE2, concat(latin1("ICC_PROFILE\0"), new byte[] {1, 2}, slice(profile, 0, half)));
            byte[] part2 = segment(0xE2, concat(latin1("ICC_PROFILE\0"), new byte[] {2, 2},
                    slice(profile, half, profile.length)));

            byte[] stripped = strip(TestImages.withSegments(clean, part1, TestImages.exifSegment(), part2),
                    EvidenceType.JPEG);

            assertThat(stripped).isEqualTo(TestImages.withSegments(clean, part1, part2));
        }

        @Test
        void anAdobeSegmentIsCutToItsFixedFields() {
            byte[] padded = segment(0xEE, concat(latin1("Adobe"), new byte[] {0, 100, 0, 0, 0, 0, 1},
                    latin1(ARTIST)));

            byte[] stripped = strip(TestImages.withSegments(clean, padded), EvidenceType.JPEG);

            assertThat(stripped).isEqualTo(TestImages.withSegments(clean, TestImages.adobeSegment()));
        }

        @Test
        void otherSegmentsThatSayAdobeOrIccButAreNotAreDropped() {
            byte[] shortAdobe = segment(0xEE, latin1("Adobe"));
            byte[] notIcc = segment(0xE2, latin1("ICC_PROFILX\0" + ARTIST));

            assertThat(strip(TestImages.withSegments(clean, shortAdobe, notIcc), EvidenceType.JPEG)).isEqualTo(clean);
        }

        @Test
        void theJfifThumbnailIsCutOff() {
            // JFIF APP0 as javax.imageio wrote it, but with a 2x1 RGB thumbnail: thumbnails can show what a crop hid
            byte[] jfif = slice(clean, 6, 6 + 12);
            byte[] withThumbnail = segment(0xE0, concat(jfif, new byte[] {2, 1}, latin1("\u00ff\0\0\0\u00ff\0")));
            byte[] dirty = concat(slice(clean, 0, 2), withThumbnail, slice(clean, 20, clean.length));

            byte[] stripped = strip(dirty, EvidenceType.JPEG);

            assertThat(stripped).isEqualTo(clean);
            assertSamePicture(stripped, dirty);
        }

        @Test
        void jfxxThumbnailsAndOtherApplicationSegmentsAreDropped() {
            byte[] jfxx = segment(0xE0, concat(latin1("JFXX\0\u0010"), TestImages.jpeg(8, 8)));
            byte[] others = concat(segment(0xE3, latin1("Meta" + ARTIST)), segment(0xE4, latin1(ARTIST)),
                    segment(0xE9, latin1(ARTIST)), segment(0xEF, latin1(ARTIST)), segment(0xED, latin1(ARTIST)),
                    segment(0xE1, latin1("http://ns.adobe.com/xmp/extension/\0" + ARTIST)));

            byte[] stripped = strip(TestImages.withSegments(clean, jfxx, others), EvidenceType.JPEG);

            assertThat(stripped).isEqualTo(clean);
        }

        @Test
        void progressiveJpegsKeepAllTheirScansAndTables() {
            byte[] progressive = TestImages.jpeg(TestImages.picture(48, 40), true, 0);
            byte[] dirty = TestImages.jpegWithMetadata(progressive);

            byte[] stripped = strip(dirty, EvidenceType.JPEG);

            assertThat(stripped).isEqualTo(progressive);
            assertSamePicture(stripped, dirty);
            assertNoLocationOrIdentity(stripped);
        }

        @Test
        void restartMarkersInsideScanDataAreCopied() {
            byte[] withRestarts = TestImages.jpeg(TestImages.picture(48, 40), false, 1);
            assertThat(contains(withRestarts, new byte[] {(byte) 0xFF, (byte) 0xDD})).as("DRI").isTrue();
            assertThat(contains(withRestarts, new byte[] {(byte) 0xFF, (byte) 0xD3})).as("RST3").isTrue();
            byte[] dirty = TestImages.jpegWithMetadata(withRestarts);

            byte[] stripped = strip(dirty, EvidenceType.JPEG);

            assertThat(stripped).isEqualTo(withRestarts);
            assertSamePicture(stripped, dirty);
        }

        @Test
        void fillBytesBeforeMarkersAreAllowedAndNotCopied() {
            int dqt = TestImages.indexOf(clean, new byte[] {(byte) 0xFF, (byte) 0xDB}, 0);
            byte[] fill = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
            byte[] dirty = concat(slice(clean, 0, dqt), fill, TestImages.exifSegment(), fill,
                    slice(clean, dqt, clean.length - 2), fill, slice(clean, clean.length - 2, clean.length));

            byte[] stripped = strip(dirty, EvidenceType.JPEG);

            assertThat(stripped).isEqualTo(clean);
            assertSamePicture(stripped, dirty);
        }

        @Test
        void aGreyscaleJpegIsStrippedToo() {
            BufferedImage grey = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
            grey.getGraphics().drawImage(TestImages.picture(20, 10), 0, 0, null);
            byte[] jpeg = TestImages.jpeg(grey, false, 0);

            assertThat(strip(TestImages.jpegWithMetadata(jpeg), EvidenceType.JPEG)).isEqualTo(jpeg);
        }

        @Test
        void aCleanJpegComesBackUnchanged() {
            assertThat(strip(clean, EvidenceType.JPEG)).isEqualTo(clean).isNotSameAs(clean);
        }

        @Test
        void everyTruncationIsRejected() {
            byte[] dirty = TestImages.withSegments(clean, TestImages.exifSegment(), TestImages.commentSegment());
            for (int length = 0; length < dirty.length; length++) {
                assertThat(ImageMetadata.withoutMetadata(Arrays.copyOf(dirty, length), EvidenceType.JPEG))
                        .as("first %d of %d bytes", length, dirty.length).isEmpty();
            }
        }

        static Stream<Arguments> malformed() {
            byte[] clean = TestImages.jpeg(16, 16);
            byte[] soi = {(byte) 0xFF, (byte) 0xD8};
            byte[] eoi = {(byte) 0xFF, (byte) 0xD9};
            byte[] afterSoi = slice(clean, 2, clean.length);
            int sof = TestImages.indexOf(clean, new byte[] {(byte) 0xFF, (byte) 0xC0}, 0);
            int sos = TestImages.indexOf(clean, new byte[] {(byte) 0xFF, (byte) 0xDA}, 0);
            return Stream.of(
                    argumentSet("empty", (Object) new byte[0]),
                    argumentSet("SOI only", (Object) soi),
                    argumentSet("SOI EOI, no image", (Object) concat(soi, eoi)),
                    argumentSet("tables but no scan", (Object) concat(slice(clean, 0, sos), eoi)),
                    argumentSet("no SOI", (Object) afterSoi),
                    argumentSet("a second SOI", (Object) concat(soi, soi, afterSoi)),
                    argumentSet("garbage where a marker belongs", (Object) concat(soi, latin1("x"), afterSoi)),
                    argumentSet("a stuffed zero where a marker belongs", (Object) concat(soi, new byte[] {
                        (byte) 0xFF, 0}, afterSoi)),
                    argumentSet("a reserved marker", (Object) concat(soi, new byte[] {(byte) 0xFF, 0x02, 0, 2},
                            afterSoi)),
                    argumentSet("a segment length of 0", (Object) concat(soi, new byte[] {(byte) 0xFF,
                        (byte) 0xE1, 0, 0}, afterSoi)),
                    argumentSet("a segment length of 1", (Object) concat(soi, new byte[] {(byte) 0xFF,
                        (byte) 0xE1, 0, 1}, afterSoi)),
                    argumentSet("a segment longer than the file", (Object) concat(soi, new byte[] {(byte) 0xFF,
                        (byte) 0xE1, (byte) 0xFF, (byte) 0xFF}, afterSoi)),
                    argumentSet("a segment one byte too long", (Object) withLengthOfFirstSegment(clean, +1)),
                    argumentSet("a segment one byte too short", (Object) withLengthOfFirstSegment(clean, -1)),
                    argumentSet("a scan before the frame header", (Object) concat(slice(clean, 0, sof),
                            slice(clean, sos, clean.length))),
                    argumentSet("no EOI", (Object) slice(clean, 0, clean.length - 2)),
                    argumentSet("ends in fill bytes", (Object) concat(slice(clean, 0, clean.length - 2),
                            new byte[] {(byte) 0xFF, (byte) 0xFF})),
                    argumentSet("only fill bytes after SOI", (Object) concat(soi, fill(64))),
                    argumentSet("a PNG", (Object) TestImages.png(4, 4)));
        }

        private static byte[] fill(int count) {
            byte[] fill = new byte[count];
            Arrays.fill(fill, (byte) 0xFF);
            return fill;
        }

        private static byte[] withLengthOfFirstSegment(byte[] jpeg, int change) {
            byte[] copy = jpeg.clone();
            int length = ((copy[4] & 0xFF) << 8 | copy[5] & 0xFF) + change;
            copy[4] = (byte) (length >> 8);
            copy[5] = (byte) length;
            return copy;
        }

        @ParameterizedTest
        @MethodSource("malformed")
        void malformedInputIsRejected(byte[] jpeg) {
            assertThat(ImageMetadata.withoutMetadata(jpeg, EvidenceType.JPEG)).isEmpty();
        }
    }

    // ============================================================================================================

    @Nested
    class Png {

        private final byte[] clean = TestImages.png(32, 24);

        @Test
        void locationAndIdentityAreRemovedAndEverythingElseIsKeptByteForByte() {
            byte[] dirty = TestImages.pngWithMetadata(clean);
            assertThat(contains(dirty, GPS_LATITUDE) && contains(dirty, XMP_GPS) && contains(dirty, ARTIST)
                    && contains(dirty, "eXIf") && contains(dirty, "tIME")).as("the fixture has it all").isTrue();

            byte[] stripped = strip(dirty, EvidenceType.PNG);

            assertNoLocationOrIdentity(stripped);
            for (String type : new String[] {"eXIf", "tEXt", "zTXt", "iTXt", "tIME", "sPLT", "prVt"}) {
                assertThat(contains(stripped, type)).as(type).isFalse();
            }
            assertThat(stripped).isEqualTo(clean);
            assertSamePicture(stripped, dirty);
            StrippedImageAssertions.checkPng(stripped);
        }

        @Test
        void colourAndPhysicalChunksAreKept() {
            byte[] gamma = pngChunk("gAMA", ByteBuffer.allocate(4).putInt(45455).array());
            byte[] srgb = pngChunk("sRGB", new byte[] {0});
            byte[] chromaticities = pngChunk("cHRM", ByteBuffer.allocate(32).putInt(31270).putInt(32900)
                    .putInt(64000).putInt(33000).putInt(30000).putInt(60000).putInt(15000).putInt(6000).array());
            byte[] physical = pngChunk("pHYs", ByteBuffer.allocate(9).putInt(2835).putInt(2835).put((byte) 1)
                    .array());
            byte[] dirty = TestImages.withChunks(clean, gamma, TestImages.pngText("Author", ARTIST), srgb,
                    chromaticities, TestImages.pngTime(), physical);

            byte[] stripped = strip(dirty, EvidenceType.PNG);

            assertThat(stripped).isEqualTo(TestImages.withChunks(clean, gamma, srgb, chromaticities, physical));
            assertSamePicture(stripped, clean);
        }

        @Test
        void anEmbeddedColourProfileIsKept() {
            byte[] iccp = pngChunk("iCCP", concat(latin1("sRGB IEC61966-2.1\0\0"),
                    TestImages.deflate(TestImages.iccProfile())));
            byte[] dirty = TestImages.withChunks(clean, iccp, TestImages.pngXmp());

            byte[] stripped = strip(dirty, EvidenceType.PNG);

            assertThat(stripped).isEqualTo(TestImages.withChunks(clean, iccp));
            assertSamePicture(stripped, dirty);
        }

        @Test
        void palettesAndTransparencyAreKept() {
            BufferedImage indexed = new BufferedImage(16, 8, BufferedImage.TYPE_BYTE_INDEXED);
            indexed.getGraphics().drawImage(TestImages.picture(16, 8), 0, 0, null);
            byte[] png = TestImages.png(indexed);
            assertThat(contains(png, "PLTE")).isTrue();
            byte[] transparency = pngChunk("tRNS", new byte[] {0, (byte) 0x80});
            int plteEnd = TestImages.indexOf(png, latin1("IDAT"), 0) - 4;
            byte[] withTransparency = concat(slice(png, 0, plteEnd), transparency, slice(png, plteEnd, png.length));

            byte[] stripped = strip(TestImages.withChunks(withTransparency, TestImages.pngXmp()), EvidenceType.PNG);

            assertThat(stripped).isEqualTo(withTransparency);
            assertSamePicture(stripped, withTransparency);
        }

        @Test
        void animationControlChunksAreKept() {
            byte[] animationControl = pngChunk("acTL", ByteBuffer.allocate(8).putInt(1).putInt(0).array());
            byte[] frameControl = pngChunk("fcTL", ByteBuffer.allocate(26).putInt(0).putInt(32).putInt(24).putInt(0)
                    .putInt(0).putShort((short) 1).putShort((short) 10).put((byte) 0).put((byte) 0).array());
            byte[] apng = TestImages.withChunks(clean, animationControl, frameControl);

            byte[] stripped = strip(TestImages.withChunks(apng, TestImages.pngTime()), EvidenceType.PNG);

            assertThat(stripped).isEqualTo(apng);
            assertSamePicture(stripped, clean);
        }

        @Test
        void aCleanPngComesBackUnchanged() {
            assertThat(strip(clean, EvidenceType.PNG)).isEqualTo(clean).isNotSameAs(clean);
        }

        @Test
        void everyTruncationIsRejected() {
            byte[] dirty = TestImages.withChunks(clean, TestImages.pngText("Author", ARTIST));
            for (int length = 0; length < dirty.length; length++) {
                assertThat(ImageMetadata.withoutMetadata(Arrays.copyOf(dirty, length), EvidenceType.PNG))
                        .as("first %d of %d bytes", length, dirty.length).isEmpty();
            }
        }

        static Stream<Arguments> malformed() {
            byte[] clean = TestImages.png(8, 8);
            byte[] signature = slice(clean, 0, 8);
            byte[] ihdr = slice(clean, 8, 33);
            byte[] rest = slice(clean, 33, clean.length);
            byte[] iend = pngChunk("IEND", new byte[0]);
            byte[] badCrc = clean.clone();
            badCrc[45] ^= 1; // inside the first IDAT's data
            byte[] badSignature = clean.clone();
            badSignature[1] = 'p';
            byte[] hugeLength = concat(signature, ihdr, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF}, latin1("tEXt"), rest);
            byte[] maxIntLength = concat(signature, ihdr, new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
                    latin1("tEXt"), rest);
            return Stream.of(
                    argumentSet("empty", (Object) new byte[0]),
                    argumentSet("signature only", (Object) signature),
                    argumentSet("a wrong signature", (Object) badSignature),
                    argumentSet("a bad CRC", (Object) badCrc),
                    argumentSet("a chunk longer than the file", (Object) hugeLength),
                    argumentSet("a chunk of 2^31-1 bytes", (Object) maxIntLength),
                    argumentSet("IHDR not first", (Object) concat(signature, pngChunk("gAMA", new byte[4]), ihdr,
                            rest)),
                    argumentSet("Apple's CgBI before IHDR", (Object) concat(signature, pngChunk("CgBI", new byte[4]),
                            ihdr, rest)),
                    argumentSet("IHDR twice", (Object) concat(signature, ihdr, ihdr, rest)),
                    argumentSet("IHDR of the wrong size", (Object) concat(signature, pngChunk("IHDR", new byte[12]),
                            rest)),
                    argumentSet("an unknown critical chunk", (Object) TestImages.withChunks(clean,
                            pngChunk("ABCD", new byte[0]))),
                    argumentSet("a chunk type that is not letters", (Object) TestImages.withChunks(clean,
                            pngChunk("te1t", new byte[0]))),
                    argumentSet("no IDAT", (Object) concat(signature, ihdr, iend)),
                    argumentSet("no IEND", (Object) slice(clean, 0, clean.length - 12)),
                    argumentSet("IEND with data", (Object) concat(slice(clean, 0, clean.length - 12),
                            pngChunk("IEND", new byte[1]))),
                    argumentSet("a JPEG", (Object) TestImages.jpeg(4, 4)));
        }

        @ParameterizedTest
        @MethodSource("malformed")
        void malformedInputIsRejected(byte[] png) {
            assertThat(ImageMetadata.withoutMetadata(png, EvidenceType.PNG)).isEmpty();
        }
    }

    // ============================================================================================================

    @Nested
    class Webp {

        @Test
        void exifAndXmpAreRemovedTheirFlagsClearedAndTheSizeFixed() {
            byte[] dirty = TestImages.webpWithMetadata();
            assertThat(contains(dirty, GPS_LATITUDE) && contains(dirty, XMP_GPS)).as("the fixture has it").isTrue();
            assertThat(dirty[20] & 0x0C).as("the fixture flags EXIF and XMP").isEqualTo(0x0C);

            byte[] stripped = strip(dirty, EvidenceType.WEBP);

            assertNoLocationOrIdentity(stripped);
            assertThat(contains(stripped, "EXIF")).isFalse();
            assertThat(contains(stripped, "XMP ")).isFalse();
            assertThat(stripped[20]).as("VP8X flags: ICC and alpha kept, EXIF and XMP cleared").isEqualTo((byte) 0x30);
            assertThat(ByteBuffer.wrap(stripped, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
                    .as("RIFF size").isEqualTo(stripped.length - 8);
            assertThat(stripped).isEqualTo(webp(TestImages.vp8x(0x30, 1, 1), riffChunk("ICCP",
                    TestImages.iccProfile()), TestImages.vp8lChunk()));
            StrippedImageAssertions.checkWebp(stripped);
        }

        @Test
        void metadataBeforeTheImageDataIsRemovedToo() {
            byte[] dirty = webp(TestImages.vp8x(0x10 | 0x08 | 0x04, 1, 1), riffChunk("XMP ", TestImages.xmpPacket()),
                    riffChunk("EXIF", TestImages.exifTiff()), TestImages.vp8lChunk());

            assertThat(strip(dirty, EvidenceType.WEBP)).isEqualTo(webp(TestImages.vp8x(0x10, 1, 1),
                    TestImages.vp8lChunk()));
        }

        @Test
        void exifWrittenWithItsJpegHeaderIsRemovedToo() {
            // some writers put "Exif\0\0" in front of the TIFF data, as in JPEG
            byte[] dirty = webp(TestImages.vp8x(0x10 | 0x08, 1, 1), TestImages.vp8lChunk(), riffChunk("EXIF",
                    concat(EXIF_HEADER, TestImages.exifTiff())));

            assertThat(strip(dirty, EvidenceType.WEBP)).isEqualTo(webp(TestImages.vp8x(0x10, 1, 1),
                    TestImages.vp8lChunk()));
        }

        @Test
        void animatedFramesKeepOnlyTheirImageData() {
            byte[] stripped = strip(TestImages.animatedWebpWithMetadata(), EvidenceType.WEBP);

            assertThat(stripped).isEqualTo(TestImages.WEBP_ANIMATED);
            assertNoLocationOrIdentity(stripped);
        }

        @Test
        void alphaAndLossyDataAreKept() {
            byte[] dirty = concat(TestImages.WEBP_LOSSY_ALPHA, riffChunk("EXIF", TestImages.exifTiff()));
            dirty = webp(slice(dirty, 12, dirty.length)); // fix the RIFF size
            dirty[20] |= 0x08;

            assertThat(strip(dirty, EvidenceType.WEBP)).isEqualTo(TestImages.WEBP_LOSSY_ALPHA);
        }

        @ParameterizedTest
        @MethodSource("id.pantau.report.internal.ImageMetadataTest#googleSamples")
        void googlesSamplesWithoutMetadataComeBackUnchanged(byte[] webp) {
            assertThat(strip(webp, EvidenceType.WEBP)).isEqualTo(webp).isNotSameAs(webp);
        }

        @Test
        void aSimpleFileKeepsOnlyItsImageChunk() {
            // the simple format has no room for metadata; anything after its one chunk is not part of the image
            byte[] dirty = webp(TestImages.vp8lChunk(), riffChunk("EXIF", TestImages.exifTiff()));

            assertThat(strip(dirty, EvidenceType.WEBP)).isEqualTo(TestImages.WEBP_LOSSLESS);
        }

        @Test
        void unknownChunksAndDataBeyondTheRiffSizeAreDropped() {
            byte[] dirty = concat(webp(TestImages.vp8x(0x10, 1, 1), TestImages.vp8lChunk(), riffChunk("LOCN",
                    GPS_LATITUDE)), TestImages.exifSegment());

            assertThat(strip(dirty, EvidenceType.WEBP)).isEqualTo(webp(TestImages.vp8x(0x10, 1, 1),
                    TestImages.vp8lChunk()));
        }

        @Test
        void anOversizedVp8xHeaderIsCutToItsTenBytes() {
            byte[] vp8x = TestImages.vp8x(0x10 | 0x08, 1, 1);
            byte[] longVp8x = riffChunk("VP8X", concat(slice(vp8x, 8, 18), latin1(ARTIST)));

            byte[] stripped = strip(webp(longVp8x, TestImages.vp8lChunk()), EvidenceType.WEBP);

            assertThat(stripped).isEqualTo(webp(TestImages.vp8x(0x10, 1, 1), TestImages.vp8lChunk()));
        }

        @Test
        void everyTruncationIsRejected() {
            byte[] dirty = TestImages.webpWithMetadata();
            for (int length = 0; length < dirty.length; length++) {
                assertThat(ImageMetadata.withoutMetadata(Arrays.copyOf(dirty, length), EvidenceType.WEBP))
                        .as("first %d of %d bytes", length, dirty.length).isEmpty();
            }
        }

        static Stream<Arguments> malformed() {
            byte[] vp8l = TestImages.vp8lChunk();
            byte[] vp8x = TestImages.vp8x(0, 1, 1);
            byte[] riffTooBig = TestImages.WEBP_LOSSLESS.clone();
            riffTooBig[4]++;
            byte[] riffHuge = TestImages.WEBP_LOSSLESS.clone();
            riffHuge[7] = (byte) 0xFF;
            byte[] riffTooSmall = TestImages.WEBP_LOSSLESS.clone();
            riffTooSmall[4] = 3;
            byte[] chunkTooBig = TestImages.WEBP_LOSSLESS.clone();
            chunkTooBig[16] += 2; // 15 bytes, padded to 16: past the RIFF end (14 would still fit)
            byte[] chunkHuge = TestImages.WEBP_LOSSLESS.clone();
            chunkHuge[19] = (byte) 0xFF;
            byte[] frameWithoutImage = riffChunk("ANMF", new byte[16]);
            byte[] shortFrame = riffChunk("ANMF", new byte[8]);
            return Stream.of(
                    argumentSet("empty", (Object) new byte[0]),
                    argumentSet("header only", (Object) latin1("RIFF\u0004\0\0\0WEBP")),
                    argumentSet("RIFX (big-endian RIFF)", (Object) concat(latin1("RIFX"), slice(
                            TestImages.WEBP_LOSSLESS, 4, TestImages.WEBP_LOSSLESS.length))),
                    argumentSet("not WEBP", (Object) concat(slice(TestImages.WEBP_LOSSLESS, 0, 8), latin1("AVI "),
                            vp8l)),
                    argumentSet("RIFF size beyond the file", (Object) riffTooBig),
                    argumentSet("RIFF size of 4 GB", (Object) riffHuge),
                    argumentSet("RIFF size smaller than WEBP", (Object) riffTooSmall),
                    argumentSet("a chunk beyond the RIFF size", (Object) chunkTooBig),
                    argumentSet("a chunk of 4 GB", (Object) chunkHuge),
                    argumentSet("metadata first", (Object) webp(riffChunk("EXIF", TestImages.exifTiff()), vp8l)),
                    argumentSet("VP8X without image data", (Object) webp(vp8x, riffChunk("EXIF",
                            TestImages.exifTiff()))),
                    argumentSet("VP8X too short", (Object) webp(riffChunk("VP8X", new byte[9]), vp8l)),
                    argumentSet("VP8X twice", (Object) webp(vp8x, vp8x, vp8l)),
                    argumentSet("a frame without image data", (Object) webp(TestImages.vp8x(2, 1, 1),
                            frameWithoutImage)),
                    argumentSet("a frame shorter than its header", (Object) webp(TestImages.vp8x(2, 1, 1),
                            shortFrame)),
                    argumentSet("a chunk header cut short", (Object) webp(vp8x, vp8l, latin1("EXI"))),
                    argumentSet("a PNG", (Object) TestImages.png(4, 4)));
        }

        @ParameterizedTest
        @MethodSource("malformed")
        void malformedInputIsRejected(byte[] webp) {
            assertThat(ImageMetadata.withoutMetadata(webp, EvidenceType.WEBP)).isEmpty();
        }
    }

    static Stream<Arguments> googleSamples() {
        return Stream.of(
                argumentSet("lossless", (Object) TestImages.WEBP_LOSSLESS),
                argumentSet("lossy", (Object) TestImages.WEBP_LOSSY),
                argumentSet("lossy with alpha", (Object) TestImages.WEBP_LOSSY_ALPHA),
                argumentSet("animated", (Object) TestImages.WEBP_ANIMATED));
    }

    // ============================================================================================================

    /**
     * Property test with a fixed seed, so a failure reproduces: thousands of mutations (byte and bit flips,
     * boundary values, 16- and 32-bit lengths, truncation, insertion, deletion, copying one part of the file over
     * another) of images full of metadata. Each is stripped as every type; the stripper must never throw and must
     * return either nothing or a well-formed image without the dropped blocks (see {@link StrippedImageAssertions}).
     */
    @ParameterizedTest
    @MethodSource("fuzzSamples")
    @Timeout(120)
    void mutatedImagesNeverBreakTheStripper(EvidenceType type, byte[] sample) {
        Random random = new Random(0x9A27A0L ^ Arrays.hashCode(sample));
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] mutated = mutate(sample, random);
            try {
                for (EvidenceType asType : EvidenceType.values()) {
                    boolean stripped = StrippedImageAssertions.stripAndCheck(mutated, asType);
                    if (asType == type) {
                        if (stripped) {
                            accepted++;
                        } else {
                            rejected++;
                        }
                    }
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("mutation " + i + " of the " + type + " sample: " + TestImages.hex(mutated),
                        e);
            }
        }
        // both outcomes occur, so the mutations neither always break the file nor never touch what matters
        assertThat(accepted).as("accepted").isPositive();
        assertThat(rejected).as("rejected").isPositive();
    }

    static Stream<Arguments> fuzzSamples() {
        return Stream.of(
                argumentSet("JPEG with metadata", EvidenceType.JPEG,
                        TestImages.jpegWithMetadata(TestImages.jpeg(16, 16))),
                argumentSet("progressive JPEG with restarts and metadata", EvidenceType.JPEG,
                        TestImages.withSegments(TestImages.jpeg(TestImages.picture(16, 16), true, 1),
                                TestImages.exifSegment(), TestImages.iccSegment(), TestImages.adobeSegment(),
                                TestImages.commentSegment())),
                argumentSet("PNG with metadata", EvidenceType.PNG, TestImages.pngWithMetadata(TestImages.png(8, 8))),
                argumentSet("WebP with metadata", EvidenceType.WEBP, TestImages.webpWithMetadata()),
                argumentSet("animated WebP with metadata", EvidenceType.WEBP, TestImages.animatedWebpWithMetadata()));
    }

    private static final int[] INTERESTING_BYTES = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0xD8, 0xD9, 0xDA, 0xE1, 0xE2,
        0xEE, 0xC0, 0xD0};
    private static final int[] INTERESTING_INTS = {0, 1, 2, 3, 4, 8, 9, 10, 16, 0x7F, 0xFF, 0x100, 0xFFFF, 0x10000,
        0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE};

    static byte[] mutate(byte[] sample, Random random) {
        byte[] bytes = sample.clone();
        int operations = 1 + random.nextInt(3);
        for (int op = 0; op < operations; op++) {
            if (bytes.length == 0) {
                bytes = new byte[] {(byte) random.nextInt(256)};
                continue;
            }
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(9)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> bytes[at] = (byte) INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
                case 3 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 4 -> {
                    byte[] inserted = new byte[1 + random.nextInt(16)];
                    random.nextBytes(inserted);
                    bytes = concat(slice(bytes, 0, at), inserted, slice(bytes, at, bytes.length));
                }
                case 5 -> bytes = concat(slice(bytes, 0, at), slice(bytes, Math.min(bytes.length,
                        at + 1 + random.nextInt(32)), bytes.length));
                case 6 -> { // copy a piece of the file over another place
                    int from = random.nextInt(bytes.length);
                    int length = Math.min(1 + random.nextInt(64), Math.min(bytes.length - from, bytes.length - at));
                    System.arraycopy(bytes.clone(), from, bytes, at, length);
                }
                case 7 -> { // a boundary value as a big- or little-endian 16- or 32-bit number
                    int value = INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
                    int width = random.nextBoolean() ? 2 : 4;
                    boolean bigEndian = random.nextBoolean();
                    for (int i = 0; i < width && at + i < bytes.length; i++) {
                        int shift = 8 * (bigEndian ? width - 1 - i : i);
                        bytes[at + i] = (byte) (value >>> shift);
                    }
                }
                default -> { // fill bytes or a marker-like pair
                    byte[] inserted = random.nextBoolean() ? new byte[] {(byte) 0xFF, (byte) 0xFF}
                            : new byte[] {(byte) 0xFF, (byte) INTERESTING_BYTES[random.nextInt(
                                    INTERESTING_BYTES.length)]};
                    bytes = concat(slice(bytes, 0, at), inserted, slice(bytes, at, bytes.length));
                }
            }
        }
        return bytes;
    }

    @Test
    @Timeout(30)
    void aLargePhotoIsStrippedInOnePass() {
        byte[] clean = TestImages.jpeg(TestImages.picture(2000, 1500), false, 0);

        for (int i = 0; i < 20; i++) {
            assertThat(strip(TestImages.jpegWithMetadata(clean), EvidenceType.JPEG)).isEqualTo(clean);
        }
    }

    @Test
    @Timeout(30)
    void largeRandomInputsAreRejected() {
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[1 << 20];
            random.nextBytes(noise);
            noise[0] = (byte) 0xFF;
            noise[1] = (byte) 0xD8;
            for (EvidenceType type : EvidenceType.values()) {
                assertThat(ImageMetadata.withoutMetadata(noise, type)).isEmpty();
            }
        }
    }

    private static byte[] nullBytes() {
        return null;
    }

    private static EvidenceType nullType() {
        return null;
    }
}
