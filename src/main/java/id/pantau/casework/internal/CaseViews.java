package id.pantau.casework.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import id.pantau.casework.CaseAction;
import id.pantau.casework.CaseOutcome;
import id.pantau.casework.CaseStage;
import id.pantau.election.ElectionType;
import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;

/** What the case API and pages show. Times carry the handling office's offset. */
final class CaseViews {

    private CaseViews() {
    }

    record Office(String code, String name, String timeZone) {
    }

    record Referral(ReferralTarget target, @Nullable String letterNumber, @Nullable LocalDate date) {
    }

    /** {@code timely}: within the reporting window, as intake judged it (null: not known). */
    record Report(UUID id, String trackingCode, String kind, RegionCode regionCode, OffsetDateTime receivedAt,
                  @Nullable Boolean timely) {
    }

    record Step(long id, OffsetDateTime at, String actor, String action, CaseStage fromStage, CaseStage toStage,
                @Nullable String note, Map<String, Object> details, List<Document> documents) {
    }

    record Document(UUID id, String fileName, String contentType, long size, String sha256, OffsetDateTime uploadedAt,
                    String uploadedBy, @Nullable Long stepId) {
    }

    /** A deadline that passed while the case was under it, as the deadline job recorded it. */
    record Warning(String deadline, OffsetDateTime dueAt) {
    }

    record DeadlineView(String name, OffsetDateTime dueAt, String basis, boolean current, Urgency urgency) {
    }

    record Detail(UUID id, CaseStage stage, String kind, ElectionType ruleSet, @Nullable Long electionId,
                  RegionCode regionCode, String regionName, Office office, String category, @Nullable String subcategory,
                  @Nullable UUID incidentId, OffsetDateTime receivedAt, @Nullable String registerNumber,
                  @Nullable OffsetDateTime registeredAt, boolean extended, @Nullable CaseOutcome outcome,
                  @Nullable ReportedSubject subject, @Nullable ReferralTarget defaultReferralTarget,
                  @Nullable Referral referral, List<Requirement> missing, @Nullable UUID mergedInto, Urgency urgency,
                  List<DeadlineView> deadlines, Set<CaseAction> allowedActions, List<Report> reports, List<Step> history,
                  List<Document> pendingDocuments, List<Warning> warnings) {
    }

    record QueueItem(UUID id, CaseStage stage, String kind, RegionCode regionCode, String regionName, Office office,
                     String category, @Nullable String registerNumber, OffsetDateTime receivedAt,
                     @Nullable String deadline, @Nullable OffsetDateTime dueAt, Urgency urgency, int reportCount,
                     List<String> trackingCodes, @Nullable UUID incidentId) {
    }
}
