package id.pantau.report.internal;

import id.pantau.shared.EvidenceType;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@link ImageMetadata#withoutMetadata}, one target per format, with the same checks as
 * the seeded property test: never throws, and any result is a well-formed image without the dropped blocks that
 * strips to itself.
 *
 * <p>A plain {@code ./mvnw test} runs each target once on every seed file in
 * {@code src/test/resources/id/pantau/report/internal/ImageMetadataFuzzTestInputs/<method>/} (Jazzer's regression
 * mode). To fuzz, set {@code JAZZER_FUZZ=1}, e.g.
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=ImageMetadataFuzzTest#jpeg}; findings are written next to the seeds,
 * where they stay as regression inputs.
 */
class ImageMetadataFuzzTest {

    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({"Exif", "http://ns.adobe.com/xap/1.0/", "ICC_PROFILE", "JFIF", "JFXX", "Adobe", "MPF"})
    void jpeg(byte[] data) {
        check(data, EvidenceType.JPEG);
    }

    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({"IHDR", "PLTE", "IDAT", "IEND", "eXIf", "tEXt", "zTXt", "iTXt", "tIME", "iCCP", "acTL",
        "fcTL", "fdAT"})
    void png(byte[] data) {
        check(data, EvidenceType.PNG);
    }

    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({"RIFF", "WEBP", "VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP", "EXIF", "XMP "})
    void webp(byte[] data) {
        check(data, EvidenceType.WEBP);
    }

    private static void check(byte[] data, EvidenceType type) {
        StrippedImageAssertions.stripAndCheck(data, type);
        // the other types must cope with it too (and reject it, as a rule)
        for (EvidenceType other : EvidenceType.values()) {
            if (other != type) {
                StrippedImageAssertions.stripAndCheck(data, other);
            }
        }
    }
}
