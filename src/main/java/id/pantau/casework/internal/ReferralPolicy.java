package id.pantau.casework.internal;

import java.util.Optional;

import id.pantau.casework.CaseOutcome;

/**
 * The default referral target of an outcome (PRODUCT.md §4); staff may choose another. A case
 * that is not a violation is not referred.
 */
final class ReferralPolicy {

    private ReferralPolicy() {
    }

    static Optional<ReferralTarget> defaultTarget(CaseOutcome outcome, ReportedSubject subject) {
        return Optional.ofNullable(switch (outcome) {
            case ADMINISTRATIVE -> ReferralTarget.KPU;
            case CRIMINAL -> ReferralTarget.SENTRA_GAKKUMDU;
            case ETHICS -> subject == ReportedSubject.ADHOC_SUPERVISOR ? ReferralTarget.BAWASLU_REGENCY : ReferralTarget.DKPP;
            case OTHER_LAW -> subject == ReportedSubject.ASN ? ReferralTarget.BKN : ReferralTarget.OTHER_AGENCY;
            case NOT_A_VIOLATION -> null;
        });
    }
}
