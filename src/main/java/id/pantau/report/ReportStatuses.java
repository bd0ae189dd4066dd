package id.pantau.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The report module's API for moving a report's public status on: case handling tells the
 * reporter where their report stands. Joins the caller's transaction.
 */
@Service
public class ReportStatuses {

    private final JdbcClient jdbc;

    ReportStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a public status step. Repeating the current status with no new note adds nothing,
     * so a redelivered event does not double the history.
     */
    public void record(UUID reportId, ReportStatus status, @Nullable String publicNote, Instant at) {
        int changed = jdbc.sql("""
                        update report set status = :status
                         where id = :id and (status <> :status or :note::text is not null)""")
                .param("id", reportId).param("status", status.name()).param("note", publicNote)
                .update();
        if (changed == 1) {
            jdbc.sql("""
                            insert into report_status (report_id, status, at, note) values (?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(reportId, status.name(), Timestamp.from(at), publicNote)
                    .update();
        }
    }
}
