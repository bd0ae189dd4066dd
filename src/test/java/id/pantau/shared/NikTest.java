package id.pantau.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NikTest {

    @ParameterizedTest(name = "{0}: {1}, female {2}, born {3}-{4}, serial {5}")
    @CsvSource({
            // nik,            region,   female, birthDay, yy, serial, placeholder
            "3509011708920003, 35.09.01, false, --08-17, 92, 3,    false",
            "3509015708920003, 35.09.01, true,  --08-17, 92, 3,    false",
            "3174094107650123, 31.74.09, true,  --07-01, 65, 123,  true",
            "1101010101000001, 11.01.01, false, --01-01, 0,  1,    true",
            "1101014101000001, 11.01.01, true,  --01-01, 0,  1,    true",
            "9999993112999999, 99.99.99, false, --12-31, 99, 9999, true",
            "9999997112999999, 99.99.99, true,  --12-31, 99, 9999, true",
            "7371013107010001, 73.71.01, false, --07-31, 1,  1,    false",
            "3509013101870001, 35.09.01, false, --01-31, 87, 1,    false",
            "3509012902000001, 35.09.01, false, --02-29, 0,  1,    false", // 1900 is no leap year, but 2000 is
            "3509012902040001, 35.09.01, false, --02-29, 4,  1,    false", // 1904 and 2004
            "3509016902960001, 35.09.01, true,  --02-29, 96, 1,    false", // 1996
            "3509012802010001, 35.09.01, false, --02-28, 1,  1,    false",
            "3509013004230001, 35.09.01, false, --04-30, 23, 1,    false",
            "3509017004230001, 35.09.01, true,  --04-30, 23, 1,    false"})
    void validNiksAreTakenApart(String input, String region, boolean female, MonthDay birthDay, int year, int serial,
                                boolean placeholder) {
        Nik nik = Nik.parse(input);

        assertThat(nik.value()).isEqualTo(input);
        assertThat(nik.regionPrefix()).isEqualTo(region);
        assertThat(nik.female()).isEqualTo(female);
        assertThat(nik.birthDay()).isEqualTo(birthDay);
        assertThat(nik.birthYearTwoDigits()).isEqualTo(year);
        assertThat(nik.serial()).isEqualTo(serial);
        assertThat(nik.hasPlaceholderBirthDate()).isEqualTo(placeholder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3509015708920003", " 3509015708920003 ", "35.09.01.570892.0003", "3509 0157 0892 0003",
            "3509-0157-0892-0003", "35.09.01 570892-0003", "3509015708920003\n", "3509\u00a00157\t0892 0003"})
    void spacesDotsAndHyphensAreIgnored(String input) {
        assertThat(Nik.parse(input)).isEqualTo(Nik.parse("3509015708920003"))
                .hasSameHashCodeAs(Nik.parse("3509015708920003"));
        assertThat(Nik.parse(input).value()).isEqualTo("3509015708920003");
    }

    @ParameterizedTest(name = "[{0}]: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"                   | it is empty",
            "\" .-. \"              | it is empty",
            "350901570892000        | a NIK has 16 digits; this one has 15",
            "35090157089200031      | a NIK has 16 digits; this one has 17",
            "35.09.01.570892.00031  | a NIK has 16 digits; this one has 17",
            "35090157O8920003       | a NIK has only the digits 0-9, and character 9 is 'O'",
            "3509015708920OO3       | character 14 is 'O'",
            "A509015708920003       | character 1 is 'A'",
            "3509/01/5708920003     | character 5 is '/'",
            "3509_015708920003      | character 5 is '_'",
            "٣509015708920003       | character 1 is '٣'",
            "３509015708920003      | character 1 is '３'",
            "3509\u200b015708920003 | character 5 is U+200B",
            "0009015708920003       | the province code 00 does not exist; province codes run from 11 to 99",
            "0909015708920003       | the province code 09 does not exist",
            "1009015708920003       | the province code 10 does not exist",
            "3500015708920003       | the regency code 00 does not exist; regency codes run from 01 to 99",
            "3509005708920003       | the district code 00 does not exist; district codes run from 01 to 99",
            "3509010008920003       | the birth day 00 in the birth date 000892 is not a day; it is 01-31 for men and 41-71 (the day + 40) for women",
            "3509013208920003       | the birth day 32 in the birth date 320892 is not a day",
            "3509014008920003       | the birth day 40 in the birth date 400892 is not a day",
            "3509017208920003       | the birth day 72 in the birth date 720892 is not a day",
            "3509019908920003       | the birth day 99 in the birth date 990892 is not a day",
            "3509011700920003       | the birth month 00 in the birth date 170092 is not a month",
            "3509011713920003       | the birth month 13 in the birth date 171392 is not a month",
            "3509013102900003       | the birth date 310290 does not exist: February has no day 31",
            "3509013002000003       | the birth date 300200 does not exist: February has no day 30",
            "3509013104900003       | the birth date 310490 does not exist: April has no day 31",
            "3509017104900003       | the birth date 710490 (a woman's, so day 31) does not exist: April has no day 31",
            "3509013111900003       | the birth date 311190 does not exist: November has no day 31",
            "3509012902010003       | the birth date 290201 does not exist: neither 1901 nor 2001 is a leap year",
            "3509016902990003       | the birth date 690299 (a woman's, so day 29) does not exist: neither 1999 nor 2099 is a leap year",
            "3509015708920000       | the serial number 0000 does not exist; serial numbers start at 0001"})
    void everyRejectionSaysWhatIsWrongWithoutRepeatingTheNumber(String input, String reason) {
        String digits = input.replaceAll("[^0-9]", "");
        assertThatThrownBy(() -> Nik.parse(input)).isInstanceOf(InvalidNikException.class)
                .hasMessageStartingWith("Not a valid NIK: ").hasMessageContaining(reason)
                .message().doesNotContain(digits.length() >= 12 ? digits : "no number to repeat");
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> Nik.parse(null)).isInstanceOf(InvalidNikException.class)
                .hasMessage("Not a valid NIK: it is missing");
    }

    @Test
    void maskingKeepsTheFirstFourAndLastTwoDigits() {
        Nik nik = Nik.parse("3509015708920003");

        assertThat(nik.masked()).isEqualTo("3509**********03");
        assertThat(Nik.parse("1101010101000001").masked()).isEqualTo("1101**********01");
    }

    @Test
    void toStringNeverShowsTheNumber() {
        Nik nik = Nik.parse("3509015708920003");

        assertThat(nik.toString()).isEqualTo(nik.masked()).doesNotContain("3509015708920003", "570892", "0003");
        assertThat("reported by " + nik).isEqualTo("reported by 3509**********03");
        assertThat(String.valueOf(Map.of("nik", nik))).doesNotContain("3509015708920003");
        assertThat(String.format("%s", nik)).doesNotContain("3509015708920003");
    }

    /** Personal data goes into JSON only on purpose (value() or masked()), never because a Nik was put in a response. */
    @Test
    void jacksonDoesNotSerialiseANikByDefault() {
        JsonMapper json = JsonMapper.builder().build();
        Nik nik = Nik.parse("3509015708920003");

        assertThat(json.writeValueAsString(nik)).isEqualTo("{}");
        assertThat(json.writeValueAsString(Map.of("reporter", nik))).isEqualTo("{\"reporter\":{}}");
        assertThatThrownBy(() -> json.readValue("\"3509015708920003\"", Nik.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void equalityIsByTheNumber() {
        assertThat(Nik.parse("3509015708920003")).isEqualTo(Nik.parse("35.09.01.570892.0003"))
                .isNotEqualTo(Nik.parse("3509015708920004")).isNotEqualTo("3509015708920003");
    }

    /**
     * Property: a random string of digits (now and then with a separator or a non-digit) is accepted
     * exactly when an independent reading of the rules, with java.time as the calendar, says it is a
     * NIK; and an accepted NIK gives its parts back consistently.
     */
    @Test
    void randomDigitStringsAreAcceptedExactlyWhenTheRulesSaySo() {
        Random random = new Random(20261122);
        String noise = " .-x/";
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 200_000; i++) {
            int length = random.nextInt(10) == 0 ? random.nextInt(20) : 16;
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < length; j++) {
                if (random.nextInt(100) == 0) {
                    text.append(noise.charAt(random.nextInt(noise.length())));
                }
                // bias the date towards plausible digits, or almost nothing would be valid
                int digit = j == 6 ? random.nextInt(8) : j == 8 ? random.nextInt(2) : random.nextInt(10);
                text.append((char) ('0' + digit));
            }
            String candidate = text.toString();
            String digits = candidate.replaceAll("[ .-]", "");
            boolean expected = digits.matches("[0-9]{16}") && isNik(digits);
            Nik nik;
            try {
                nik = Nik.parse(candidate);
            } catch (InvalidNikException e) {
                assertThat(expected).as("%s was rejected: %s", candidate, e.getMessage()).isFalse();
                assertThat(e.getMessage()).startsWith("Not a valid NIK: ");
                if (digits.length() >= 12) {
                    assertThat(e.getMessage()).doesNotContain(digits);
                }
                rejected++;
                continue;
            }
            assertThat(expected).as("%s was accepted", candidate).isTrue();
            accepted++;
            assertThat(nik.value()).isEqualTo(digits);
            assertThat(Nik.parse(nik.value())).isEqualTo(nik);
            assertThat(nik.regionPrefix().replace(".", "")).isEqualTo(digits.substring(0, 6));
            int day = nik.birthDay().getDayOfMonth() + (nik.female() ? 40 : 0);
            assertThat("%02d%02d%02d%04d".formatted(day, nik.birthDay().getMonthValue(), nik.birthYearTwoDigits(),
                    nik.serial())).isEqualTo(digits.substring(6));
            assertThat(nik.masked()).matches("[0-9]{4}\\*{10}[0-9]{2}").isEqualTo(nik.toString())
                    .startsWith(digits.substring(0, 4)).endsWith(digits.substring(14));
        }
        assertThat(accepted).as("valid candidates").isGreaterThan(10_000);
        assertThat(rejected).as("invalid candidates").isGreaterThan(10_000);
    }

    private static boolean isNik(String digits) {
        int province = Integer.parseInt(digits.substring(0, 2));
        int regency = Integer.parseInt(digits.substring(2, 4));
        int district = Integer.parseInt(digits.substring(4, 6));
        int day = Integer.parseInt(digits.substring(6, 8));
        int month = Integer.parseInt(digits.substring(8, 10));
        int year = Integer.parseInt(digits.substring(10, 12));
        int serial = Integer.parseInt(digits.substring(12));
        boolean dayInRange = day >= 1 && day <= 31 || day >= 41 && day <= 71;
        return province >= 11 && regency >= 1 && district >= 1 && serial >= 1 && dayInRange
                && (isDate(1900 + year, month, day % 40) || isDate(2000 + year, month, day % 40));
    }

    private static boolean isDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
