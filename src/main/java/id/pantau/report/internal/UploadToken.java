package id.pantau.report.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import id.pantau.shared.Sha256;

/**
 * The secret that lets an anonymous reporter attach evidence to the report they just sent.
 * Shown once; only its SHA-256 is stored.
 */
record UploadToken(String token, byte[] hash, Instant expiresAt) {

    static UploadToken issue(SecureRandom random, Instant expiresAt) {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new UploadToken(token, hash(token), expiresAt);
    }

    static byte[] hash(String token) {
        return Sha256.of(token);
    }
}
