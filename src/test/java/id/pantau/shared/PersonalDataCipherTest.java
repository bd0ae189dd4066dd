package id.pantau.shared;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    static final String OLD_KEY = Base64.getEncoder().encodeToString("an-old-key-of-exactly-32-bytes!!".getBytes(StandardCharsets.US_ASCII));
    static final String NEW_KEY = Base64.getEncoder().encodeToString("a-new-key-of-exactly-32-bytes!!!".getBytes(StandardCharsets.US_ASCII));

    @Test
    void whatIsSealedOpensOnlyInItsContext() {
        PersonalDataCipher cipher = cipher(NEW_KEY);
        byte[] sealed = cipher.seal("Budi Santoso".getBytes(StandardCharsets.UTF_8), "report:1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Budi");
        assertThat(new String(cipher.open(sealed, "report:1"), StandardCharsets.UTF_8)).isEqualTo("Budi Santoso");
        assertThatThrownBy(() -> cipher.open(sealed, "report:2")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another record");
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        PersonalDataCipher cipher = cipher(NEW_KEY);
        byte[] plain = "sama".getBytes(StandardCharsets.UTF_8);

        assertThat(cipher.seal(plain, "x")).isNotEqualTo(cipher.seal(plain, "x"));
    }

    @Test
    void aRotatedKeySetStillOpensWhatTheOldKeySealed() {
        byte[] sealedWithOld = cipher(OLD_KEY).seal("lama".getBytes(StandardCharsets.UTF_8), "report:7");
        PersonalDataCipher rotated = cipher(NEW_KEY + "," + OLD_KEY);

        assertThat(new String(rotated.open(sealedWithOld, "report:7"), StandardCharsets.UTF_8)).isEqualTo("lama");
        byte[] sealedAfter = rotated.seal("baru".getBytes(StandardCharsets.UTF_8), "report:8");
        assertThatThrownBy(() -> cipher(OLD_KEY).open(sealedAfter, "report:8")).isInstanceOf(IllegalStateException.class);
        assertThat(new String(cipher(NEW_KEY).open(sealedAfter, "report:8"), StandardCharsets.UTF_8)).isEqualTo("baru");
    }

    @Test
    void productionWithoutAKeyRefusesToStartAndSaysHowToMakeOne() {
        assertThatThrownBy(() -> cipher(""))
                .isInstanceOf(MissingSettingsException.class)
                .satisfies(e -> assertThat(((MissingSettingsException) e).settings()).containsExactly("PANTAU_DATA_KEY"))
                .satisfies(e -> assertThat(((MissingSettingsException) e).action()).contains("openssl rand -base64 32"));
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> cipher(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(MissingSettingsException.class).hasMessageContaining("not valid");
        assertThatThrownBy(() -> cipher("not base64 at all!"))
                .isInstanceOf(MissingSettingsException.class);
    }

    @Test
    void theDevelopmentProfileMakesAndKeepsItsOwnKey(@TempDir Path data) throws Exception {
        var dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        byte[] sealed = new PersonalDataCipher("", dev, data).seal("x".getBytes(StandardCharsets.UTF_8), "c");

        assertThat(data.resolve("data-key")).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(data.resolve("data-key")).strip())).hasSize(32);
        assertThat(new PersonalDataCipher("", dev, data).open(sealed, "c")).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
    }

    private static PersonalDataCipher cipher(String keys) {
        return new PersonalDataCipher(keys, new MockEnvironment(), Path.of("target/unused"));
    }
}
