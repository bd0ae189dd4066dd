package id.pantau.report.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.election.Election;
import id.pantau.election.Elections;
import id.pantau.election.ReportingWindow;
import id.pantau.region.Region;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.RegionLocation;
import id.pantau.region.Regions;
import id.pantau.report.ReportKind;
import id.pantau.report.ReportStatus;
import id.pantau.report.SubmitterAffiliations;
import id.pantau.report.TrackingCode;
import id.pantau.report.internal.ReportRequest.Reporter;
import id.pantau.report.internal.ReportRequest.Witness;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.InvalidNikException;
import id.pantau.shared.Nik;
import id.pantau.shared.TimeOrderedUuid;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives a report: checks every field (all problems reported at once), decides its kind,
 * election and reporting window, and stores it with its sealed identity in one short
 * transaction. A late report is stored and flagged, never refused. What follows (duplicate
 * detection, events) happens in the background, see {@link ReportProcessing}.
 */
@Service
class ReportIntake {

    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_WITNESSES = 10;
    /** Clocks of phones drift; a report "from the future" by less than this is believed. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Duration UPLOAD_TOKEN_LIFETIME = Duration.ofDays(7);
    private static final Pattern PHONE = Pattern.compile("(\\+62|62|0)[0-9]{8,13}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Taxonomy taxonomy;
    private final Regions regions;
    private final Elections elections;
    private final ReportRepository reports;
    private final ObjectProvider<SubmitterAffiliations> affiliations;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ReportIntake(Taxonomy taxonomy, Regions regions, Elections elections, ReportRepository reports,
                 ObjectProvider<SubmitterAffiliations> affiliations, Clock clock) {
        this.taxonomy = taxonomy;
        this.regions = regions;
        this.elections = elections;
        this.reports = reports;
        this.affiliations = affiliations;
        this.clock = clock;
    }

    /** Invalid input writes nothing, so it need not poison a caller's transaction (the SMS webhook keeps the message). */
    @Transactional(noRollbackFor = InvalidInputException.class)
    ReportReceipt submit(@Nullable Actor actor, ReportRequest request, Channel channel) {
        return receive(clock, actor, request, channel);
    }

    /**
     * Intake as if it were {@code receivedAt}: every rule applies as it did then. Only the demo
     * data set uses it, to spread its reports over past weeks ({@link DemoReports}).
     */
    @Transactional
    ReportReceipt submitAsOf(Instant receivedAt, @Nullable Actor actor, ReportRequest request, Channel channel) {
        return receive(Clock.fixed(receivedAt, ZoneId.of("UTC")), actor, request, channel);
    }

    private ReportReceipt receive(Clock asOf, @Nullable Actor actor, ReportRequest request, Channel channel) {
        Prepared prepared = prepare(asOf, actor, request, channel);
        reports.insert(prepared.report());
        return prepared.receipt();
    }

    /** A checked report ready to be stored, and the receipt its sender gets once it is. */
    record Prepared(ReportRepository.NewReport report, ReportReceipt receipt) {
    }

    /**
     * Checks the report and decides everything about it without writing: the API stores what this
     * returns through {@link ReportWriter}, together with other requests' reports.
     */
    Prepared prepare(@Nullable Actor actor, ReportRequest request, Channel channel) {
        return prepare(clock, actor, request, channel);
    }

    private Prepared prepare(Clock asOf, @Nullable Actor actor, ReportRequest request, Channel channel) {
        Instant now = asOf.instant();
        Checked checked = check(request, now);
        Region region = checked.region();
        ZoneId zone = region.timeZone().zoneId();
        Election election = checked.election() != null ? checked.election()
                : elections.runningIn(region.code(), checked.occurredAt().atZone(zone).toLocalDate()).orElse(null);
        ReportingWindow window = elections.reportingWindow(election, zone, checked.knownAt(), now);
        ReportKind kind = kindOf(actor, request.reporter());

        UUID id = TimeOrderedUuid.next(asOf);
        TrackingCode trackingCode = TrackingCode.generate(random);
        UploadToken upload = UploadToken.issue(random, now.plus(UPLOAD_TOKEN_LIFETIME));
        var identity = new ReporterIdentity(request.reporter(), request.witnesses() == null ? List.of() : request.witnesses());
        var report = new ReportRepository.NewReport(id, trackingCode.value(), kind, channel, election,
                checked.categoryCode(), blankToNull(request.subcategory()), blankToNull(request.act()),
                request.title().strip(), request.description().strip(), checked.occurredAt(), checked.knownAt(), now,
                window, region.code(), request.tps(), request.location(), request.reportedParty(),
                actor == null ? null : actor.id(), affiliationOf(actor), identity, upload);
        var receipt = new ReportReceipt(id, trackingCode.value(), kind, ReportStatus.RECEIVED, now.atZone(zone).toOffsetDateTime(),
                new ReportReceipt.Window(window.deadline(), window.timely(), window.days(), window.counting().name(),
                        window.basis()),
                upload.token(), upload.expiresAt().atZone(zone).toOffsetDateTime());
        return new Prepared(report, receipt);
    }

