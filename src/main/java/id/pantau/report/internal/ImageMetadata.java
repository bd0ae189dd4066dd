package id.pantau.report.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

import id.pantau.shared.EvidenceType;
import org.jspecify.annotations.NullMarked;

/**
 * Removes the metadata that can give away where a photo was taken or who took it (EXIF with its GPS block, XMP,
 * IPTC, comments, text chunks, ...) before evidence photos are shown publicly. The pixels are not decoded or
 * re-encoded: the compressed image data is copied byte for byte, so nothing is lost and no decoder is exposed to
 * untrusted input here.
 *
 * <p>Each format is walked as a sequence of blocks and only blocks known to be harmless are kept (an allow-list:
 * a block we do not recognise might hold anything, and dropping an unknown optional block never stops an image
 * from displaying). Data after the image's end (after JPEG's EOI, PNG's IEND, beyond the RIFF size of a WebP) is
 * dropped too: phones append second images and videos there (Multi-Picture, Motion Photo, Samsung trailers), each
 * with its own EXIF, and cropping tools have left the uncropped original there (PNG "aCropalypse").
 *
 * <ul>
 * <li><b>JPEG</b>: kept are the coding segments (DQT, DHT, SOFn, SOS and its entropy-coded data, DRI, ...), JFIF
 * APP0 with any thumbnail cut off (a thumbnail can show what a crop removed), APP2 {@code ICC_PROFILE} (colour; a
 * profile is written by the camera or software, not the photographer, and has no place for coordinates) and APP14
 * {@code Adobe} cut to its fixed 12 bytes (version, flags and colour transform, no text; without it an RGB or CMYK
 * JPEG decodes with the wrong colours). Dropped: APP1 (EXIF, XMP, extended XMP), APP13 (IPTC/Photoshop), every
 * other APPn (MPF, FlashPix, JUMBF/C2PA, ...), JFXX thumbnails and COM comments. Fill bytes between markers are
 * not copied.</li>
 * <li><b>PNG</b>: kept are the critical chunks and the ancillary chunks that only describe pixels or colour
 * (tRNS, cHRM, gAMA, iCCP, sBIT, sRGB, cICP, mDCv, cLLI, bKGD, hIST, pHYs, and APNG's acTL, fcTL, fdAT). Dropped:
 * eXIf, tEXt, zTXt, iTXt (where XMP lives), tIME, sPLT (carries a name), and any other ancillary chunk.</li>
 * <li><b>WebP</b>: kept are VP8X (with its EXIF and XMP flags cleared), ICCP, ANIM, ALPH and the VP8/VP8L image
 * data, and animation frames (ANMF) with only their ALPH/VP8/VP8L inside. Dropped: EXIF, XMP and unknown chunks.
 * The RIFF size is recomputed. A simple (non-VP8X) file keeps only its single image chunk.</li>
 * <li><b>PDF</b>: not an image; always empty (PDFs are not shown publicly).</li>
 * </ul>
 *
 * <p>Anything malformed - truncated, bad lengths or checksums, blocks out of order, no image data, a file that is
 * not of the given type - gives {@link Optional#empty()}; the method never throws for any content and every loop
 * advances by at least one byte, so it always terminates. The result is never longer than the input and stripping it
 * again returns it unchanged.
 *
 * <p>One visible consequence: the EXIF Orientation tag goes with the EXIF block, so a phone photo stored sideways
 * with an orientation tag is shown sideways. Read the orientation before stripping if it matters.
 */
@NullMarked
public final class ImageMetadata {

    private ImageMetadata() {
    }

