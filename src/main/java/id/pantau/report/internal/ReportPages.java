package id.pantau.report.internal;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.region.Region;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.Regions;
import id.pantau.shared.ClientRateLimits;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public pages: the report form (/lapor) and the tracking page (/lacak). The form works
 * without JavaScript as a plain multipart POST; with it, report-form.js sends it through the API,
 * keeps a draft on the device and sends it later when the connection drops.
 */
@Controller
class ReportPages {

    /** The error codes intake can answer with; the form shows their texts in its own language. */
    private static final List<String> ERROR_CODES = List.of("required", "value.invalid", "category.unknown",
            "subcategory.unknown", "act.unknown", "title.length", "description.length", "occurredAt.future",
            "occurredAt.afterKnownAt", "knownAt.future", "regionCode.format", "regionCode.unknown", "regionCode.tooBroad",
            "tps.range", "tps.needsVillage", "location.invalid", "location.outsideIndonesia", "location.outsideRegion",
            "electionId.unknown", "electionId.otherRegion", "reporter.nik.invalid", "reporter.phone.invalid",
            "reporter.email.invalid", "reporter.name.length", "reporter.address.length", "witness.invalid",
            "witnesses.tooMany", "reportedParty.length", "file.type", "file.tooLarge", "file.tooMany", "file.empty");

    private final Taxonomy taxonomy;
    private final Regions regions;
    private final ReportIntake intake;
    private final Evidence evidence;
    private final Tracking tracking;
    private final ClientRateLimits rateLimits;

    ReportPages(Taxonomy taxonomy, Regions regions, ReportIntake intake, Evidence evidence, Tracking tracking,
                ClientRateLimits rateLimits) {
        this.taxonomy = taxonomy;
        this.regions = regions;
        this.intake = intake;
        this.evidence = evidence;
        this.tracking = tracking;
        this.rateLimits = rateLimits;
    }

