package id.pantau.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import id.pantau.casework.CaseOutcome;
import id.pantau.casework.CaseStage;
import id.pantau.election.ElectionType;
import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code legal_case}, changed in memory by an action and written back in the same
 * transaction (the row is locked meanwhile). The fields mirror the columns.
 */
final class LegalCase {

    final UUID id;
    RegionCode regionCode;
    /** Null: Bawaslu RI. */
    @Nullable RegionCode officeCode;
    ZoneId zone;
    CaseStage stage;
    final String kind;
    final ElectionType ruleSet;
    final @Nullable Long electionId;
    final String categoryCode;
    final @Nullable String subcategoryCode;
    @Nullable ReportedSubject subject;
    @Nullable UUID incidentId;
    final Instant receivedAt;
    @Nullable Instant clockStartedAt;
    boolean extended;
    @Nullable String registerNumber;
    @Nullable Instant registeredAt;
    @Nullable CaseOutcome outcome;
    @Nullable Instant decidedAt;
    @Nullable ReferralTarget referralTarget;
    @Nullable String referralLetter;
    @Nullable LocalDate referralDate;
    @Nullable String missingItems;
    @Nullable UUID mergedInto;
    @Nullable Instant nextDueAt;
    @Nullable String nextDueName;
    final Instant createdAt;
    Instant updatedAt;

    LegalCase(UUID id, RegionCode regionCode, @Nullable RegionCode officeCode, ZoneId zone, CaseStage stage, String kind,
              ElectionType ruleSet, @Nullable Long electionId, String categoryCode, @Nullable String subcategoryCode,
              Instant receivedAt, Instant createdAt) {
        this.id = id;
        this.regionCode = regionCode;
        this.officeCode = officeCode;
        this.zone = zone;
        this.stage = stage;
        this.kind = kind;
        this.ruleSet = ruleSet;
        this.electionId = electionId;
        this.categoryCode = categoryCode;
        this.subcategoryCode = subcategoryCode;
        this.receivedAt = receivedAt;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    CaseClock.Facts clockFacts() {
        return new CaseClock.Facts(stage, receivedAt, clockStartedAt, registeredAt, extended, outcome, decidedAt);
    }
}
