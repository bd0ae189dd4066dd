package id.pantau.casework.internal;

import java.time.Instant;
import java.util.Map;

import id.pantau.casework.CaseStage;
import org.jspecify.annotations.Nullable;

/** One step of a case's history, as stored. */
record HistoryEntry(long id, Instant at, String actor, String action, CaseStage fromStage, CaseStage toStage,
                    @Nullable String note, Map<String, Object> details) {
}
