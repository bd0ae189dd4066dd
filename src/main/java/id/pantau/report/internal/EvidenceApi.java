package id.pantau.report.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.shared.ClientRateLimits;
import id.pantau.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Reports")
class EvidenceApi {

    private final Evidence evidence;
    private final ReportAccess access;
    private final ClientRateLimits rateLimits;

    EvidenceApi(Evidence evidence, ReportAccess access, ClientRateLimits rateLimits) {
        this.evidence = evidence;
        this.access = access;
        this.rateLimits = rateLimits;
    }

    @PostMapping(value = "/api/v1/reports/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a photo (JPEG, PNG, WebP) or PDF, in the multipart field 'file'",
            description = "Authorised by the report's uploadToken in X-Upload-Token, or by a signed-in account that may "
                    + "see the report. The type is judged by the content. The same file twice is stored once (200).")
    ResponseEntity<Evidence.Item> upload(@PathVariable UUID id, @RequestParam(required = false) @Nullable MultipartFile file,
                                         @RequestHeader(name = "X-Upload-Token", required = false) @Nullable String token,
                                         @Nullable Actor actor, HttpServletRequest http) throws IOException {
        rateLimits.check("evidence", http.getRemoteAddr());
        access.requireUpload(actor, token, id);
        if (file == null) {
            throw InvalidInputException.of("file", "required", "send the file in the multipart field 'file'");
        }
        Evidence.Attached attached = evidence.attach(id, file.getBytes(), file.getOriginalFilename(),
                actor == null ? "reporter" : actor.username());
        URI location = URI.create("/api/v1/reports/" + id + "/evidence/" + attached.item().id());
        return attached.created() ? ResponseEntity.created(location).body(attached.item()) : ResponseEntity.ok(attached.item());
    }

    @GetMapping("/api/v1/reports/{id}/evidence")
    List<Evidence.Item> list(@PathVariable UUID id, Actor actor) {
        access.requireRead(actor, id);
        return evidence.list(id);
    }

    @GetMapping("/api/v1/reports/{id}/evidence/{evidenceId}/photo")
    @Operation(summary = "A photo as it may be shown: without EXIF (GPS position), XMP, IPTC or comments; 404 for a PDF")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID evidenceId, Actor actor) {
        access.requireRead(actor, id);
        return evidence.photo(id, evidenceId).inline();
    }

    @GetMapping("/api/v1/reports/{id}/evidence/{evidenceId}")
    @Operation(summary = "The original file, as uploaded (for staff: originals are evidence and keep their metadata)")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID evidenceId, Actor actor) {
        access.requireRead(actor, id);
        return evidence.open(id, evidenceId).asDownload();
    }
}
