package id.pantau.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import id.pantau.region.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The network module's API for other modules' notices to offices and partner agencies: a notice is
 * kept in the {@code notification} table, listed by {@code GET /api/v1/notifications} and mailed
 * by the network's notice job like its own. Each notice is raised once per kind and subject key.
 */
@Service
public class Notices {

    private final JdbcClient jdbc;
    private final Clock clock;

    Notices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Raises the notice unless one of that kind and subject was raised before; true when it is new. */
    public boolean raise(String kind, String subjectKey, RegionCode region, String title, String body) {
        return jdbc.sql("""
                        insert into notification (kind, subject_key, region_code, title, body, created_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (kind, subject_key) do nothing""")
                .params(kind, subjectKey, region.value(), title, body, Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /**
     * The names of the regional agencies (e.g. BPBD, Kesbangpol) that are partners in the region or
     * one of its ancestors, nearest region first.
     */
    public List<String> regionalAgencies(RegionCode region) {
        List<String> lineage = new ArrayList<>();
        for (RegionCode c = region; c != null; c = c.parent().orElse(null)) {
            lineage.add(c.value());
        }
        return jdbc.sql("""
                        select name from partner
                         where type = 'REGIONAL_AGENCY' and region_code = any(?)
                         order by length(region_code) desc, name""")
                .param(lineage.toArray(String[]::new))
                .query(String.class).list();
    }
}
