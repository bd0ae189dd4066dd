package id.pantau.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import id.pantau.casework.CaseOutcome;
import id.pantau.region.Region;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.RegionTimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bawaslu's register number pattern, and the default referral of each outcome. */
class RegisterNumberTest {

    static Region region(String code, String name, RegionLevel level) {
        RegionCode regionCode = new RegionCode(code);
        return new Region(regionCode, name, level, regionCode.parent().orElse(null), RegionTimeZone.WIB);
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource(nullValues = "-", value = {
            "2, LP, PL, 35.09, Kabupaten Jember, 002/Reg/LP/PL/Kab/35.09/III/2024, 2024-03-15",
            "17, TM, PL, 35.78, Kota Surabaya, 017/Reg/TM/PL/Kota/35.78/XII/2024, 2024-12-31",
            "1, LP, PB, 35, Jawa Timur, 001/Reg/LP/PB/Prov/35/I/2025, 2025-01-01",
            "123, TM, PL, 35.09.01, Jombang, 123/Reg/TM/PL/Kec/35.09.01/IV/2024, 2024-04-02",
            "1000, LP, PL, -, -, 1000/Reg/LP/PL/RI/IX/2026, 2026-09-09"})
    void formatsTheBawasluPattern(int sequence, String kind, String election, String code, String name, String expected,
                                  LocalDate day) {
        Region office = code == null ? null : region(code, name, RegionCode.parse(code).level());

        assertThat(RegisterNumber.format(sequence, kind, election, office, day)).isEqualTo(expected);
        assertThat(RegisterNumber.officeKey(office)).isEqualTo(code == null ? "RI" : code);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
            // 23.30 WIB on 31 March is 01.30 WIT on 1 April: Jayapura's register already counts April
            "2024-03-31T16:30:00Z, Asia/Jakarta, 35.09, Kabupaten Jember, 001/Reg/LP/PL/Kab/35.09/III/2024",
            "2024-03-31T16:30:00Z, Asia/Jayapura, 91.71, Kota Jayapura, 001/Reg/LP/PL/Kota/91.71/IV/2024",
            // and at New Year, the next year's sequence
            "2024-12-31T16:30:00Z, Asia/Jakarta, 35.09, Kabupaten Jember, 001/Reg/LP/PL/Kab/35.09/XII/2024",
            "2024-12-31T16:30:00Z, Asia/Makassar, 52.03, Kabupaten Lombok Timur, 001/Reg/LP/PL/Kab/52.03/I/2025"})
    void theMonthAndYearAreThoseOfTheOfficesLocalDay(Instant at, ZoneId zone, String code, String name, String expected) {
        Region office = region(code, name, RegionLevel.REGENCY);

        assertThat(RegisterNumber.format(1, "LP", "PL", office, RegisterNumber.registrationDay(at, zone))).isEqualTo(expected);
    }

    @Test
    void sequencesStartAtOneAndVillagesHaveNoOffice() {
        Region regency = region("35.09", "Kabupaten Jember", RegionLevel.REGENCY);
        Region village = region("35.09.01.2001", "Jombang", RegionLevel.VILLAGE);

        assertThatThrownBy(() -> RegisterNumber.format(0, "LP", "PL", regency, LocalDate.of(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegisterNumber.format(1, "LP", "PL", village, LocalDate.of(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} by {1} goes to {2}")
    @CsvSource(nullValues = "-", value = {
            "ADMINISTRATIVE, OTHER, KPU",
            "CRIMINAL, OTHER, SENTRA_GAKKUMDU",
            "CRIMINAL, ASN, SENTRA_GAKKUMDU",
            "ETHICS, ELECTION_BODY_MEMBER, DKPP",
            "ETHICS, ADHOC_SUPERVISOR, BAWASLU_REGENCY",
            "OTHER_LAW, ASN, BKN",
            "OTHER_LAW, VILLAGE_HEAD, OTHER_AGENCY",
            "NOT_A_VIOLATION, ASN, -"})
    void defaultReferralTargets(CaseOutcome outcome, ReportedSubject subject, ReferralTarget expected) {
        assertThat(ReferralPolicy.defaultTarget(outcome, subject).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"NEUTRALITY_ASN, ASN", "NEUTRALITY_VILLAGE, VILLAGE_HEAD", "MONEY_CASH, OTHER",
            "-, OTHER"})
    void theSubjectFollowsTheReportsSubcategory(String subcategory, ReportedSubject expected) {
        assertThat(ReportedSubject.fromSubcategory(subcategory)).isEqualTo(expected);
    }
}
