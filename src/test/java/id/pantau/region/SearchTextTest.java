package id.pantau.region;

import id.pantau.region.internal.SearchText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "Kabupaten Jember | kabupaten jember",
            "JÉMBER | jember",
            "Regapu’u | regapuu",
            "Regapu'u | regapuu",
            "\"Soka\"\"an\" | soka an",
            "Lubuk Pakam I,II | lubuk pakam i ii",
            "  Kota   Batu  | kota batu",
            "Ⅻ Koto | xii koto",
            "!!! | ''"})
    void namesAreFoldedToPlainLowerCaseWords(String name, String expected) {
        assertThat(SearchText.normalize(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Jémber", "Regapu’u", "Lubuk Pakam I,II", "ÆØÅ ñ"})
    void normalisingTwiceChangesNothing(String name) {
        String once = SearchText.normalize(name);

        assertThat(SearchText.normalize(once)).isEqualTo(once);
        assertThat(once).matches("[a-z0-9 ]*");
    }
}
