package id.pantau.election.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.account.Role;
import id.pantau.election.Election;
import id.pantau.election.ElectionType;
import id.pantau.election.Elections;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.Regions;
import id.pantau.shared.Idempotency;
import id.pantau.shared.PageResult;
import id.pantau.shared.Violations;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Elections and their rules are public information; administrators define and adjust them. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Elections")
class ElectionApi {

    private final Elections elections;
    private final ElectionRepository repository;
    private final Regions regions;
    private final AuditTrail audit;
    private final Idempotency idempotency;
    private final LegalRulesAdministration administration;

    ElectionApi(Elections elections, ElectionRepository repository, Regions regions, AuditTrail audit,
                Idempotency idempotency, LegalRulesAdministration administration) {
        this.elections = elections;
        this.repository = repository;
        this.regions = regions;
        this.audit = audit;
        this.idempotency = idempotency;
        this.administration = administration;
    }

    @GetMapping("/elections")
    PageResult<Election> list() {
        return PageResult.all(elections.all());
    }

    @GetMapping("/elections/{id}")
    Election get(@PathVariable long id) {
        return elections.get(id);
    }

    @GetMapping("/rule-sets")
    @Operation(summary = "The legal rules of each election type")
    List<RuleSetView> ruleSets() {
        return administration.ruleSets();
    }

    @GetMapping("/rule-sets/{electionType}")
    @Operation(summary = "The legal rules of one election type")
    RuleSetView ruleSet(@PathVariable ElectionType electionType) {
        return administration.ruleSet(electionType);
    }

    @PutMapping("/rule-sets/{electionType}")
    @Operation(summary = "Adjust the legal rules of an election type (administrators); audited")
    RuleSetView adjustRuleSet(Actor actor, @PathVariable ElectionType electionType, @RequestBody RuleSetChange change) {
        return administration.adjust(actor, electionType, change);
    }

    @PostMapping("/elections")
    @Operation(summary = "Define an election (administrators); honours Idempotency-Key")
    ResponseEntity<?> create(Actor actor, @RequestBody NewElection request,
                             @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        actor.requireRole(Role.ADMIN);
        return idempotency.create("account:" + actor.id(), key, request, () -> {
            Election created = create(actor, request);
            return ResponseEntity.created(URI.create("/api/v1/elections/" + created.id())).body(created);
        });
    }

    /** Runs inside the idempotent creation's transaction. */
    private Election create(Actor actor, NewElection request) {
        var violations = new Violations();
        String name = request.name() == null ? "" : request.name().strip();
        violations.check(!name.isEmpty() && name.length() <= 200, "name", "name.length", "is required, at most 200 characters");
        ElectionType type = null;
        try {
            type = request.type() == null ? null : ElectionType.valueOf(request.type().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        violations.check(type != null, "type", "type.unknown", "must be PEMILU or PILKADA");
        LocalDate votingDay = request.votingDay();
        violations.check(votingDay != null, "votingDay", "required", "is required");
        RegionCode region = null;
        if (request.regionCode() != null && !request.regionCode().isBlank()) {
            if (!RegionCode.isValid(request.regionCode())) {
                violations.add("regionCode", "regionCode.format", "must be a region code such as 35 or 35.09");
            } else {
                region = RegionCode.parse(request.regionCode());
                if (type == ElectionType.PEMILU) {
                    violations.add("regionCode", "regionCode.pemilu", "a Pemilu is national: leave the region empty");
                } else if (region.level() != RegionLevel.PROVINCE && region.level() != RegionLevel.REGENCY) {
                    violations.add("regionCode", "regionCode.level", "a Pilkada covers a province or a regency/city");
                } else if (!regions.exists(region)) {
                    violations.add("regionCode", "regionCode.unknown", "region " + region + " does not exist");
                }
            }
        }
        LocalDate startsOn = request.startsOn() != null || votingDay == null ? request.startsOn() : votingDay.minusYears(1);
        LocalDate endsOn = request.endsOn() != null || votingDay == null ? request.endsOn() : votingDay.plusMonths(3);
        if (votingDay != null && startsOn != null && endsOn != null) {
            violations.check(!startsOn.isAfter(votingDay), "startsOn", "startsOn.afterVotingDay", "must not be after voting day");
            violations.check(!endsOn.isBefore(votingDay), "endsOn", "endsOn.beforeVotingDay", "must not be before voting day");
        }
        violations.throwIfAny();
        long id = repository.insert(name, type, votingDay, region, startsOn, endsOn, actor.username());
        elections.changed();
        audit.record(actor.username(), "ELECTION_CREATED", "election:" + id, Map.of("name", name, "type", type.name()));
        return elections.get(id);
    }
}
