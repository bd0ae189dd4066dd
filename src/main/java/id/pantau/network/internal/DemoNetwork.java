package id.pantau.network.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.shared.DemoData;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static id.pantau.network.internal.AgreementStatus.*;
import static id.pantau.network.internal.CooperationPoint.*;

/**
 * The demo's participation network, through the network's own services: partners (with sealed
 * contacts), agreements walked through their lifecycle (some about to expire, one expired, one
 * terminated, with follow-ups, one overdue), volunteers signed up publicly (some approved, with
 * accounts), two monitoring teams, a cadre cohort with certificates, and activities with attendance.
 * Mostly in Jember and Makassar, where the demo's reports surge, so hazard notices name the BPBD.
 */
@Component
@Order(200)
class DemoNetwork implements DemoData {

    private static final Actor COORDINATOR = new Actor(0, "demo", Set.of(Role.STAFF, Role.COORDINATOR), null);
    private static final String LABEL = "[DEMO] ";

    private record PartnerSeed(String name, PartnerType type, String region, String contact, String position) {
    }

    private static final List<PartnerSeed> PARTNERS = List.of(
            new PartnerSeed("BPBD Kabupaten Jember (contoh)", PartnerType.REGIONAL_AGENCY, "35.09", "Bambang Contoh", "Kepala Pelaksana"),
            new PartnerSeed("BPBD Kota Makassar (contoh)", PartnerType.REGIONAL_AGENCY, "73.71", "Andi Contoh", "Kepala Bidang Kedaruratan"),
            new PartnerSeed("Kesbangpol Provinsi Jawa Timur (contoh)", PartnerType.REGIONAL_AGENCY, "35", "Sri Contoh", "Kepala Bidang"),
            new PartnerSeed("Universitas Nusantara Contoh", PartnerType.UNIVERSITY, "35.09", "Dr. Rahmat Contoh", "Dekan FISIP"),
            new PartnerSeed("Lembaga Pemantau Pemilu Contoh", PartnerType.CSO, "35", "Lina Contoh", "Koordinator"),
            new PartnerSeed("Radio Komunitas Contoh FM", PartnerType.MEDIA, "73.71", "Yusuf Contoh", "Pemimpin Redaksi"),
            new PartnerSeed("Forum Lintas Iman Contoh", PartnerType.RELIGIOUS_GROUP, "73.71", "Ustaz Hasan Contoh", "Ketua"),
            new PartnerSeed("SMA Negeri Contoh 1 Jember", PartnerType.SCHOOL, "35.09", "Wati Contoh", "Kepala Sekolah"),
            new PartnerSeed("Karang Taruna Contoh", PartnerType.COMMUNITY, "35.09", "Dimas Contoh", "Ketua"),
            new PartnerSeed("Kementerian Sosial (contoh, pendamping sosial)", PartnerType.MINISTRY, "31", "Ratna Contoh", "Direktur"));

    /** An agreement: its partners (indexes above), where it stands, signed and valid relative to today (days). */
    private record AgreementSeed(String title, String region, List<Integer> partners, List<CooperationPoint> points,
                                 AgreementStatus status, int signedDaysAgo, int validForDaysFromToday) {
    }

    private static final List<AgreementSeed> AGREEMENTS = List.of(
            new AgreementSeed("Nota kesepahaman siaga bencana pemilu dengan BPBD Jember", "35.09", List.of(0),
                    List.of(DISASTER_SUPPORT, INFORMATION_EXCHANGE), ACTIVE, 350, 12),
            new AgreementSeed("Kerja sama pengawasan partisipatif dengan Universitas Nusantara Contoh", "35.09", List.of(3),
                    List.of(SUPERVISOR_INVOLVEMENT, CADRE_TRAINING), ACTIVE, 330, 26),
            new AgreementSeed("Pemantauan pemilu bersama Lembaga Pemantau Contoh", "35", List.of(4),
                    List.of(INFORMATION_EXCHANGE, DATA_SHARING), ACTIVE, 120, 600),
            new AgreementSeed("Siaran sosialisasi pemilu dengan Radio Komunitas Contoh FM", "73.71", List.of(5),
                    List.of(SOCIALISATION), SIGNED, 6, 730),
            new AgreementSeed("Forum warga lintas iman untuk pemilu damai", "73.71", List.of(6, 1),
                    List.of(SOCIALISATION, DISASTER_SUPPORT), DRAFTING, 0, 0),
            new AgreementSeed("Pendidikan pemilih pemula di SMA Negeri Contoh 1", "35.09", List.of(7, 8),
                    List.of(SOCIALISATION), EXPLORING, 0, 0),
            new AgreementSeed("Pertukaran data kerawanan dengan Kesbangpol Jawa Timur", "35", List.of(2),
                    List.of(DATA_SHARING, REGULATION), EXPIRED, 760, -30),
            new AgreementSeed("Pendamping sosial sebagai pengawas partisipatif", "31", List.of(9),
                    List.of(SUPERVISOR_INVOLVEMENT, HUMAN_RESOURCES), TERMINATED, 400, 320));

