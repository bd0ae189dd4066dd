package id.pantau.report.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import id.pantau.election.Election;
import id.pantau.election.ElectionType;
import id.pantau.election.ReportingWindow;
import id.pantau.region.RegionCode;
import id.pantau.report.ReportKind;
import id.pantau.report.ReportStatus;
import id.pantau.report.SubmitterAffiliations;
import id.pantau.shared.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

@Repository
class ReportRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;
    private final PersonalDataCipher cipher;

    ReportRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.cipher = cipher;
    }

    record NewReport(UUID id, String trackingCode, ReportKind kind, ReportIntake.Channel channel,
                     @Nullable Election election, String categoryCode, @Nullable String subcategoryCode,
                     @Nullable String actCode, String title, String description, Instant occurredAt, Instant knownAt,
                     Instant receivedAt, ReportingWindow window, RegionCode regionCode, @Nullable Integer tps,
                     ReportRequest.@Nullable Location location, ReportRequest.@Nullable ReportedParty reportedParty,
                     @Nullable Long submittedBy, SubmitterAffiliations.@Nullable Affiliation affiliation,
                     ReporterIdentity identity, UploadToken upload) {
    }

    /**
     * The report, its first public status and its sealed identity, as one statement: intake is
     * the hot path on election day, so it costs one round trip.
     */
    private static final String INSERT = """
                with saved as (
                    insert into report (id, tracking_code, kind, status, channel, election_id, rule_set,
                                        category_code, subcategory_code, act_code, title, description,
                                        occurred_at, known_at, received_at, reporting_deadline, timely,
                                        region_code, tps, latitude, longitude, reported_party, submitted_by,
                                        affiliation, affiliation_partner_ids, affiliation_team_ids,
                                        has_identity, upload_token_hash, upload_token_expires_at)
                    values (:id, :trackingCode, :kind, :status, :channel, :electionId, :ruleSet,
                            :category, :subcategory, :act, :title, :description,
                            :occurredAt, :knownAt, :receivedAt, :deadline, :timely,
                            :region, :tps, :lat, :lon, cast(:reportedParty as jsonb), :submittedBy,
                            cast(:affiliation as jsonb), cast(:affiliationPartners as bigint[]), cast(:affiliationTeams as bigint[]),
                            :hasIdentity, :uploadHash, :uploadExpires)
                    returning id),
                status as (
                    insert into report_status (report_id, status, at) select id, :status, :receivedAt from saved)
                insert into reporter_identity (report_id, sealed)
                select id, :sealed from saved where :sealed::bytea is not null
            """;

    void insert(NewReport report) {
        jdbc.sql(INSERT).paramSource(parameters(report)).update();
    }

    /** Several reports in one round trip, in the caller's transaction (group commit, see {@link ReportWriter}). */
    void insertAll(List<NewReport> reports) {
        batch.batchUpdate(INSERT, reports.stream().map(this::parameters).toArray(SqlParameterSource[]::new));
    }

    private SqlParameterSource parameters(NewReport report) {
        boolean hasIdentity = report.identity().reporter() != null || !report.identity().witnesses().isEmpty();
        byte[] sealed = hasIdentity ? cipher.seal(json.writeValueAsBytes(report.identity()), "report:" + report.id()) : null;
        return new MapSqlParameterSource()
                .addValue("id", report.id())
                .addValue("trackingCode", report.trackingCode())
                .addValue("kind", report.kind().name())
                .addValue("status", ReportStatus.RECEIVED.name())
                .addValue("channel", report.channel().name())
                .addValue("electionId", report.election() == null ? null : report.election().id())
                .addValue("ruleSet", (report.election() == null ? ElectionType.PEMILU : report.election().type()).name())
                .addValue("category", report.categoryCode())
                .addValue("subcategory", report.subcategoryCode())
                .addValue("act", report.actCode())
                .addValue("title", report.title())
                .addValue("description", report.description())
                .addValue("occurredAt", Timestamp.from(report.occurredAt()))
                .addValue("knownAt", Timestamp.from(report.knownAt()))
                .addValue("receivedAt", Timestamp.from(report.receivedAt()))
                .addValue("deadline", Timestamp.from(report.window().deadline().toInstant()))
                .addValue("timely", report.window().timely())
                .addValue("region", report.regionCode().value())
                .addValue("tps", report.tps())
                .addValue("lat", report.location() == null ? null : report.location().lat())
                .addValue("lon", report.location() == null ? null : report.location().lon())
                .addValue("reportedParty", report.reportedParty() == null ? null : json.writeValueAsString(report.reportedParty()))
                .addValue("submittedBy", report.submittedBy())
                .addValue("affiliation", report.affiliation() == null ? null : json.writeValueAsString(report.affiliation()))
                .addValue("affiliationPartners", report.affiliation() == null ? null
                        : report.affiliation().partnerIds().toArray(Long[]::new))
                .addValue("affiliationTeams", report.affiliation() == null ? null
                        : report.affiliation().teamIds().toArray(Long[]::new))
                .addValue("hasIdentity", hasIdentity)
                .addValue("uploadHash", report.upload().hash())
                .addValue("uploadExpires", Timestamp.from(report.upload().expiresAt()))
                .addValue("sealed", sealed);
    }
}