    /**
     * A volunteer's partner and teams as they are now, kept with the report. Only volunteers are
     * asked: anonymous reports on election day cost no extra query.
     */
    private SubmitterAffiliations.@Nullable Affiliation affiliationOf(@Nullable Actor actor) {
        if (actor == null || !actor.has(Role.VOLUNTEER)) {
            return null;
        }
        SubmitterAffiliations provider = affiliations.getIfAvailable();
        return provider == null ? null : provider.of(actor.id()).orElse(null);
    }

    /** Signed-in supervisors file findings; an identified reporter files a report; anyone else gives initial information. */
    static ReportKind kindOf(@Nullable Actor actor, @Nullable Reporter reporter) {
        if (actor != null && actor.has(Role.STAFF)) {
            return ReportKind.TEMUAN;
        }
        if (reporter != null && reporter.name() != null && !reporter.name().isBlank()) {
            return ReportKind.LAPORAN;
        }
        return ReportKind.INFORMASI_AWAL;
    }

    private record Checked(String categoryCode, Instant occurredAt, Instant knownAt, Region region,
                           @Nullable Election election) {
    }

    /** Every rule at once: a client learns all its mistakes from one answer. */
    private Checked check(ReportRequest request, Instant now) {
        var violations = new Violations();
        String category = checkTaxonomy(request, violations);
        checkText(request, violations);
        Instant[] times = checkTimes(request, now, violations);
        Region region = checkPlace(request, violations);
        Election election = checkElection(request.electionId(), region, violations);
        checkPeople(request, violations);
        violations.throwIfAny();
        return new Checked(category, times[0], times[1], java.util.Objects.requireNonNull(region), election);
    }

    private String checkTaxonomy(ReportRequest request, Violations violations) {
        String code = blankToNull(request.category());
        Optional<Category> type = code == null ? Optional.empty() : taxonomy.find(code).filter(Category::isType);
        if (code == null) {
            violations.add("category", "required", "is required; see GET /api/v1/categories");
        } else if (type.isEmpty()) {
            violations.add("category", "category.unknown", "'" + code + "' is not a category; see GET /api/v1/categories");
        }
        checkChild(type, blankToNull(request.subcategory()), "SUBTYPE", "subcategory", violations);
        checkChild(type, blankToNull(request.act()), "ACT", "act", violations);
        return code == null ? "" : code;
    }

    private void checkChild(Optional<Category> type, @Nullable String code, String facet, String field, Violations violations) {
        if (code == null || type.isEmpty()) {
            return;
        }
        boolean belongs = taxonomy.find(code)
                .filter(c -> facet.equals(c.facet()) && type.get().code().equals(c.parentCode())).isPresent();
        violations.check(belongs, field, field + ".unknown", "'" + code + "' is not a " + field + " of " + type.get().code());
    }

    private static void checkText(ReportRequest request, Violations violations) {
        String title = request.title() == null ? "" : request.title().strip();
        violations.check(title.length() >= 3 && title.length() <= 200, "title", "title.length",
                "must be 3 to 200 characters");
        String description = request.description() == null ? "" : request.description().strip();
        violations.check(description.length() >= 10 && description.length() <= MAX_DESCRIPTION, "description",
                "description.length", "must be 10 to " + MAX_DESCRIPTION + " characters");
    }

    private static Instant[] checkTimes(ReportRequest request, Instant now, Violations violations) {
        Instant latest = now.plus(CLOCK_SKEW);
        OffsetDateTime occurred = request.occurredAt();
        Instant knownAt = request.knownAt() == null ? now : request.knownAt().toInstant();
        if (occurred == null) {
            violations.add("occurredAt", "required", "is required: when did it happen?");
        } else if (occurred.toInstant().isAfter(latest)) {
            violations.add("occurredAt", "occurredAt.future", "is in the future");
        } else if (occurred.toInstant().isAfter(knownAt)) {
            violations.add("occurredAt", "occurredAt.afterKnownAt", "is after knownAt: one cannot learn of it before it happened");
        }
        violations.check(!knownAt.isAfter(latest), "knownAt", "knownAt.future", "is in the future");
        return new Instant[]{occurred == null ? now : occurred.toInstant(), knownAt};
    }

