package id.pantau.network.internal;

import org.jspecify.annotations.Nullable;

/** How contact details appear outside their sealed store: enough to recognise, not to use. */
final class NetworkMasks {

    private NetworkMasks() {
    }

    /** 081234567890 → 0812*****890. */
    static @Nullable String phone(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.strip();
        if (digits.length() <= 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 4) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 3);
    }

    /** budi@example.id → b***@example.id. */
    static @Nullable String email(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
