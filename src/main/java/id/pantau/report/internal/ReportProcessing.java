package id.pantau.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.report.ReportKind;
import id.pantau.report.ReportSubmitted;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What follows intake, off the request path: each new report gets its text signature, joins a
 * suggested incident when it duplicates an earlier one, and is announced as
 * {@link ReportSubmitted}. Reports are claimed in batches with {@code FOR UPDATE SKIP LOCKED},
 * so any number of nodes can run this side by side, and a crash only delays the work: the
 * report stays unprocessed until a later run handles it.
 *
 * <p>The event's listeners (case opening, statistics facts, hazard notices) run inside the
 * batch's transaction: a batch is one commit, with no publication to store and complete per
 * listener and no unbounded crowd of asynchronous listeners competing with intake for
 * connections. A batch that fails is done again one report per transaction; a report that
 * still fails is postponed with a growing delay, so it never holds back the others.
 */
@Component
class ReportProcessing {

    static final int BATCH = 100;
    /** The delay before a failed report is tried again doubles from a minute up to an hour. */
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LAST_RETRY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(ReportProcessing.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Incidents incidents;
    private final Taxonomy taxonomy;
    private final DuplicateRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportProcessing(JdbcClient jdbc, TransactionTemplate transaction, Incidents incidents, Taxonomy taxonomy,
                     DuplicateRules rules, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.incidents = incidents;
        this.taxonomy = taxonomy;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    record Pending(UUID id, String trackingCode, ReportKind kind, String categoryCode, @Nullable String subcategoryCode,
                   RegionCode regionCode,
                   @Nullable Integer tps, @Nullable Double latitude, @Nullable Double longitude, Instant occurredAt,
                   Instant receivedAt, boolean timely, @Nullable Long electionId, String text) {
    }

    record Candidate(UUID id, RegionCode regionCode, @Nullable Integer tps, @Nullable Double latitude,
                     @Nullable Double longitude, int[] signature, @Nullable UUID incidentId) {
    }

    @Scheduled(fixedDelayString = "${pantau.reports.processing-delay:PT0.5S}")
    void processPending() {
        while (processBatch() == BATCH) {
            // a backlog: keep going until a partial batch shows it is cleared
        }
    }

    /** Processes up to one batch; returns how many reports it handled (failed ones included). */
    int processBatch() {
        try {
            Integer handled = transaction.execute(status -> {
                List<Pending> batch = claim(BATCH);
                lockCategories(batch);
                batch.forEach(this::process);
                return batch.size();
            });
            return handled == null ? 0 : handled;
        } catch (RuntimeException e) {
            log.warn("Report processing: a batch failed, processing its reports one at a time", e);
            return processOneByOne();
        }
    }

    private int processOneByOne() {
        int handled = 0;
        while (handled < BATCH) {
            AtomicReference<@Nullable Pending> current = new AtomicReference<>();
            try {
                Integer found = transaction.execute(status -> {
                    List<Pending> one = claim(1);
                    if (one.isEmpty()) {
                        return 0;
                    }
                    current.set(one.getFirst());
                    lockCategories(one);
                    process(one.getFirst());
                    return 1;
                });
                if (found == null || found == 0) {
                    return handled;
                }
            } catch (RuntimeException e) {
                Pending failed = current.get();
                if (failed == null) {
                    throw e; // not about one report (e.g. the database is away): the next run tries again
                }
                postpone(failed, e);
            }
            handled++;
        }
        return handled;
    }

    /** Records the failure; the report is claimed again after a delay that doubles with each attempt. */
    private void postpone(Pending report, RuntimeException failure) {
        int attempts = 1 + jdbc.sql("select processing_attempts from report where id = ?").param(report.id())
                .query(Integer.class).single();
        Duration delay = retryDelay(attempts);
        jdbc.sql("update report set processing_attempts = ?, processing_retry_at = ? where id = ?")
                .params(attempts, Timestamp.from(clock.instant().plus(delay)), report.id())
                .update();
        log.error("Report processing failed for report {} (attempt {}); trying again in {}", report.id(), attempts, delay, failure);
    }

    static Duration retryDelay(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 6);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }

    /**
     * Duplicates are looked for among processed reports of the same category: one node at a time
     * per category, locks taken in a fixed order so that two nodes never wait on each other.
     */
    private void lockCategories(List<Pending> batch) {
        new TreeSet<>(batch.stream().map(Pending::categoryCode).toList()).forEach(category ->
                jdbc.sql("select pg_advisory_xact_lock(hashtext('report-duplicates:' || ?))").param(category)
                        .query((rs, i) -> 1).list());
    }

    private List<Pending> claim(int limit) {
        return jdbc.sql("""
                        select id, tracking_code, kind, category_code, subcategory_code, region_code, tps, latitude, longitude, occurred_at,
                               received_at, timely, election_id, title || ' ' || description as text
                          from report where processed_at is null and (processing_retry_at is null or processing_retry_at <= ?)
                         order by received_at limit ? for update skip locked""")
                .params(Timestamp.from(clock.instant()), limit)
                .query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getString("tracking_code"),
                        ReportKind.valueOf(rs.getString("kind")), rs.getString("category_code"), rs.getString("subcategory_code"),
                        new RegionCode(rs.getString("region_code")), (Integer) rs.getObject("tps"),
                        (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                        rs.getBoolean("timely"), (Long) rs.getObject("election_id"), rs.getString("text")))
                .list();
    }