    private @Nullable Region checkPlace(ReportRequest request, Violations violations) {
        String code = blankToNull(request.regionCode());
        Region region = null;
        if (code == null) {
            violations.add("regionCode", "required", "is required: a regency/city, district or village code");
        } else if (!RegionCode.isValid(code)) {
            violations.add("regionCode", "regionCode.format", "must be a region code such as 35.09 or 35.09.01.2001");
        } else if (RegionCode.parse(code).level() == RegionLevel.PROVINCE) {
            violations.add("regionCode", "regionCode.tooBroad", "must be at least a regency/city, not a province");
        } else {
            region = regions.find(RegionCode.parse(code)).orElse(null);
            violations.check(region != null, "regionCode", "regionCode.unknown", "region " + code + " does not exist");
        }
        if (request.tps() != null) {
            violations.check(request.tps() >= 1 && request.tps() <= 999, "tps", "tps.range", "must be 1 to 999");
            violations.check(region == null || region.level() == RegionLevel.VILLAGE, "tps", "tps.needsVillage",
                    "a TPS number needs the village (desa/kelurahan) as regionCode");
        }
        if (request.location() != null) {
            checkLocation(request.location(), region, violations);
        }
        return region;
    }

    private void checkLocation(ReportRequest.Location location, @Nullable Region region, Violations violations) {
        Double lat = location.lat();
        Double lon = location.lon();
        if (lat == null || lon == null || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            violations.add("location", "location.invalid", "needs lat (-90..90) and lon (-180..180)");
            return;
        }
        Optional<RegionLocation> found = regions.locate(lat, lon);
        if (found.isEmpty()) {
            violations.add("location", "location.outsideIndonesia", "is outside Indonesia");
        } else if (region != null && !inside(found.get(), region)) {
            violations.add("location", "location.outsideRegion", "is not inside " + region.name() + " (" + region.code() + ")");
        }
    }

    /** Compared at the finest level the boundaries know: districts, or regencies where a point falls between districts. */
    private static boolean inside(RegionLocation location, Region region) {
        RegionCode chosen = region.code();
        if (chosen.level() == RegionLevel.REGENCY || location.district() == null) {
            return location.regency().code().equals(chosen.ancestorAt(RegionLevel.REGENCY));
        }
        return location.district().code().equals(chosen.ancestorAt(RegionLevel.DISTRICT));
    }

    private @Nullable Election checkElection(@Nullable Long electionId, @Nullable Region region, Violations violations) {
        if (electionId == null) {
            return null;
        }
        Optional<Election> election = elections.find(electionId);
        if (election.isEmpty()) {
            violations.add("electionId", "electionId.unknown", "election " + electionId + " does not exist");
            return null;
        }
        if (region != null && !election.get().covers(region.code())) {
            violations.add("electionId", "electionId.otherRegion", election.get().name() + " is not held in " + region.name());
        }
        return election.get();
    }

    private static void checkPeople(ReportRequest request, Violations violations) {
        if (request.reportedParty() != null) {
            var party = request.reportedParty();
            violations.check(length(party.name()) <= 200 && length(party.position()) <= 200 && length(party.institution()) <= 200,
                    "reportedParty", "reportedParty.length", "name, position and institution take at most 200 characters each");
        }
        List<Witness> witnesses = request.witnesses() == null ? List.of() : request.witnesses();
        violations.check(witnesses.size() <= MAX_WITNESSES, "witnesses", "witnesses.tooMany", "at most " + MAX_WITNESSES + " witnesses");
        for (int i = 0; i < witnesses.size(); i++) {
            Witness witness = witnesses.get(i);
            violations.check(witness != null && length(witness.name()) >= 1 && length(witness.name()) <= 200
                            && length(witness.contact()) <= 200,
                    "witnesses[" + i + "]", "witness.invalid", "needs a name (at most 200 characters) and a contact of at most 200");
        }
        Reporter reporter = request.reporter();
        if (reporter == null) {
            return;
        }
        violations.check(length(reporter.name()) <= 200, "reporter.name", "reporter.name.length", "at most 200 characters");
        violations.check(length(reporter.address()) <= 500, "reporter.address", "reporter.address.length", "at most 500 characters");
        if (reporter.nik() != null && !reporter.nik().isBlank()) {
            try {
                Nik.parse(reporter.nik());
            } catch (InvalidNikException e) {
                violations.add("reporter.nik", "reporter.nik.invalid", e.getMessage());
            }
        }
        if (reporter.phone() != null && !reporter.phone().isBlank()) {
            violations.check(PHONE.matcher(reporter.phone().replaceAll("[\\s()-]", "")).matches(), "reporter.phone",
                    "reporter.phone.invalid", "must be an Indonesian phone number such as 081234567890 or +6281234567890");
        }
        if (reporter.email() != null && !reporter.email().isBlank()) {
            violations.check(reporter.email().length() <= 254 && EMAIL.matcher(reporter.email().strip()).matches(),
                    "reporter.email", "reporter.email.invalid", "is not an e-mail address");
        }
    }

    private static int length(@Nullable String text) {
        return text == null ? 0 : text.strip().length();
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Where a report came in. */
    enum Channel { WEB, API, SMS }
}
