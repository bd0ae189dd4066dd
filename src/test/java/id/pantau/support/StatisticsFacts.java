package id.pantau.support;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes statistics facts ({@code insight_report}) as the insight module records them from processed
 * reports, for tests that need a known history without submitting thousands of reports. The first
 * fact written for an incident is its head (where it counts): write an incident's facts in day order.
 */
public final class StatisticsFacts {

    private final JdbcClient jdbc;

    public StatisticsFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One report of the incident in the village on the day; a hazard when the type is one. */
    public void add(String village, String category, LocalDate day, UUID incident) {
        jdbc.sql("""
                        insert into insight_report (report_id, incident_key, day, region_code, province, regency, district,
                                                    category_code, kind, hazard, head)
                        values (:report, :incident, :day, :village, left(:village, 2), left(:village, 5), left(:village, 8),
                                :category, 'LAPORAN', :category like 'HAZARD%',
                                not exists (select 1 from insight_report where incident_key = :incident))""")
                .param("report", UUID.randomUUID()).param("incident", incident).param("day", Date.valueOf(day))
                .param("village", village).param("category", category)
                .update();
    }

    /** {@code count} incidents of one report each. */
    public void incidents(String village, String category, LocalDate day, int count) {
        for (int i = 0; i < count; i++) {
            add(village, category, day, UUID.randomUUID());
        }
    }
}
