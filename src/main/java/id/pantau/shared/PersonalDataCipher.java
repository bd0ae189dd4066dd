package id.pantau.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest (reporters' identities, witnesses' contacts, NIKs) with
 * AES-256-GCM through Google Tink. Keys come from {@code PANTAU_DATA_KEY}: base64 32-byte keys,
 * comma-separated, the first one encrypting and all of them decrypting, so a key can be rotated
 * without re-encrypting old rows first. Every ciphertext is bound to a context (e.g. the id of
 * the row it belongs to), so it cannot be copied onto another row and still open.
 */
@Component
public class PersonalDataCipher {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);
    private static final int KEY_BYTES = 32;

    private final Aead aead;

    PersonalDataCipher(@Value("${pantau.data-key:}") String configured, Environment environment,
                       @Value("${pantau.dev.data-dir:./data}") Path devDataDirectory) {
        String keys = configured.isBlank() && environment.matchesProfiles("dev")
                ? developmentKey(devDataDirectory.resolve("data-key")) : configured;
        if (keys.isBlank()) {
            throw new MissingSettingsException("Pantau encrypts personal data at rest and needs a key",
                    List.of("PANTAU_DATA_KEY"), """
                    Generate a key once and keep it safe (losing it loses the encrypted data):
                        PANTAU_DATA_KEY=$(openssl rand -base64 32)
                    To rotate, put the new key first and keep the old ones after it, comma-separated.""");
        }
        this.aead = aead(keys);
    }

    public byte[] seal(byte[] plaintext, String context) {
        try {
            return aead.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    public byte[] open(byte[] ciphertext, String context) {
        try {
            return aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt: wrong key, or data moved from another record", e);
        }
    }

    private static Aead aead(String keys) {
        try {
            AeadConfig.register();
            var parameters = AesGcmParameters.builder().setKeySizeBytes(KEY_BYTES).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.TINK).build();
            var keyset = KeysetHandle.newBuilder();
            List<String> encoded = new ArrayList<>(List.of(keys.split(",")));
            for (int i = 0; i < encoded.size(); i++) {
                byte[] raw = decode(encoded.get(i).strip(), i);
                // a stable key id from the key itself: ciphertexts name the key that sealed them
                AesGcmKey key = AesGcmKey.builder().setParameters(parameters)
                        .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
                        .setIdRequirement(keyId(raw)).build();
                var entry = KeysetHandle.importKey(key);
                keyset.addEntry(i == 0 ? entry.makePrimary() : entry);
            }
            return keyset.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PANTAU_DATA_KEY holds an unusable key", e);
        }
    }

    private static byte[] decode(String key, int position) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != KEY_BYTES) {
            throw new MissingSettingsException("PANTAU_DATA_KEY is not valid", List.of("PANTAU_DATA_KEY"),
                    "Key number " + (position + 1) + " must be 32 random bytes in base64, e.g. from: openssl rand -base64 32");
        }
        return raw;
    }

    private static int keyId(byte[] raw) {
        int id = ByteBuffer.wrap(Sha256.of(raw)).getInt();
        return id == 0 ? 1 : id;
    }

    /** Development only: a key generated on first start and kept next to the embedded database. */
    private static String developmentKey(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] raw = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(raw);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(raw));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the directory's own permissions apply
                }
                log.warn("Generated a development data key in {} (production: set PANTAU_DATA_KEY)", file.toAbsolutePath());
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development data key " + file, e);
        }
    }
}