    /**
     * A copy of the image with every metadata block that could carry location or identity removed, the image data
     * untouched; empty if the bytes are not a well-formed image of the given type, or the type is PDF.
     */
    public static Optional<byte[]> withoutMetadata(byte[] image, EvidenceType type) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(type, "type");
        try {
            return switch (type) {
                case JPEG -> Optional.of(Jpeg.strip(image));
                case PNG -> Optional.of(Png.strip(image));
                case WEBP -> Optional.of(Webp.strip(image));
                case PDF -> Optional.empty();
            };
        } catch (Malformed e) {
            return Optional.empty();
        }
    }

    /** The input breaks the format's rules; no stack trace, as fuzzing and garbage uploads produce many. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed() {
            super("malformed image", null, false, false);
        }
    }

    private static final Malformed MALFORMED = new Malformed();

    private static void require(boolean condition) {
        if (!condition) {
            throw MALFORMED;
        }
    }

    private static int u8(byte[] in, int at) {
        require(at >= 0 && at < in.length);
        return in[at] & 0xFF;
    }

    private static int u16be(byte[] in, int at) {
        return u8(in, at) << 8 | u8(in, at + 1);
    }

    private static long u32be(byte[] in, int at) {
        return (long) u16be(in, at) << 16 | u16be(in, at + 2);
    }

    private static long u32le(byte[] in, int at) {
        return u8(in, at) | u8(in, at + 1) << 8 | u8(in, at + 2) << 16 | (long) u8(in, at + 3) << 24;
    }

    /** Whether {@code prefix} (ASCII) starts at {@code at} and lies wholly within {@code [at, end)}. */
    private static boolean startsWith(byte[] in, int at, int end, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
        return end - at >= expected.length && end <= in.length
                && Arrays.equals(in, at, at + expected.length, expected, 0, expected.length);
    }

    private static String fourCc(byte[] in, int at) {
        require(at >= 0 && at + 4 <= in.length);
        return new String(in, at, 4, StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------------------------------------------- JPEG

    /** JPEG (ITU T.81): SOI, then marker segments, one or more scans of entropy-coded data, EOI. */
    private static final class Jpeg {

        private static final int TEM = 0x01;
        private static final int RST0 = 0xD0;
        private static final int RST7 = 0xD7;
        private static final int SOI = 0xD8;
        private static final int EOI = 0xD9;
        private static final int SOS = 0xDA;
        private static final int APP0 = 0xE0;
        private static final int APP2 = 0xE2;
        private static final int APP14 = 0xEE;
        private static final int APP15 = 0xEF;
        private static final int COM = 0xFE;

        /** JFIF APP0 payload without a thumbnail: identifier, version, units, densities, thumbnail size. */
        private static final int JFIF_HEADER = 14;
        /** APP14 "Adobe": identifier (5), version (2), flags0 (2), flags1 (2), colour transform (1). */
        private static final int ADOBE_HEADER = 12;

        static byte[] strip(byte[] in) {
            require(in.length >= 4 && u8(in, 0) == 0xFF && u8(in, 1) == SOI);
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
            out.write(0xFF);
            out.write(SOI);
            int pos = 2;
            boolean frame = false;
            boolean scan = false;
            while (true) {
                require(u8(in, pos) == 0xFF);
                while (u8(in, pos) == 0xFF) { // fill bytes: any number of 0xFF may precede a marker
                    pos++;
                }
                int marker = u8(in, pos++);
                if (marker == EOI) {
                    require(frame && scan);
                    out.write(0xFF);
                    out.write(EOI);
                    return out.toByteArray(); // whatever follows EOI is not part of this image
                }
                if (marker == TEM || (marker >= RST0 && marker <= RST7)) { // stand-alone, no length
                    out.write(0xFF);
                    out.write(marker);
                    continue;
                }
                // 0x00 is a stuffed byte (only valid inside scan data), 0x02-0xBF are reserved, SOI cannot recur
                require(marker >= 0xC0 && marker != SOI);
                int length = u16be(in, pos); // counts itself, not the marker
                require(length >= 2 && (long) pos + length <= in.length);
                int payload = pos + 2;
                int payloadLength = length - 2;
                int end = pos + length;
                pos = end;
                if (isStartOfFrame(marker)) {
                    frame = true;
                    copy(out, marker, in, payload, payloadLength);
                } else if (marker == SOS) {
                    require(frame);
                    copy(out, marker, in, payload, payloadLength);
                    int dataEnd = endOfEntropyCodedData(in, pos);
                    out.write(in, pos, dataEnd - pos);
                    pos = dataEnd;
                    scan = true;
                } else if (marker == APP0) {
                    if (startsWith(in, payload, end, "JFIF\0") && payloadLength >= JFIF_HEADER) {
                        out.write(0xFF);
                        out.write(APP0);
                        writeU16be(out, 2 + JFIF_HEADER);
                        out.write(in, payload, JFIF_HEADER - 2);
                        out.write(0); // thumbnail width
                        out.write(0); // thumbnail height
                    }
                    // JFXX (extension thumbnails) and anything else in APP0: dropped
                } else if (marker == APP2) {
                    if (startsWith(in, payload, end, "ICC_PROFILE\0")) {
                        copy(out, marker, in, payload, payloadLength);
                    }
                    // MPF (Multi-Picture: points at the images after EOI), FlashPix, ...: dropped
                } else if (marker == APP14) {
                    if (startsWith(in, payload, end, "Adobe") && payloadLength >= ADOBE_HEADER) {
                        copy(out, marker, in, payload, ADOBE_HEADER);
                    }
                } else if ((marker >= APP0 && marker <= APP15) || marker == COM) {
                    // APP1 EXIF/XMP, APP13 IPTC, the other APPn, comments: dropped
                } else {
                    copy(out, marker, in, payload, payloadLength); // DQT, DHT, DRI, DAC, DNL, DHP, EXP, JPGn, ...
                }
            }
        }

        private static boolean isStartOfFrame(int marker) {
            // C0-CF except DHT (C4), JPG (C8) and DAC (CC)
            return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        }

        /**
         * Where the entropy-coded data that starts at {@code from} ends: at the first marker other than a restart
         * marker. Inside the data a 0xFF byte is always followed by 0x00 (a stuffed byte), RSTn, or fill bytes and a
         * marker, so scanning for it is exact. Running off the end means the file is truncated.
         */
        private static int endOfEntropyCodedData(byte[] in, int from) {
            int pos = from;
            while (true) {
                require(pos < in.length);
                if ((in[pos] & 0xFF) != 0xFF) {
                    pos++;
                    continue;
                }
                int next = pos + 1;
                while (u8(in, next) == 0xFF) {
                    next++;
                }
                int code = in[next] & 0xFF;
                if (code == 0x00 || (code >= RST0 && code <= RST7)) {
                    pos = next + 1;
                } else {
                    return pos;
                }
            }
        }

        private static void copy(ByteArrayOutputStream out, int marker, byte[] in, int payload, int payloadLength) {
            out.write(0xFF);
            out.write(marker);
            writeU16be(out, payloadLength + 2);
            out.write(in, payload, payloadLength);
        }

        private static void writeU16be(ByteArrayOutputStream out, int value) {
            out.write(value >>> 8);
            out.write(value);
        }
    }

    // ----------------------------------------------------------------------------------------------------- PNG

    /** PNG (ISO/IEC 15948, W3C PNG 3rd edition): signature, IHDR, chunks, IEND; each chunk with a CRC. */
    private static final class Png {

        private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

        /** Ancillary chunks that describe only pixels, colour or animation timing, never people or places. */
        private static final Set<String> KEPT_ANCILLARY = Set.of(
                "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCv", "cLLI", "bKGD", "hIST", "pHYs",
                "acTL", "fcTL", "fdAT");

        private static final int IHDR_LENGTH = 13;

        static byte[] strip(byte[] in) {
            require(in.length >= SIGNATURE.length && Arrays.equals(in, 0, SIGNATURE.length, SIGNATURE, 0,
                    SIGNATURE.length));
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
            out.write(SIGNATURE, 0, SIGNATURE.length);
            int pos = SIGNATURE.length;
            boolean first = true;
            boolean imageData = false;
            while (true) {
                long length = u32be(in, pos);
                require(length <= Integer.MAX_VALUE && pos + 12L + length <= in.length);
                int typeAt = pos + 4;
                int dataAt = pos + 8;
                int crcAt = dataAt + (int) length;
                int end = crcAt + 4;
                String type = fourCc(in, typeAt);
                require(isChunkType(in, typeAt));
                CRC32 crc = new CRC32();
                crc.update(in, typeAt, 4 + (int) length);
                require(crc.getValue() == u32be(in, crcAt));
                require(first == type.equals("IHDR")); // IHDR first, and only once
                require(!first || length == IHDR_LENGTH);
                first = false;
                boolean critical = (in[typeAt] & 0x20) == 0; // upper-case first letter
                switch (type) {
                    case "IHDR", "PLTE" -> out.write(in, pos, end - pos);
                    case "IDAT" -> {
                        imageData = true;
                        out.write(in, pos, end - pos);
                    }
                    case "IEND" -> {
                        require(imageData && length == 0);
                        out.write(in, pos, end - pos);
                        return out.toByteArray(); // whatever follows IEND is not part of this image
                    }
                    default -> {
                        require(!critical); // an unknown critical chunk: decoders must refuse the image
                        if (KEPT_ANCILLARY.contains(type)) {
                            out.write(in, pos, end - pos);
                        }
                    }
                }
                pos = end;
            }
        }

        private static boolean isChunkType(byte[] in, int at) {
            for (int i = at; i < at + 4; i++) {
                int c = in[i] & 0xFF;
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                    return false;
                }
            }
            return true;
        }
    }

    // ---------------------------------------------------------------------------------------------------- WebP

    /** WebP (RFC 9649): "RIFF", size, "WEBP", then chunks (FourCC, little-endian size, data, pad to even). */
    private static final class Webp {

        /** VP8X flags: ICC profile 0x20, alpha 0x10, EXIF 0x08, XMP 0x04, animation 0x02. */
        private static final int EXIF_FLAG = 0x08;
        private static final int XMP_FLAG = 0x04;
        private static final int VP8X_LENGTH = 10;
        /** ANMF header: X, Y, width - 1, height - 1, duration (3 bytes each), then one byte of flags. */
        private static final int ANMF_HEADER = 16;

        private record Chunk(String fourCc, int data, int length) {
        }

        static byte[] strip(byte[] in) {
            require(in.length >= 12 && startsWith(in, 0, in.length, "RIFF") && startsWith(in, 8, in.length, "WEBP"));
            long riffSize = u32le(in, 4);
            require(riffSize >= 4 && 8 + riffSize <= in.length);
            List<Chunk> chunks = chunks(in, 12, (int) (8 + riffSize));
            require(!chunks.isEmpty());
            Chunk first = chunks.getFirst();
            ByteArrayOutputStream body = new ByteArrayOutputStream(in.length);
            body.writeBytes("RIFF\0\0\0\0WEBP".getBytes(StandardCharsets.ISO_8859_1)); // size filled in below
            switch (first.fourCc()) {
                // simple format: one chunk is the whole image; nothing after it belongs there
                case "VP8 ", "VP8L" -> writeChunk(body, first.fourCc(), in, first.data(), first.length());
                case "VP8X" -> {
                    require(first.length() >= VP8X_LENGTH);
                    byte[] header = Arrays.copyOfRange(in, first.data(), first.data() + VP8X_LENGTH);
                    header[0] &= (byte) ~(EXIF_FLAG | XMP_FLAG);
                    writeChunk(body, "VP8X", header, 0, VP8X_LENGTH);
                    boolean image = false;
                    for (Chunk chunk : chunks.subList(1, chunks.size())) {
                        switch (chunk.fourCc()) {
                            case "VP8X" -> require(false);
                            case "ICCP", "ANIM", "ALPH" -> writeChunk(body, chunk.fourCc(), in, chunk.data(),
                                    chunk.length());
                            case "VP8 ", "VP8L" -> {
                                image = true;
                                writeChunk(body, chunk.fourCc(), in, chunk.data(), chunk.length());
                            }
                            case "ANMF" -> {
                                image = true;
                                writeFrame(body, in, chunk);
                            }
                            default -> {
                                // EXIF, "XMP " and chunks we do not know: dropped
                            }
                        }
                    }
                    require(image);
                }
                default -> require(false);
            }
            byte[] out = body.toByteArray();
            int newRiffSize = out.length - 8;
            for (int i = 0; i < 4; i++) {
                out[4 + i] = (byte) (newRiffSize >>> (8 * i));
            }
            return out;
        }

        /** An animation frame keeps its header and only the chunks that draw it. */
        private static void writeFrame(ByteArrayOutputStream body, byte[] in, Chunk frame) {
            require(frame.length() >= ANMF_HEADER);
            ByteArrayOutputStream content = new ByteArrayOutputStream(frame.length());
            content.write(in, frame.data(), ANMF_HEADER);
            boolean image = false;
            for (Chunk chunk : chunks(in, frame.data() + ANMF_HEADER, frame.data() + frame.length())) {
                switch (chunk.fourCc()) {
                    case "ALPH" -> writeChunk(content, chunk.fourCc(), in, chunk.data(), chunk.length());
                    case "VP8 ", "VP8L" -> {
                        image = true;
                        writeChunk(content, chunk.fourCc(), in, chunk.data(), chunk.length());
                    }
                    default -> {
                        // unknown chunks inside a frame: dropped
                    }
                }
            }
            require(image);
            byte[] bytes = content.toByteArray();
            writeChunk(body, "ANMF", bytes, 0, bytes.length);
        }

        /** The chunks filling {@code [from, end)} exactly, each padded to an even length. */
        private static List<Chunk> chunks(byte[] in, int from, int end) {
            List<Chunk> chunks = new ArrayList<>();
            int pos = from;
            while (pos < end) {
                require(pos + 8L <= end);
                String fourCc = fourCc(in, pos);
                long length = u32le(in, pos + 4);
                long padded = length + (length & 1);
                require(pos + 8L + padded <= end);
                chunks.add(new Chunk(fourCc, pos + 8, (int) length));
                pos += 8 + (int) padded;
            }
            return chunks;
        }

        private static void writeChunk(ByteArrayOutputStream out, String fourCc, byte[] in, int data, int length) {
            out.writeBytes(fourCc.getBytes(StandardCharsets.ISO_8859_1));
            writeU32le(out, length);
            out.write(in, data, length);
            if ((length & 1) == 1) {
                out.write(0);
            }
        }

        private static void writeU32le(ByteArrayOutputStream out, int value) {
            out.write(value);
            out.write(value >>> 8);
            out.write(value >>> 16);
            out.write(value >>> 24);
        }
    }
}
