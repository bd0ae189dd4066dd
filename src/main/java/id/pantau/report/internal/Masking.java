package id.pantau.report.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

import id.pantau.shared.Nik;
import org.jspecify.annotations.Nullable;

/** How personal data looks to those who must not read it: enough to tell entries apart, no more. */
final class Masking {

    private Masking() {
    }

    /** "Budi Santoso" becomes "B*** S***". */
    static @Nullable String name(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        return Arrays.stream(name.strip().split("\\s+")).map(w -> w.substring(0, 1) + "***").collect(Collectors.joining(" "));
    }

    static String nik(String nik) {
        return Nik.parse(nik).masked();
    }

    /** "081234567890" becomes "0812******90". */
    static @Nullable String phone(@Nullable String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "***";
        }
        return phone.substring(0, 4) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 2);
    }

    /** "budi@example.id" becomes "b***@example.id". */
    static @Nullable String email(@Nullable String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    static @Nullable String contact(@Nullable String contact) {
        if (contact == null) {
            return null;
        }
        return contact.contains("@") ? email(contact) : phone(contact);
    }
}
