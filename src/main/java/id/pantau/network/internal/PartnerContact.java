package id.pantau.network.internal;

import org.jspecify.annotations.Nullable;

/** A partner's focal point. Sealed at rest; the API shows phone and e-mail masked. */
record PartnerContact(@Nullable String name, @Nullable String position, @Nullable String phone, @Nullable String email) {

    PartnerContact masked() {
        return new PartnerContact(name, position, NetworkMasks.phone(phone), NetworkMasks.email(email));
    }
}
