package id.pantau.insight.internal;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import id.pantau.network.Notices;
import id.pantau.region.Region;
import id.pantau.region.Regions;
import id.pantau.report.ReportCategories;
import id.pantau.report.ReportSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A processed hazard report (disaster, logistics, security) raises a notice for the partner
 * agencies of its region and the regions above it (e.g. BPBD), through the network's notices,
 * once per report ({@code HAZARD_REPORTED}, {@code report:<id>}).
 */
@Component
class HazardNotices {

    static final String KIND = "HAZARD_REPORTED";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH.mm", Locale.forLanguageTag("id"));

    private final Notices notices;
    private final Regions regions;
    private final ReportCategories categories;

    HazardNotices(Notices notices, Regions regions, ReportCategories categories) {
        this.notices = notices;
        this.regions = regions;
        this.categories = categories;
    }

    /** Runs in the report processing's transaction (see {@link ReportSubmitted}). */
    @EventListener
    @Transactional
    void on(ReportSubmitted report) {
        if (!report.hazard()) {
            return;
        }
        List<Region> lineage = regions.lineage(report.regionCode());
        String place = String.join(", ", lineage.reversed().stream().map(Region::name).toList());
        String category = categories.labels(Locale.forLanguageTag("id"))
                .getOrDefault(report.categoryCode(), report.categoryCode());
        List<String> agencies = notices.regionalAgencies(report.regionCode());
        String title = "Laporan bahaya: " + category + " di " + lineage.getLast().name();
        String body = "Laporan " + report.trackingCode() + " (" + category + ") diterima "
                + WHEN.format(ZonedDateTime.ofInstant(report.receivedAt(), ReportFacts.WIB)) + " WIB untuk " + place
                + " (" + report.regionCode() + "). "
                + (agencies.isEmpty()
                        ? "Belum ada instansi mitra daerah yang tercatat untuk wilayah ini."
                        : "Instansi mitra yang perlu diberi tahu: " + String.join("; ", agencies) + ".");
        notices.raise(KIND, "report:" + report.reportId(), report.regionCode(), title, body);
    }
}
