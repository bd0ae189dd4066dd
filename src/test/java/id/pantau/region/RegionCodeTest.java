package id.pantau.region;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCodeTest {

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({"35, PROVINCE", "35.09, REGENCY", "35.09.01, DISTRICT", "35.09.01.2001, VILLAGE", "91.03, REGENCY"})
    void theNumberOfSegmentsGivesTheLevel(String code, RegionLevel level) {
        assertThat(RegionCode.parse(code).level()).isEqualTo(level);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "351", "35.", ".35", "35.9", "35.099", "35.09.1", "35.09.01.201", "35.09.01.20011",
            "35.09.01.2001.1", "3a", "35-09", "35..09", " ", "٣٥"})
    void malformedCodesAreRejected(String value) {
        assertThatThrownBy(() -> RegionCode.parse(value)).isInstanceOf(InvalidRegionCodeException.class)
                .hasMessageContaining("is not a region code");
        assertThat(RegionCode.isValid(value)).isFalse();
    }

    @Test
    void surroundingSpaceIsIgnored() {
        assertThat(RegionCode.parse(" 35.09 ")).isEqualTo(new RegionCode("35.09"));
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> RegionCode.parse(null)).isInstanceOf(InvalidRegionCodeException.class);
    }

    @Test
    void parentsAndAncestors() {
        RegionCode village = RegionCode.parse("35.09.01.2001");

        assertThat(village.parent()).contains(RegionCode.parse("35.09.01"));
        assertThat(RegionCode.parse("35").parent()).isEmpty();
        assertThat(village.ancestorAt(RegionLevel.PROVINCE)).isEqualTo(RegionCode.parse("35"));
        assertThat(village.ancestorAt(RegionLevel.REGENCY)).isEqualTo(RegionCode.parse("35.09"));
        assertThat(village.ancestorAt(RegionLevel.VILLAGE)).isEqualTo(village);
        assertThatThrownBy(() -> RegionCode.parse("35").ancestorAt(RegionLevel.REGENCY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "35, 35, true",
            "35, 35.09.01.2001, true",
            "35.09, 35.09.01, true",
            "35.09, 35.10, false",
            "35.09, 35, false",
            "35, 36.09, false",
            "35.09.01, 35.09.010, false",
            "35.09.01, 35.09.01.2001, true"})
    void containsIsAPrefixCheckOnWholeSegments(String outer, String inner, boolean expected) {
        // 35.09.010 is not a valid code, but a naive startsWith would call it inside 35.09.01
        if (RegionCode.isValid(inner)) {
            assertThat(RegionCode.parse(outer).contains(RegionCode.parse(inner))).isEqualTo(expected);
        } else {
            assertThat(expected).isFalse();
        }
    }

    /** Property: whatever string comes in, parse either rejects it or returns a code that round-trips. */
    @Test
    void parsingRandomStringsNeverYieldsAnInconsistentCode() {
        Random random = new Random(20261122);
        String alphabet = "0123456789.. x";
        for (int i = 0; i < 100_000; i++) {
            int length = random.nextInt(16);
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            RegionCode code;
            try {
                code = RegionCode.parse(candidate);
            } catch (InvalidRegionCodeException e) {
                continue;
            }
            assertThat(code.value()).isEqualTo(candidate.strip());
            assertThat(RegionCode.parse(code.value())).isEqualTo(code);
            assertThat(code.value().split("\\.")).hasSize(code.level().depth());
            code.parent().ifPresent(parent -> {
                assertThat(parent.contains(code)).isTrue();
                assertThat(code.contains(parent)).isFalse();
                assertThat(parent.level().depth()).isEqualTo(code.level().depth() - 1);
            });
        }
    }
}