    /** The form's fields as a browser posts them without JavaScript. */
    record ReportForm(@Nullable String category, @Nullable String subcategory, @Nullable String act, @Nullable String title,
                      @Nullable String description, @Nullable String occurredAt, @Nullable String knownAt,
                      @Nullable String regionCode, @Nullable Integer tps, @Nullable Double lat, @Nullable Double lon,
                      @Nullable String partyName, @Nullable String partyPosition, @Nullable String partyInstitution,
                      @Nullable String witnessName, @Nullable String witnessContact, @Nullable String identified,
                      @Nullable String reporterName, @Nullable String reporterNik, @Nullable String reporterPhone,
                      @Nullable String reporterEmail, @Nullable String reporterAddress) {

        static ReportForm empty() {
            return new ReportForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null);
        }
    }

    @GetMapping("/lapor")
    String form(@Nullable Actor actor, Model model) {
        formModel(model, ReportForm.empty(), List.of());
        model.addAttribute("volunteer", volunteer(actor));
        return "report/form";
    }

    @PostMapping("/lapor")
    String submit(@ModelAttribute ReportForm form, @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
                  Model model, HttpServletRequest http, HttpServletResponse response) throws IOException {
        return submit(null, form, files, model, http, response);
    }

    /**
     * The same form, sent by a signed-in volunteer with their session and its CSRF token (unlike
     * /lapor, which takes neither): the report carries the volunteer and the partner and teams
     * they report for.
     */
    @PostMapping("/lapor/relawan")
    String submitAsVolunteer(Actor actor, @ModelAttribute ReportForm form,
                             @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
                             Model model, HttpServletRequest http, HttpServletResponse response) throws IOException {
        actor.requireRole(Role.VOLUNTEER);
        return submit(actor, form, files, model, http, response);
    }

    private static @Nullable Actor volunteer(@Nullable Actor actor) {
        return actor != null && actor.has(Role.VOLUNTEER) ? actor : null;
    }

    private String submit(@Nullable Actor volunteer, ReportForm form, @Nullable List<MultipartFile> files, Model model,
                          HttpServletRequest http, HttpServletResponse response) throws IOException {
        rateLimits.check("reports", http.getRemoteAddr());
        try {
            ReportReceipt receipt = intake.submit(volunteer, request(form), ReportIntake.Channel.WEB);
            List<String> rejected = new ArrayList<>();
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                if (file.isEmpty()) {
                    continue;
                }
                try {
                    evidence.attach(receipt.id(), file.getBytes(), file.getOriginalFilename(), "reporter");
                } catch (InvalidInputException e) {
                    rejected.add(file.getOriginalFilename());
                }
            }
            return "redirect:/lacak/" + receipt.trackingCode() + "?baru=1" + (rejected.isEmpty() ? "" : "&ditolak=" + rejected.size());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            formModel(model, form, e.violations());
            model.addAttribute("volunteer", volunteer);
            return "report/form";
        }
    }

    @GetMapping("/lacak")
    String trackForm(@RequestParam(name = "kode", required = false) @Nullable String code, Model model) {
        model.addAttribute("lightweight", true);
        return code == null || code.isBlank() ? "report/track" : "redirect:/lacak/" + code.strip().replace(' ', '-');
    }

    @GetMapping("/lacak/{code}")
    String track(@PathVariable String code, @RequestParam(name = "baru", required = false) @Nullable String fresh,
                 @RequestParam(name = "ditolak", required = false) @Nullable Integer rejected, Model model, Locale locale,
                 HttpServletRequest http, HttpServletResponse response) {
        rateLimits.check("track", http.getRemoteAddr());
        model.addAttribute("lightweight", true);
        model.addAttribute("code", code);
        try {
            Tracking.PublicStatus status = tracking.find(code);
            model.addAttribute("status", status);
            model.addAttribute("category", taxonomy.find(status.category()).map(c -> c.label(locale)).orElse(status.category()));
            model.addAttribute("region", regions.lineage(status.regionCode()));
            model.addAttribute("fresh", fresh != null);
            model.addAttribute("rejected", rejected == null ? 0 : rejected);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.violations().getFirst().message());
        } catch (NotFoundException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", "notFound");
        }
        return "report/track";
    }

    private void formModel(Model model, ReportForm form, List<FieldViolation> errors) {
        model.addAttribute("lightweight", true);
        model.addAttribute("errorCodes", ERROR_CODES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", taxonomy.types());
        model.addAttribute("taxonomy", taxonomy);
        model.addAttribute("provinces", regions.list(null, RegionLevel.PROVINCE, PageRequest.of(0, 100)).items());
    }

    /** The plain form gives local times without an offset: they are taken in the chosen region's time zone. */
    private ReportRequest request(ReportForm form) {
        ZoneId zone = zoneOf(form.regionCode());
        var witnesses = form.witnessName() == null || form.witnessName().isBlank() ? null
                : List.of(new ReportRequest.Witness(form.witnessName(), form.witnessContact()));
        boolean identified = "ya".equals(form.identified()) || "true".equals(form.identified());
        var reporter = !identified ? null : new ReportRequest.Reporter(form.reporterName(), form.reporterNik(),
                form.reporterPhone(), form.reporterEmail(), form.reporterAddress());
        var party = isBlank(form.partyName()) && isBlank(form.partyPosition()) && isBlank(form.partyInstitution()) ? null
                : new ReportRequest.ReportedParty(form.partyName(), form.partyPosition(), form.partyInstitution());
        return new ReportRequest(null, form.category(), form.subcategory(), form.act(), form.title(), form.description(),
                localTime(form.occurredAt(), zone, "occurredAt"), localTime(form.knownAt(), zone, "knownAt"),
                form.regionCode(), form.tps(),
                form.lat() == null || form.lon() == null ? null : new ReportRequest.Location(form.lat(), form.lon()),
                party, witnesses, reporter);
    }

    private ZoneId zoneOf(@Nullable String regionCode) {
        if (regionCode != null && RegionCode.isValid(regionCode)) {
            return regions.find(RegionCode.parse(regionCode)).map(Region::timeZone).map(z -> z.zoneId())
                    .orElse(ZoneId.of("Asia/Jakarta"));
        }
        return ZoneId.of("Asia/Jakarta");
    }

    private static @Nullable OffsetDateTime localTime(@Nullable String value, ZoneId zone, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toOffsetDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of(field, "value.invalid", "is not a date and time");
        }
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
