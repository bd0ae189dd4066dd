package id.pantau.network.internal;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.region.RegionCode;
import id.pantau.shared.Idempotency;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Agreements (MoU) with partners: lifecycle, follow-ups, documents. */
@RestController
@Tag(name = "Agreements")
class AgreementApi {

    private final Agreements agreements;
    private final Idempotency idempotency;

    AgreementApi(Agreements agreements, Idempotency idempotency) {
        this.agreements = agreements;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/agreements")
    @Operation(summary = "Record an agreement being explored (status EXPLORING); honours Idempotency-Key")
    ResponseEntity<?> create(Actor actor, @RequestBody Agreements.AgreementRequest request,
                             @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.create("account:" + actor.id(), key, request, () -> {
            Agreements.AgreementView created = agreements.create(actor, request);
            return ResponseEntity.created(URI.create("/api/v1/agreements/" + created.id())).body(created);
        });
    }

    @GetMapping("/api/v1/agreements")
    @Operation(summary = "Agreements in your region; expiring=N keeps those signed or in force ending within N days, "
            + "overdue=true those with a follow-up past its due date")
    PageResult<Agreements.AgreementSummary> list(Actor actor, @RequestParam(required = false) @Nullable RegionCode region,
                                                 @RequestParam(required = false) @Nullable AgreementStatus status,
                                                 @RequestParam(required = false) @Nullable Long partnerId,
                                                 @RequestParam(required = false) @Nullable Integer expiring,
                                                 @RequestParam(defaultValue = "false") boolean overdue,
                                                 @RequestParam(required = false) @Nullable Integer page,
                                                 @RequestParam(required = false) @Nullable Integer size) {
        return agreements.list(actor, region, status, partnerId, expiring, overdue, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/agreements/{id}")
    Agreements.AgreementView get(Actor actor, @PathVariable long id) {
        return agreements.get(actor, id);
    }

    @PutMapping("/api/v1/agreements/{id}")
    @Operation(summary = "Replace title, region, partners, cooperation points, signatories and dates (not the status)")
    Agreements.AgreementView update(Actor actor, @PathVariable long id, @RequestBody Agreements.AgreementRequest request) {
        return agreements.update(actor, id, request);
    }

    @PostMapping("/api/v1/agreements/{id}/transitions")
    @Operation(summary = "EXPLORING → DRAFTING → SIGNED (needs signedOn or date) → ACTIVE → EXPIRED | TERMINATED; 409 otherwise")
    Agreements.AgreementView transition(Actor actor, @PathVariable long id, @RequestBody Agreements.TransitionRequest request) {
        return agreements.transition(actor, id, request);
    }

    @PostMapping("/api/v1/agreements/{id}/follow-ups")
    ResponseEntity<Agreements.FollowUp> addFollowUp(Actor actor, @PathVariable long id,
                                                    @RequestBody Agreements.FollowUpRequest request) {
        Agreements.FollowUp created = agreements.addFollowUp(actor, id, request);
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + id + "/follow-ups/" + created.id())).body(created);
    }

    record Done(@Nullable LocalDate doneOn) {
    }

    @PostMapping("/api/v1/agreements/{id}/follow-ups/{followUpId}/done")
    Agreements.FollowUp done(Actor actor, @PathVariable long id, @PathVariable long followUpId,
                             @RequestBody(required = false) @Nullable Done request) {
        return agreements.completeFollowUp(actor, id, followUpId, request == null ? null : request.doneOn());
    }

    @PostMapping(value = "/api/v1/agreements/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Agreements.Document> upload(Actor actor, @PathVariable long id,
                                               @RequestParam(required = false) @Nullable MultipartFile file) throws IOException {
        if (file == null) {
            throw InvalidInputException.of("file", "required", "send the file in the multipart field 'file'");
        }
        Agreements.Document document = agreements.upload(actor, id, file.getBytes(), file.getOriginalFilename());
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + id + "/documents/" + document.id())).body(document);
    }

    @GetMapping("/api/v1/agreements/{id}/documents/{documentId}")
    ResponseEntity<InputStreamResource> download(Actor actor, @PathVariable long id, @PathVariable UUID documentId) {
        Agreements.Content content = agreements.open(actor, id, documentId);
        Agreements.Document document = content.document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .contentLength(document.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(document.fileName()).build().toString())
                .header("X-Content-SHA256", document.sha256())
                .body(new InputStreamResource(content.stream()));
    }
}
