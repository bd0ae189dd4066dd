package id.pantau.report.internal;

import java.time.Clock;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.OutOfScopeException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see a report: staff, analysts and administrators whose region contains it, and the
 * account that filed it. Anonymous reporters act on their own report only through its upload token.
 */
@Component
class ReportAccess {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReportAccess(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Header(UUID id, RegionCode regionCode, @Nullable Long submittedBy, byte @Nullable [] uploadTokenHash,
                  java.time.@Nullable Instant uploadTokenExpiresAt) {
    }

    Header header(UUID id) {
        return jdbc.sql("select id, region_code, submitted_by, upload_token_hash, upload_token_expires_at from report where id = ?")
                .param(id)
                .query((rs, row) -> new Header(rs.getObject(1, UUID.class), new RegionCode(rs.getString(2)),
                        (Long) rs.getObject(3), rs.getBytes(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("Report", id));
    }

    static boolean maySee(Actor actor, Header report) {
        if (report.submittedBy() != null && report.submittedBy() == actor.id()) {
            return true;
        }
        return actor.hasAny(Role.STAFF, Role.ANALYST, Role.ADMIN) && actor.mayActOn(report.regionCode());
    }

    Header requireRead(Actor actor, UUID id) {
        Header report = header(id);
        if (!maySee(actor, report)) {
            throw new OutOfScopeException("You may not see report " + id);
        }
        return report;
    }

    /** The reporter's upload token, or a signed-in account that may see the report. */
    Header requireUpload(@Nullable Actor actor, @Nullable String uploadToken, UUID id) {
        Header report = header(id);
        if (uploadToken != null && report.uploadTokenHash() != null
                && java.security.MessageDigest.isEqual(UploadToken.hash(uploadToken.strip()), report.uploadTokenHash())
                && report.uploadTokenExpiresAt() != null && clock.instant().isBefore(report.uploadTokenExpiresAt())) {
            return report;
        }
        if (actor != null && maySee(actor, report)) {
            return report;
        }
        if (uploadToken == null && actor == null) {
            throw new AuthenticationCredentialsNotFoundException("Send the report's upload token in X-Upload-Token, or sign in");
        }
        throw new OutOfScopeException(uploadToken == null ? "You may not add evidence to this report"
                : "The upload token is wrong or has expired");
    }
}