    private void process(Pending report) {
        int[] signature = TextSignature.of(report.text());
        UUID incident = duplicateOf(report, signature)
                .map(original -> incidents.join(report, original))
                .orElse(null);
        jdbc.sql("update report set text_signature = ?, processed_at = ? where id = ?")
                .params(signature, Timestamp.from(clock.instant()), report.id())
                .update();
        boolean hazard = taxonomy.find(report.categoryCode()).map(Category::isHazard).orElse(false);
        events.publishEvent(new ReportSubmitted(report.id(), report.trackingCode(), report.kind(), report.categoryCode(), report.subcategoryCode(),
                hazard, report.regionCode(), report.electionId(), report.occurredAt(), report.receivedAt(),
                report.timely(), incident));
    }

    /** The most similar earlier report that describes the same incident, if any. */
    Optional<Candidate> duplicateOf(Pending report, int[] signature) {
        boolean precisePlace = report.regionCode().level().depth() >= RegionLevel.DISTRICT.depth();
        boolean located = report.latitude() != null;
        if (!precisePlace && !located) {
            return Optional.empty();
        }
        double latitudeSpan = rules.distanceMeters() / 111_320.0;
        double longitudeSpan = located ? latitudeSpan / Math.max(0.1, Math.cos(Math.toRadians(report.latitude()))) : 0;
        // the place condition is written for the case at hand rather than switched by parameters: a
        // cached generic plan cannot see which branch applies and read every report of the category
        // in the window instead of those of one village
        String sameVillage = "region_code = :region";
        String near = "(latitude between :latMin and :latMax and longitude between :lonMin and :lonMax)";
        String place = precisePlace && located ? "(" + sameVillage + " or " + near + ")" : precisePlace ? sameVillage : near;
        return jdbc.sql("""
                        select id, region_code, tps, latitude, longitude, text_signature, incident_id from report
                         where category_code = :category and processed_at is not null and id <> :id
                           and occurred_at between :from and :to
                           and %s
                         order by occurred_at desc limit 500""".formatted(place))
                .param("category", report.categoryCode())
                .param("id", report.id())
                .param("from", Timestamp.from(report.occurredAt().minus(rules.window())))
                .param("to", Timestamp.from(report.occurredAt().plus(rules.window())))
                .param("region", report.regionCode().value())
                .param("latMin", located ? report.latitude() - latitudeSpan : 0.0)
                .param("latMax", located ? report.latitude() + latitudeSpan : 0.0)
                .param("lonMin", located ? report.longitude() - longitudeSpan : 0.0)
                .param("lonMax", located ? report.longitude() + longitudeSpan : 0.0)
                .query((rs, row) -> new Candidate(rs.getObject("id", UUID.class), new RegionCode(rs.getString("region_code")),
                        (Integer) rs.getObject("tps"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                        intArray(rs.getArray("text_signature")), rs.getObject("incident_id", UUID.class)))
                .list().stream()
                .filter(candidate -> samePlace(report, candidate))
                .map(candidate -> new Scored(candidate, TextSignature.similarity(signature, candidate.signature())))
                .filter(scored -> scored.similarity() >= rules.similarity())
                .max(Comparator.comparingDouble(Scored::similarity))
                .map(Scored::candidate);
    }

    private record Scored(Candidate candidate, double similarity) {
    }

    /** Incidents stay within one province: its offices handle them. */
    private boolean samePlace(Pending report, Candidate candidate) {
        if (!report.regionCode().ancestorAt(RegionLevel.PROVINCE).equals(candidate.regionCode().ancestorAt(RegionLevel.PROVINCE))) {
            return false;
        }
        if (report.tps() != null && candidate.tps() != null && report.regionCode().equals(candidate.regionCode())) {
            return report.tps().equals(candidate.tps());
        }
        if (report.regionCode().equals(candidate.regionCode())
                && report.regionCode().level().depth() >= RegionLevel.DISTRICT.depth()) {
            return true;
        }
        return report.latitude() != null && candidate.latitude() != null
                && metres(report.latitude(), report.longitude(), candidate.latitude(), candidate.longitude()) <= rules.distanceMeters();
    }

    /** Great-circle distance (haversine). */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
    }

    private static int[] intArray(java.sql.Array array) throws java.sql.SQLException {
        Integer[] boxed = (Integer[]) array.getArray();
        int[] values = new int[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }
}
