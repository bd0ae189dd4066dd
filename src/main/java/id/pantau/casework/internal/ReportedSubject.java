package id.pantau.casework.internal;

import org.jspecify.annotations.Nullable;

/** Who the reported act is attributed to, as far as it decides where a violation goes. */
enum ReportedSubject {
    /** Members of KPU or Bawaslu at any level. */
    ELECTION_BODY_MEMBER,
    /** Ad-hoc supervisors: Panwaslu Kecamatan, Pengawas Kelurahan/Desa, Pengawas TPS. */
    ADHOC_SUPERVISOR,
    /** Aparatur sipil negara. */
    ASN,
    TNI,
    POLRI,
    VILLAGE_HEAD,
    /** Candidates, parties, campaign teams, anyone else. */
    OTHER;

    /** What the report's subcategory says, when it says anything. */
    static ReportedSubject fromSubcategory(@Nullable String subcategory) {
        if (subcategory == null) {
            return OTHER;
        }
        return switch (subcategory) {
            case "NEUTRALITY_ASN" -> ASN;
            case "NEUTRALITY_TNI" -> TNI;
            case "NEUTRALITY_POLRI" -> POLRI;
            case "NEUTRALITY_VILLAGE" -> VILLAGE_HEAD;
            case "OFFICIAL_ETHICS", "OFFICIAL_PARTIALITY" -> ELECTION_BODY_MEMBER;
            default -> OTHER;
        };
    }
}
