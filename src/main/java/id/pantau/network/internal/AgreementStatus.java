package id.pantau.network.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an agreement: penjajakan (exploring), drafting, signed, in force, then expired or
 * terminated. Each status allows only the next ones.
 */
enum AgreementStatus {
    EXPLORING, DRAFTING, SIGNED, ACTIVE, EXPIRED, TERMINATED;

    private static final Map<AgreementStatus, Set<AgreementStatus>> NEXT = Map.of(
            EXPLORING, EnumSet.of(DRAFTING),
            DRAFTING, EnumSet.of(SIGNED),
            SIGNED, EnumSet.of(ACTIVE),
            ACTIVE, EnumSet.of(EXPIRED, TERMINATED),
            EXPIRED, EnumSet.noneOf(AgreementStatus.class),
            TERMINATED, EnumSet.noneOf(AgreementStatus.class));

    Set<AgreementStatus> next() {
        return NEXT.get(this);
    }

    boolean allows(AgreementStatus to) {
        return NEXT.get(this).contains(to);
    }

    /** Signed or in force: its validity dates matter. */
    boolean inForce() {
        return this == SIGNED || this == ACTIVE;
    }
}
