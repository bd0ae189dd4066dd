package id.pantau.network.internal;

import java.net.URI;

import id.pantau.account.Actor;
import id.pantau.region.RegionCode;
import id.pantau.shared.Idempotency;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Partners of the Bawaslu offices. */
@RestController
@Tag(name = "Partners")
class PartnerApi {

    private final Partners partners;
    private final Idempotency idempotency;

    PartnerApi(Partners partners, Idempotency idempotency) {
        this.partners = partners;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/partners")
    @Operation(summary = "Record a partner; contacts are sealed at rest and answered masked; honours Idempotency-Key")
    ResponseEntity<?> create(Actor actor, @RequestBody Partners.PartnerRequest request,
                             @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.create("account:" + actor.id(), key, request, () -> {
            Partners.PartnerView created = partners.create(actor, request);
            return ResponseEntity.created(URI.create("/api/v1/partners/" + created.id())).body(created);
        });
    }

    @GetMapping("/api/v1/partners")
    PageResult<Partners.PartnerView> list(Actor actor, @RequestParam(required = false) @Nullable RegionCode region,
                                          @RequestParam(required = false) @Nullable PartnerType type,
                                          @RequestParam(required = false) @Nullable String q,
                                          @RequestParam(required = false) @Nullable Integer page,
                                          @RequestParam(required = false) @Nullable Integer size) {
        return partners.list(actor, region, type, q, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/partners/{id}")
    Partners.PartnerView get(Actor actor, @PathVariable long id) {
        return partners.get(actor, id);
    }

    @GetMapping("/api/v1/partners/{id}/contacts")
    @Operation(summary = "The partner's contacts unmasked (staff, coordinators, administrators of the region; every read is audited)")
    ResponseEntity<java.util.List<PartnerContact>> contacts(Actor actor, @PathVariable long id) {
        return ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noStore())
                .body(partners.revealContacts(actor, id));
    }

    @PutMapping("/api/v1/partners/{id}")
    @Operation(summary = "Replace a partner's name, type, region and contacts")
    Partners.PartnerView update(Actor actor, @PathVariable long id, @RequestBody Partners.PartnerRequest request) {
        return partners.update(actor, id, request);
    }
}
