package id.pantau.report.internal;

import id.pantau.shared.EvidenceType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

import org.jspecify.annotations.NullMarked;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold for whatever {@link ImageMetadata#withoutMetadata} returns, checked by walking the result with
 * parsers written separately from the one under test: the result is a well-formed file of its type, carries none of
 * the dropped blocks, is no longer than the input, and stripping it again changes nothing.
 */
@NullMarked
final class StrippedImageAssertions {

    private StrippedImageAssertions() {
    }

    /** Strips {@code input} as {@code type} and checks the result; returns whether there was one. */
    static boolean stripAndCheck(byte[] input, EvidenceType type) {
        Optional<byte[]> result = ImageMetadata.withoutMetadata(input, type);
        if (result.isEmpty()) {
            return false;
        }
        byte[] output = result.get();
        assertThat(type).isNotEqualTo(EvidenceType.PDF);
        assertThat(output.length).as("never longer than the input").isLessThanOrEqualTo(input.length);
        switch (type) {
            case JPEG -> checkJpeg(output);
            case PNG -> checkPng(output);
            case WEBP -> checkWebp(output);
            case PDF -> throw new AssertionError("PDF is never stripped");
        }
        assertThat(ImageMetadata.withoutMetadata(output, type)).as("stripping twice changes nothing")
                .hasValueSatisfying(again -> assertThat(again).isEqualTo(output));
        return true;
    }

    /** SOI, segments with exact lengths (only harmless APPn), scans, EOI as the last two bytes. */
    static void checkJpeg(byte[] jpeg) {
        assertThat(jpeg.length).isGreaterThanOrEqualTo(4);
        assertThat(u8(jpeg, 0)).as("SOI").isEqualTo(0xFF);
        assertThat(u8(jpeg, 1)).as("SOI").isEqualTo(0xD8);
        int pos = 2;
        boolean scan = false;
        while (true) {
            assertThat(u8(jpeg, pos)).as("marker at %d", pos).isEqualTo(0xFF);
            int marker = u8(jpeg, pos + 1);
            pos += 2;
            if (marker == 0xD9) {
                assertThat(pos).as("EOI ends the file").isEqualTo(jpeg.length);
                assertThat(scan).as("a scan before EOI").isTrue();
                return;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            assertThat(marker).as("a marker with a length").isGreaterThanOrEqualTo(0xC0).isNotIn(0xD8, 0xFF);
            int length = u8(jpeg, pos) << 8 | u8(jpeg, pos + 1);
            assertThat(length).isGreaterThanOrEqualTo(2);
            assertThat(pos + length).isLessThanOrEqualTo(jpeg.length);
            String payload = new String(jpeg, pos + 2, length - 2, StandardCharsets.ISO_8859_1);
            switch (marker) {
                case 0xE0 -> {
                    assertThat(payload).startsWith("JFIF\0").hasSize(14);
                    assertThat(payload.substring(12)).as("no thumbnail").isEqualTo("\0\0");
                }
                case 0xE2 -> assertThat(payload).startsWith("ICC_PROFILE\0");
                case 0xEE -> assertThat(payload).startsWith("Adobe").hasSize(12);
                case 0xFE -> throw new AssertionError("a comment survived");
                default -> assertThat(marker >= 0xE0 && marker <= 0xEF).as("APPn other than JFIF, ICC, Adobe")
                        .isFalse();
            }
            pos += length;
            if (marker == 0xDA) {
                scan = true;
                while (true) { // entropy-coded data: up to a 0xFF (and fill) not followed by 0x00 or RSTn
                    if (u8(jpeg, pos) != 0xFF) {
                        pos++;
                        continue;
                    }
                    int next = pos + 1;
                    while (u8(jpeg, next) == 0xFF) {
                        next++;
                    }
                    if (u8(jpeg, next) != 0x00 && !(u8(jpeg, next) >= 0xD0 && u8(jpeg, next) <= 0xD7)) {
                        assertThat(next).as("no fill bytes before a marker").isEqualTo(pos + 1);
                        break;
                    }
                    pos = next + 1;
                }
            }
        }
    }

    /** Signature, IHDR first, valid CRCs, only the kept chunk types, IEND as the last chunk. */
    static void checkPng(byte[] png) {
        assertThat(TestImages.slice(png, 0, Math.min(8, png.length)))
                .isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        List<String> types = new ArrayList<>();
        int pos = 8;
        while (pos < png.length) {
            int length = (int) u32be(png, pos);
            assertThat(length).isNotNegative();
            assertThat(pos + 12L + length).isLessThanOrEqualTo(png.length);
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            CRC32 crc = new CRC32();
            crc.update(png, pos + 4, 4 + length);
            assertThat(u32be(png, pos + 8 + length)).as("CRC of %s", type).isEqualTo(crc.getValue());
            types.add(type);
            pos += 12 + length;
        }
        assertThat(types).first().isEqualTo("IHDR");
        assertThat(types).last().isEqualTo("IEND");
        assertThat(types).contains("IDAT");
        assertThat(types).allMatch(type -> List.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP",
                "sBIT", "sRGB", "cICP", "mDCv", "cLLI", "bKGD", "hIST", "pHYs", "acTL", "fcTL", "fdAT").contains(type));
    }

    /** RIFF size equal to the file, chunks that fill it exactly, no EXIF or XMP, their VP8X flags cleared. */
    static void checkWebp(byte[] webp) {
        assertThat(new String(webp, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("RIFF");
        assertThat(u32le(webp, 4)).as("RIFF size").isEqualTo(webp.length - 8L);
        assertThat(new String(webp, 8, 4, StandardCharsets.ISO_8859_1)).isEqualTo("WEBP");
        List<String> chunks = webpChunks(webp, 12, webp.length);
        assertThat(chunks).isNotEmpty().doesNotContain("EXIF", "XMP ");
        assertThat(chunks.getFirst()).isIn("VP8 ", "VP8L", "VP8X");
        if (chunks.getFirst().equals("VP8X")) {
            assertThat(u32le(webp, 16)).as("VP8X size").isEqualTo(10);
            assertThat(webp[20] & 0x0C).as("EXIF and XMP flags").isZero();
            assertThat(chunks).containsAnyOf("VP8 ", "VP8L", "ANMF");
            assertThat(chunks).allMatch(chunk -> List.of("VP8X", "ICCP", "ANIM", "ANMF", "ALPH", "VP8 ", "VP8L")
                    .contains(chunk));
        } else {
            assertThat(chunks).hasSize(1);
        }
    }

    /** The FourCCs of the chunks that fill {@code [from, end)} exactly; ANMF frames' inner chunks are checked too. */
    static List<String> webpChunks(byte[] webp, int from, int end) {
        List<String> chunks = new ArrayList<>();
        int pos = from;
        while (pos < end) {
            String fourCc = new String(webp, pos, 4, StandardCharsets.ISO_8859_1);
            long length = u32le(webp, pos + 4);
            long padded = length + (length & 1);
            assertThat(pos + 8 + padded).as("chunk %s inside its parent", fourCc).isLessThanOrEqualTo(end);
            if (fourCc.equals("ANMF")) {
                assertThat(length).isGreaterThanOrEqualTo(16);
                assertThat(webpChunks(webp, pos + 8 + 16, pos + 8 + (int) length))
                        .allMatch(inner -> List.of("ALPH", "VP8 ", "VP8L").contains(inner));
            }
            chunks.add(fourCc);
            pos += 8 + (int) padded;
        }
        assertThat(pos).isEqualTo(end);
        return chunks;
    }

    private static int u8(byte[] bytes, int at) {
        assertThat(at).as("read inside the file").isBetween(0, bytes.length - 1);
        return bytes[at] & 0xFF;
    }

    private static long u32be(byte[] bytes, int at) {
        return (long) u8(bytes, at) << 24 | u8(bytes, at + 1) << 16 | u8(bytes, at + 2) << 8 | u8(bytes, at + 3);
    }

    private static long u32le(byte[] bytes, int at) {
        return (long) u8(bytes, at + 3) << 24 | u8(bytes, at + 2) << 16 | u8(bytes, at + 1) << 8 | u8(bytes, at);
    }
}