    private static final List<String> VOLUNTEER_NAMES = List.of("Adi", "Bela", "Candra", "Dina", "Erik", "Fajar", "Gilang",
            "Hana", "Irfan", "Jihan", "Kiki", "Lukman");
    /** Where the volunteers live: regencies/cities, in turn. */
    private static final List<String> VOLUNTEER_REGIONS = List.of("35.09", "73.71");

    private final Partners partners;
    private final Agreements agreements;
    private final Volunteers volunteers;
    private final Teams teams;
    private final Cohorts cohorts;
    private final ActivityService activities;
    private final Clock clock;

    DemoNetwork(Partners partners, Agreements agreements, Volunteers volunteers, Teams teams, Cohorts cohorts,
                ActivityService activities, Clock clock) {
        this.partners = partners;
        this.agreements = agreements;
        this.volunteers = volunteers;
        this.teams = teams;
        this.cohorts = cohorts;
        this.activities = activities;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "network";
    }

    @Override
    public String load() {
        LocalDate today = LocalDate.now(clock.withZone(Agreements.CALENDAR_ZONE));
        List<Long> partnerIds = new ArrayList<>();
        for (int i = 0; i < PARTNERS.size(); i++) {
            PartnerSeed seed = PARTNERS.get(i);
            partnerIds.add(partners.create(COORDINATOR, new Partners.PartnerRequest(LABEL + seed.name(), seed.type(), seed.region(),
                    List.of(new PartnerContact(seed.contact(), seed.position(), "0812-0000-%04d".formatted(100 + i),
                            "kontak%d@contoh.example".formatted(i + 1))))).id());
        }
        for (AgreementSeed seed : AGREEMENTS) {
            agreement(seed, partnerIds, today);
        }

        Map<String, List<Long>> approved = new LinkedHashMap<>();
        for (int i = 0; i < VOLUNTEER_NAMES.size(); i++) {
            String region = VOLUNTEER_REGIONS.get(i % VOLUNTEER_REGIONS.size());
            long id = volunteers.signUp(new Volunteers.SignupRequest("Relawan Contoh " + VOLUNTEER_NAMES.get(i),
                    "0812-0000-%04d".formatted(2000 + i), region, true, i % 4 == 0 ? partnerIds.get(3) : null)).id();
            if (i % 6 < 2) { // a third are approved: each approval hashes a password for the volunteer's new account
                volunteers.approve(COORDINATOR, id);
                approved.computeIfAbsent(region, r -> new ArrayList<>()).add(id);
            }
        }
        List<Long> jember = approved.get("35.09");
        team(LABEL + "Tim Pemantau Kampus Jember", "35.09", partnerIds.get(3), jember, "PARTNER");
        team(LABEL + "Tim Pemantau Warga Makassar", "73.71", null, approved.get("73.71"), "COMMUNITY");

        long cohort = cohorts.create(COORDINATOR, new Cohorts.CohortRequest(LABEL + "Angkatan 1 (contoh)",
                "Sekolah Kader Pengawasan Partisipatif", "35.09", today.minusDays(45))).id();
        List<Long> sessions = new ArrayList<>();
        for (int week = 0; week < 3; week++) {
            sessions.add(cohorts.addSession(COORDINATOR, cohort, new Cohorts.SessionRequest(
                    "Pertemuan " + (week + 1) + ": " + List.of("Dasar pengawasan", "Politik uang", "Pelaporan").get(week),
                    today.minusDays(45 - 7L * week))).id());
        }
        for (long volunteer : jember) {
            cohorts.enrol(COORDINATOR, cohort, new Cohorts.EnrolRequest(volunteer));
        }
        for (long session : sessions) {
            cohorts.recordAttendance(COORDINATOR, cohort, session, new Cohorts.AttendanceRequest(jember));
        }
        for (long volunteer : jember.subList(0, 2)) {
            cohorts.complete(COORDINATOR, cohort, volunteer, new Cohorts.CompletionRequest(today.minusDays(30)));
        }

        int attendees = activities(partnerIds, jember, today);
        return "%d partners, %d agreements (%s), %d volunteers (%d approved), 2 teams, 1 cohort with 2 certificates, 4 activities with %d attendees"
                .formatted(partnerIds.size(), AGREEMENTS.size(), AGREEMENTS.stream().map(a -> a.status().name()).toList(),
                        VOLUNTEER_NAMES.size(), approved.values().stream().mapToInt(List::size).sum(), attendees);
    }

