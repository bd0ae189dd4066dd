package id.pantau.network.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import id.pantau.account.Actor;
import id.pantau.region.RegionCode;
import id.pantau.shared.Idempotency;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Monitoring teams and their members, for coordinators, staff and administrators; analysts read. */
@RestController
@Tag(name = "Teams")
class TeamApi {

    private final Teams teams;
    private final MemberImport memberImport;
    private final Idempotency idempotency;

    TeamApi(Teams teams, MemberImport memberImport, Idempotency idempotency) {
        this.teams = teams;
        this.memberImport = memberImport;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/teams")
    @Operation(summary = "Form a monitoring team for a region; honours Idempotency-Key")
    ResponseEntity<?> create(Actor actor, @RequestBody Teams.TeamRequest request,
                             @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.create("account:" + actor.id(), key, request, () -> {
            Teams.TeamView team = teams.create(actor, request);
            return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(team);
        });
    }

    @GetMapping("/api/v1/teams")
    @Operation(summary = "Teams in the caller's region; filter by region, partner (formed by) and q (name)")
    PageResult<Teams.TeamView> list(Actor actor, @RequestParam(required = false) @Nullable RegionCode region,
                                    @RequestParam(required = false) @Nullable Long partner,
                                    @RequestParam(required = false) @Nullable String q,
                                    @RequestParam(required = false) @Nullable Integer page,
                                    @RequestParam(required = false) @Nullable Integer size) {
        return teams.list(actor, region, partner, q, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/teams/{id}")
    Teams.TeamView get(Actor actor, @PathVariable long id) {
        return teams.get(actor, id);
    }

    @PutMapping("/api/v1/teams/{id}")
    Teams.TeamView update(Actor actor, @PathVariable long id, @RequestBody Teams.TeamRequest request) {
        return teams.update(actor, id, request);
    }

    @PostMapping("/api/v1/teams/{id}/members")
    @Operation(summary = "Add an approved volunteer to the team with a role, origin and optional area and TPS; honours Idempotency-Key")
    ResponseEntity<?> addMember(Actor actor, @PathVariable long id, @RequestBody Teams.MemberRequest request,
                                @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.create("account:" + actor.id(), key, request, () -> {
            Teams.MemberView member = teams.addMember(actor, id, request);
            return ResponseEntity.created(URI.create("/api/v1/teams/" + id + "/members/" + member.id())).body(member);
        });
    }

    @GetMapping("/api/v1/teams/{id}/members")
    @Operation(summary = "The team's members, coordinator first; filter by role")
    PageResult<Teams.MemberView> members(Actor actor, @PathVariable long id,
                                         @RequestParam(required = false) @Nullable TeamRole role,
                                         @RequestParam(required = false) @Nullable Integer page,
                                         @RequestParam(required = false) @Nullable Integer size) {
        return teams.members(actor, id, role, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/teams/{id}/members/{memberId}")
    Teams.MemberView member(Actor actor, @PathVariable long id, @PathVariable long memberId) {
        return teams.member(actor, id, memberId);
    }

    @PutMapping("/api/v1/teams/{id}/members/{memberId}")
    @Operation(summary = "Change a member's role, origin, area and TPS")
    Teams.MemberView updateMember(Actor actor, @PathVariable long id, @PathVariable long memberId,
                                  @RequestBody Teams.MemberRequest request) {
        return teams.updateMember(actor, id, memberId, request);
    }

    @PostMapping(path = "/api/v1/teams/{id}/members/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import members from a CSV file (name,phone,regionCode,role,origin[,tps]; at most 5,000 rows)",
            description = "Valid rows become approved volunteers and members in one transaction; invalid rows are "
                    + "listed in rejected by row (the header is row 1) and field, and write nothing.")
    MemberImport.Result importMembers(Actor actor, @PathVariable long id,
                                      @RequestPart(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        return memberImport.importMembers(actor, id, file == null ? null : file.getBytes());
    }

    @GetMapping(path = "/api/v1/teams/{id}/members.csv", produces = "text/csv")
    @Operation(summary = "The team's members as CSV, in the import's columns (phone numbers masked)")
    ResponseEntity<String> export(Actor actor, @PathVariable long id) {
        String csv = memberImport.export(teams.allMembers(actor, id));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("team-" + id + "-members.csv").build().toString())
                .body(csv);
    }
}
