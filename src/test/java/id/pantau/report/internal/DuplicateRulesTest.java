package id.pantau.report.internal;

import java.util.List;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.report.ReportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The rules behind duplicate detection and intake that need no database. */
class DuplicateRulesTest {

    @Test
    void twoAccountsOfOneEventAreAlikeAndUnrelatedReportsAreNot() {
        int[] first = TextSignature.of("Tim sukses membagikan amplop berisi uang lima puluh ribu kepada warga di depan masjid");
        int[] second = TextSignature.of("Ada pembagian amplop berisi uang 50 ribu di depan masjid oleh tim sukses");
        int[] other = TextSignature.of("Spanduk calon bupati dipasang di pohon pinggir jalan raya sejak kemarin malam");

        assertThat(TextSignature.similarity(first, first)).isEqualTo(1.0);
        assertThat(TextSignature.similarity(first, second)).isGreaterThanOrEqualTo(0.3);
        assertThat(TextSignature.similarity(first, other)).isLessThan(0.15);
    }

    @Test
    void caseAccentsAndPunctuationDoNotMatter() {
        assertThat(TextSignature.similarity(TextSignature.of("AMPLOP, di Masjid!"), TextSignature.of("amplop di masjid")))
                .isEqualTo(1.0);
        assertThat(TextSignature.normalize("  Kécamatan—Kaliwates!! ")).isEqualTo("kecamatan kaliwates");
    }

    @Test
    void veryShortTextsStillHaveASignature() {
        assertThat(TextSignature.of("uang")).hasSize(TextSignature.SIZE);
        assertThat(TextSignature.of("")).hasSize(TextSignature.SIZE);
    }

    @ParameterizedTest(name = "{0},{1} to {2},{3}: {4} m")
    @CsvSource({
            "-8.17, 113.70, -8.17, 113.70, 0",
            // one hundredth of a degree of latitude is about 1.11 km
            "-8.17, 113.70, -8.18, 113.70, 1112",
            // Jember to Surabaya, about 150 km as the crow flies
            "-8.17, 113.70, -7.25, 112.75, 146000"})
    void distancesAreGreatCircleMetres(double lat1, double lon1, double lat2, double lon2, double metres) {
        assertThat(ReportProcessing.metres(lat1, lon1, lat2, lon2)).isCloseTo(metres, within(Math.max(5, metres * 0.02)));
    }

    @Test
    void anIncidentsRegionIsTheSmallestRegionHoldingAllItsReports() {
        assertThat(Incidents.commonAncestor(List.of("35.09.01.2001", "35.09.01.2002")).value()).isEqualTo("35.09.01");
        assertThat(Incidents.commonAncestor(List.of("35.09.01.2001", "35.09.02")).value()).isEqualTo("35.09");
        assertThat(Incidents.commonAncestor(List.of("35.09.01.2001")).value()).isEqualTo("35.09.01.2001");
    }

    @Test
    void theKindFollowsWhoReports() {
        var staff = new Actor(1, "ptps", java.util.Set.of(Role.STAFF), null);
        var volunteer = new Actor(2, "relawan", java.util.Set.of(Role.VOLUNTEER), null);
        var named = new ReportRequest.Reporter("Budi", null, null, null, null);
        var nameless = new ReportRequest.Reporter(" ", null, "0812", null, null);

        assertThat(ReportIntake.kindOf(staff, null)).isEqualTo(ReportKind.TEMUAN);
        assertThat(ReportIntake.kindOf(staff, named)).isEqualTo(ReportKind.TEMUAN);
        assertThat(ReportIntake.kindOf(volunteer, named)).isEqualTo(ReportKind.LAPORAN);
        assertThat(ReportIntake.kindOf(null, named)).isEqualTo(ReportKind.LAPORAN);
        assertThat(ReportIntake.kindOf(null, nameless)).isEqualTo(ReportKind.INFORMASI_AWAL);
        assertThat(ReportIntake.kindOf(volunteer, null)).isEqualTo(ReportKind.INFORMASI_AWAL);
    }

    @Test
    void personalDataIsMaskedEnoughToTellEntriesApart() {
        assertThat(Masking.name("Budi Santoso")).isEqualTo("B*** S***");
        assertThat(Masking.phone("081234567890")).isEqualTo("0812******90");
        assertThat(Masking.phone("123")).isEqualTo("***");
        assertThat(Masking.email("budi@example.id")).isEqualTo("b***@example.id");
        assertThat(Masking.contact("085711112222")).isEqualTo("0857******22");
        assertThat(Masking.contact("siti@example.id")).isEqualTo("s***@example.id");
        assertThat(Masking.nik("3509011201850001")).isEqualTo("3509**********01");
    }
}
