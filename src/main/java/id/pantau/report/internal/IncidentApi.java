package id.pantau.report.internal;

import java.util.List;
import java.util.UUID;

import id.pantau.account.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Incidents: suggested groups of duplicate reports that staff confirm, merge or split. */
@RestController
@Tag(name = "Incidents")
class IncidentApi {

    private final Incidents incidents;

    IncidentApi(Incidents incidents) {
        this.incidents = incidents;
    }

    record Split(@Nullable List<UUID> reportIds) {
    }

    record Merge(@Nullable List<UUID> incidentIds, @Nullable List<UUID> reportIds) {
    }

    @GetMapping("/api/v1/incidents/{id}")
    @Operation(summary = "An incident with all its reports, each a witness account of it")
    Incidents.IncidentView get(@PathVariable UUID id, Actor actor) {
        return incidents.get(actor, id);
    }

    @PostMapping("/api/v1/incidents/{id}/confirm")
    Incidents.IncidentView confirm(@PathVariable UUID id, Actor actor) {
        return incidents.confirm(actor, id);
    }

    @PostMapping("/api/v1/incidents/{id}/split")
    @Operation(summary = "Take reports out of the incident (204 when it is dissolved because fewer than two remain)")
    ResponseEntity<Incidents.IncidentView> split(@PathVariable UUID id, @RequestBody Split request, Actor actor) {
        Incidents.IncidentView rest = incidents.split(actor, id, request.reportIds() == null ? List.of() : request.reportIds());
        return rest == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(rest);
    }

    @PostMapping("/api/v1/incidents/{id}/merge")
    @Operation(summary = "Merge other incidents or single reports into this incident, and confirm it")
    Incidents.IncidentView merge(@PathVariable UUID id, @RequestBody Merge request, Actor actor) {
        return incidents.merge(actor, id, request.incidentIds() == null ? List.of() : request.incidentIds(),
                request.reportIds() == null ? List.of() : request.reportIds());
    }
}
