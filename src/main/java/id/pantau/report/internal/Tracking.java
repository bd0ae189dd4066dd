package id.pantau.report.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import id.pantau.region.RegionCode;
import id.pantau.report.InvalidTrackingCodeException;
import id.pantau.report.TrackingCode;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Looks up the public face of a report by its tracking code, for the API, the page and SMS. */
@Service
class Tracking {

    private final JdbcClient jdbc;

    Tracking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record PublicStatus(String trackingCode, String status, List<Step> history, String category, RegionCode regionCode,
                        OffsetDateTime receivedAt) {
    }

    record Step(String status, OffsetDateTime at, @Nullable String note) {
    }

    PublicStatus find(String typed) {
        TrackingCode code;
        try {
            code = TrackingCode.parse(typed);
        } catch (InvalidTrackingCodeException e) {
            throw InvalidInputException.of("trackingCode", "trackingCode.invalid", e.getMessage());
        }
        record Row(java.util.UUID id, String status, String category, String region, java.time.Instant receivedAt, ZoneId zone) {
        }
        Row row = jdbc.sql("""
                        select r.id, r.status, r.category_code, r.region_code, r.received_at, g.time_zone
                          from report r join region g on g.code = r.region_code
                         where r.tracking_code = ?""")
                .param(code.value())
                .query((rs, i) -> new Row(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), ZoneId.of(rs.getString(6))))
                .optional()
                .orElseThrow(() -> new NotFoundException("Report with tracking code", code.value()));
        List<Step> history = jdbc.sql("select status, at, note from report_status where report_id = ? order by at, status")
                .param(row.id())
                .query((rs, i) -> new Step(rs.getString(1), rs.getTimestamp(2).toInstant().atZone(row.zone()).toOffsetDateTime(),
                        rs.getString(3)))
                .list();
        return new PublicStatus(code.value(), row.status(), history, row.category(), new RegionCode(row.region()),
                row.receivedAt().atZone(row.zone()).toOffsetDateTime());
    }
}
