package id.pantau.casework.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.casework.CaseStage;
import id.pantau.region.RegionCode;
import id.pantau.shared.Idempotency;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Case handling over HTTP: the queue, one case with its deadlines and history, actions, documents. */
@RestController
@Tag(name = "Cases")
class CaseApi {

    private final CaseQueries queries;
    private final CaseHandling handling;
    private final CaseDocuments documents;
    private final Idempotency idempotency;

    CaseApi(CaseQueries queries, CaseHandling handling, CaseDocuments documents, Idempotency idempotency) {
        this.queries = queries;
        this.handling = handling;
        this.documents = documents;
        this.idempotency = idempotency;
    }

    @GetMapping("/api/v1/cases")
    @Operation(summary = "The queue: cases of the offices in your subtree, nearest legal deadline first",
            description = "Filters: region (the case's region subtree), stage (repeatable; default: all still being "
                    + "handled), category, election, office (a region code or RI), reportId, due=overdue|today|week.")
    PageResult<CaseViews.QueueItem> queue(Actor actor, @RequestParam(required = false) @Nullable RegionCode region,
                                          @RequestParam(required = false) @Nullable List<CaseStage> stage,
                                          @RequestParam(required = false) @Nullable String category,
                                          @RequestParam(required = false) @Nullable Long election,
                                          @RequestParam(required = false) @Nullable String office,
                                          @RequestParam(required = false) @Nullable UUID reportId,
                                          @RequestParam(required = false) @Nullable String due,
                                          @RequestParam(required = false) @Nullable Integer page,
                                          @RequestParam(required = false) @Nullable Integer size) {
        return queries.queue(actor, filter(region, stage, category, election, office, reportId, due), PageRequest.of(page, size));
    }

    static CaseQueries.Filter filter(@Nullable RegionCode region, @Nullable List<CaseStage> stage, @Nullable String category,
                                     @Nullable Long election, @Nullable String office, @Nullable UUID reportId,
                                     @Nullable String due) {
        CaseQueries.Due parsedDue = null;
        if (due != null && !due.isBlank()) {
            try {
                parsedDue = CaseQueries.Due.valueOf(due.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("due", "due.invalid", "must be overdue, today or week");
            }
        }
        if (office != null && !office.isBlank() && !Offices.NATIONAL.equals(office) && !RegionCode.isValid(office)) {
            throw InvalidInputException.of("office", "office.invalid", "must be a region code (nn.nn) or RI");
        }
        return new CaseQueries.Filter(region, stage == null ? List.of() : stage, blankToNull(category), election,
                blankToNull(office), reportId, parsedDue);
    }

    @GetMapping("/api/v1/cases/{id}")
    @Operation(summary = "A case: stage, office, register number, deadlines in the office's time zone, history")
    CaseViews.Detail get(@PathVariable UUID id, Actor actor) {
        return queries.detail(actor, id);
    }

    @PostMapping("/api/v1/cases/{id}/actions")
    @Operation(summary = "Take a step: BEGIN_REVIEW, REQUEST_COMPLETION, COMPLETED, REGISTER, DECLINE, "
            + "BEGIN_CLARIFICATION, RECORD_CLARIFICATION, BEGIN_ASSESSMENT, TO_PLENARY, EXTEND, DECIDE, REFER, CLOSE, "
            + "DELEGATE; honours Idempotency-Key",
            description = "A step the case's stage does not allow answers 409 with the stage and allowedActions.")
    ResponseEntity<?> act(@PathVariable UUID id, @RequestBody ActionRequest request, Actor actor,
                          @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.create("account:" + actor.id(), key, new Keyed(id, request), () -> {
            LegalCase c = handling.act(actor, id, request);
            if (!actor.mayActOn(c.officeCode)) {
                // handed over to an office outside the actor's region: done, and no longer theirs to see
                return ResponseEntity.ok(new HandedOver(c.id, c.stage, c.officeCode == null ? Offices.NATIONAL : c.officeCode.value()));
            }
            return ResponseEntity.ok(queries.detail(actor, id));
        });
    }

    /** The answer to a hand-over that takes the case out of the actor's region. */
    record HandedOver(UUID id, CaseStage stage, String office) {
    }

    /** The case id is part of what a key stands for: the same key on another case is a reuse. */
    record Keyed(UUID caseId, ActionRequest request) {
    }

    @PostMapping(value = "/api/v1/cases/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document (PDF or photo, multipart field 'file'); attach it with documentIds on an action")
    ResponseEntity<CaseDocuments.Document> upload(@PathVariable UUID id, @RequestParam(required = false) @Nullable MultipartFile file,
                                                  Actor actor) throws IOException {
        actor.requireRole(Role.STAFF);
        if (file == null) {
            throw InvalidInputException.of("file", "required", "send the file in the multipart field 'file'");
        }
        byte[] content = file.getBytes();
        CaseDocuments.Document document = handling.upload(actor, id, content, file.getOriginalFilename());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/documents/" + document.id())).body(document);
    }

    @GetMapping("/api/v1/cases/{id}/documents/{documentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID documentId, Actor actor) {
        handling.readable(actor, id);
        CaseDocuments.Content content = documents.open(id, documentId);
        CaseDocuments.Document document = content.document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .contentLength(document.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(document.fileName())
                        .build().toString())
                .header("X-Content-SHA256", document.sha256())
                .body(new InputStreamResource(content.stream()));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