    /** Creates the agreement and walks it to its status along the lifecycle, dated as the seed says. */
    private void agreement(AgreementSeed seed, List<Long> partnerIds, LocalDate today) {
        boolean signed = seed.status() != EXPLORING && seed.status() != DRAFTING;
        LocalDate signedOn = signed ? today.minusDays(seed.signedDaysAgo()) : null;
        long id = agreements.create(COORDINATOR, new Agreements.AgreementRequest(LABEL + seed.title(), seed.region(),
                seed.partners().stream().map(partnerIds::get).toList(), seed.points(), null, null,
                signed ? today.plusDays(seed.validForDaysFromToday()) : null,
                List.of(new Agreements.Signatory("Ketua Bawaslu (contoh)", "Ketua", "Bawaslu"),
                        new Agreements.Signatory("Pimpinan mitra (contoh)", "Pimpinan", "Mitra")))).id();
        List<AgreementStatus> path = switch (seed.status()) {
            case EXPLORING -> List.of();
            case DRAFTING -> List.of(DRAFTING);
            case SIGNED -> List.of(DRAFTING, SIGNED);
            case ACTIVE -> List.of(DRAFTING, SIGNED, ACTIVE);
            case EXPIRED, TERMINATED -> List.of(DRAFTING, SIGNED, ACTIVE, seed.status());
        };
        for (AgreementStatus step : path) {
            LocalDate on = switch (step) {
                case SIGNED -> signedOn;
                case ACTIVE -> signedOn.plusDays(1);
                case EXPIRED -> today.plusDays(seed.validForDaysFromToday() + 1L);
                case TERMINATED -> today.minusDays(60);
                default -> null;
            };
            agreements.transition(COORDINATOR, id, new Agreements.TransitionRequest(step, on, "[DEMO] contoh"));
        }
        if (seed.status() == ACTIVE) {
            agreements.addFollowUp(COORDINATOR, id, new Agreements.FollowUpRequest("Laporan triwulan kegiatan bersama (contoh)",
                    today.minusDays(seed.validForDaysFromToday() < 30 ? 5 : -20)));
        }
    }

    private int activities(List<Long> partnerIds, List<Long> volunteers, LocalDate today) {
        record Seed(ActivityType type, String title, String region, int daysAgo, List<Integer> organisers, List<ActivityTopic> topics,
                    int planned, int attended) {
        }
        List<Seed> seeds = List.of(
                new Seed(ActivityType.SOCIALISATION, "Sosialisasi pengawasan partisipatif di kampus", "35.09", 40, List.of(3),
                        List.of(ActivityTopic.PARTICIPATORY_SUPERVISION), 120, 12),
                new Seed(ActivityType.SARASEHAN, "Sarasehan pemilu damai bersama tokoh lintas iman", "73.71", 25, List.of(6),
                        List.of(ActivityTopic.HOAX_SARA), 60, 8),
                new Seed(ActivityType.COORDINATION, "Rapat koordinasi siaga bencana menjelang pemungutan suara", "35.09", 10,
                        List.of(0), List.of(ActivityTopic.DISASTER_PREPAREDNESS), 25, 6),
                new Seed(ActivityType.TRAINING, "Bimbingan teknis pelaporan untuk relawan", "35.09", 5, List.of(),
                        List.of(ActivityTopic.MONEY_POLITICS, ActivityTopic.PARTICIPATORY_SUPERVISION), 40, 10));
        int attendees = 0;
        for (Seed seed : seeds) {
            long id = activities.record(COORDINATOR, new ActivityRequest(seed.type().name(), LABEL + seed.title(),
                    "Kegiatan contoh (data sintetis).", today.minusDays(seed.daysAgo()), null, LocalTime.of(9, 0),
                    LocalTime.of(12, 0), seed.region(), false, "Aula contoh", null,
                    seed.organisers().stream().map(partnerIds::get).toList(), List.of(),
                    seed.topics().stream().map(Enum::name).toList(),
                    List.of(new ActivitySpeaker("Narasumber Contoh", "Anggota Bawaslu (contoh)")), seed.planned(), null, null)).id();
            List<ActivityAttendance.NewAttendee> list = new ArrayList<>();
            for (int i = 0; i < seed.attended(); i++) {
                Long volunteer = seed.region().equals("35.09") && i < volunteers.size() ? volunteers.get(i) : null;
                list.add(new ActivityAttendance.NewAttendee("Peserta Contoh " + (i + 1), "Desa contoh", volunteer));
            }
            attendees += activities.recordAttendance(COORDINATOR, id, new ActivityAttendance.Request(list)).attendedCount();
        }
        return attendees;
    }

    /** A team of the volunteers, the first one its coordinator. */
    private void team(String name, String region, @Nullable Long partnerId, List<Long> members, String origin) {
        long team = teams.create(COORDINATOR, new Teams.TeamRequest(name, region, partnerId)).id();
        for (int i = 0; i < members.size(); i++) {
            teams.addMember(COORDINATOR, team, new Teams.MemberRequest(members.get(i), i == 0 ? "COORDINATOR" : "MEMBER",
                    origin, null, null));
        }
    }
}
