package id.pantau.network.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.support.Accounts;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query behind a partner's contribution: how many activities a partner organised or took
 * part in over a period, on a known data set in Kabupaten Kampar (14.01).
 */
@IntegrationTest
class ActivityCountTest {

    private static final Actor OFFICE = new Actor(0, "activity-count-test", Set.of(Role.ADMIN), null);

    @Autowired
    ActivityService activities;
    @Autowired
    JdbcClient jdbc;

    @Test
    void countsTheActivitiesAPartnerOrganisedOrTookPartInThatOverlapThePeriod() {
        long university = partner("Universitas Kampar");
        long cso = partner("Komunitas Peduli Pemilu Kampar");

        // 30 Dec 2024 – 2 Jan 2025: both took part, over the turn of the year
        record(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 2), List.of(), List.of(university, cso));
        // 10 Jan 2025: the university organised it
        record(LocalDate.of(2025, 1, 10), null, List.of(university), List.of());
        // 1–3 Feb 2025: the university took part in the community's training
        record(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 3), List.of(cso), List.of(university));
        // 15 Feb 2025: the community alone
        record(LocalDate.of(2025, 2, 15), null, List.of(cso), List.of());
        // 31 Mar 2025: the university organised it
        record(LocalDate.of(2025, 3, 31), null, List.of(university), List.of());

        assertThat(activities.countActivities(university, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1))).isEqualTo(3);
        assertThat(activities.countActivities(university, LocalDate.of(2025, 2, 2), LocalDate.of(2025, 3, 30))).isEqualTo(1);
        assertThat(activities.countActivities(university, LocalDate.of(2025, 3, 31), LocalDate.of(2025, 3, 31))).isEqualTo(1);
        assertThat(activities.countActivities(university, null, null)).isEqualTo(4);
        assertThat(activities.countActivities(university, LocalDate.of(2025, 1, 3), null)).isEqualTo(3);
        assertThat(activities.countActivities(cso, null, LocalDate.of(2025, 1, 31))).isEqualTo(1);
        assertThat(activities.countActivities(cso, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).isEqualTo(3);
        assertThat(activities.countActivities(partner("Mitra tanpa kegiatan"), null, null)).isZero();
    }

    private void record(LocalDate date, LocalDate endDate, List<Long> organisers, List<Long> participants) {
        activities.record(OFFICE, new ActivityRequest("COORDINATION", Accounts.uniqueName("Rakor"), null, date, endDate,
                LocalTime.of(9, 0), null, "14.01", false, "Kantor Bawaslu Kampar", null, organisers, participants,
                List.of("ELECTION_LAW"), List.of(), 20, null, null));
    }

    private long partner(String name) {
        return jdbc.sql("""
                        insert into partner (name, type, region_code, created_at, created_by, updated_at)
                        values (?, 'CSO', '14.01', now(), 'activity-test', now()) returning id""")
                .param(Accounts.uniqueName(name)).query(Long.class).single();
    }
}
