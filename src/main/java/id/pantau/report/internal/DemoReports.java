package id.pantau.report.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.region.Region;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.Regions;
import id.pantau.report.internal.ReportIntake.Channel;
import id.pantau.report.internal.ReportRequest.ReportedParty;
import id.pantau.report.internal.ReportRequest.Reporter;
import id.pantau.report.internal.ReportRequest.Witness;
import id.pantau.shared.DemoData;
import id.pantau.shared.DemoRecords;
import id.pantau.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's reports: a few thousand over the last {@value #DAYS} days, through the real intake
 * (backdated with {@link ReportIntake#submitAsOf}), so processing, duplicate detection and the
 * events to casework and insight are the real ones. Regencies are skewed (a few get most reports,
 * many get one or none), the pace rises towards today, some reports are re-reported by other
 * witnesses (near-duplicates that form incidents), some are hazards, and two regencies surge in
 * the last week so that early warning has something to say. Every title starts with [DEMO].
 */
@Component
@Order(300)
class DemoReports implements DemoData {

    static final String RECORD_KIND = "report";
    static final int DAYS = 60;
    static final int EVENTS = 1_100;
    /** Regencies with a surge in the last week; ranked 20th and 40th in the skew, so they have a modest baseline. */
    static final List<String> SURGING = List.of("35.09", "73.71");
    static final int SURGE = 18;
    static final String MARK = "[DEMO] ";
    private static final String SYNTHETIC = " (Data sintetis untuk demo, bukan laporan sungguhan.)";
    private static final Actor SUPERVISOR = new Actor(0, "demo", Set.of(Role.STAFF), null);

    /** What people report, with how often: the category, its subcategory and act, and the words. {place} is the district. */
    private record Kind(String category, @Nullable String subcategory, @Nullable String act, int weight, String title,
                        String description) {

        boolean hazard() {
            return category.startsWith("HAZARD_");
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("MONEY_POLITICS", "MONEY_CASH", null, 9, "Pembagian uang kepada warga di {place}",
                    "Tim sukses calon contoh membagikan amplop berisi uang kepada warga di {place} sambil meminta dukungan."),
            new Kind("MONEY_POLITICS", "MONEY_GOODS", null, 7, "Pembagian sembako bergambar calon di {place}",
                    "Paket sembako dengan stiker calon contoh dibagikan dari rumah ke rumah di {place}."),
            new Kind("MONEY_POLITICS", "MONEY_VOTE_BUYING", null, 4, "Dugaan serangan fajar di {place}",
                    "Menjelang pemungutan suara, warga di {place} didatangi orang yang menawarkan uang untuk memilih calon contoh."),
            new Kind("NEUTRALITY", "NEUTRALITY_ASN", "ACT_CAMPAIGN_ACTIVITY", 6, "ASN ikut kampanye di {place}",
                    "Seorang aparatur sipil negara terlihat ikut berkampanye dan memakai atribut partai contoh di {place}."),
            new Kind("NEUTRALITY", "NEUTRALITY_ASN", "ACT_SOCIAL_MEDIA", 4, "ASN mengunggah ajakan memilih di media sosial",
                    "Akun media sosial seorang ASN dari {place} membagikan ajakan memilih calon contoh."),
            new Kind("NEUTRALITY", "NEUTRALITY_VILLAGE", "ACT_PARTISAN_EVENT", 5, "Kepala desa mengarahkan warga di {place}",
                    "Dalam pertemuan warga di {place}, kepala desa meminta warga memilih calon contoh."),
            new Kind("CAMPAIGN", "CAMPAIGN_PROPS", null, 8, "Alat peraga kampanye di tempat terlarang di {place}",
                    "Baliho calon contoh dipasang di pohon dan tiang listrik di jalan utama {place}."),
            new Kind("CAMPAIGN", "CAMPAIGN_FORBIDDEN_PLACE", null, 4, "Kampanye di tempat ibadah di {place}",
                    "Ceramah di tempat ibadah di {place} diisi ajakan memilih partai contoh."),
            new Kind("CAMPAIGN", "CAMPAIGN_OUTSIDE_SCHEDULE", null, 4, "Kampanye di luar jadwal di {place}",
                    "Rapat umum partai contoh digelar di lapangan {place} di luar jadwal kampanye."),
            new Kind("CAMPAIGN", "CAMPAIGN_CHILDREN", null, 2, "Anak-anak dilibatkan dalam kampanye di {place}",
                    "Anak-anak sekolah diajak mengikuti arak-arakan kampanye calon contoh di {place}."),
            new Kind("VOTER_LIST", "VOTER_DECEASED", null, 4, "Pemilih yang sudah meninggal masih terdaftar di {place}",
                    "Nama beberapa warga {place} yang sudah meninggal masih tercantum dalam daftar pemilih sementara."),
            new Kind("VOTER_LIST", "VOTER_NOT_LISTED", null, 4, "Warga berhak pilih tidak terdaftar di {place}",
                    "Beberapa warga {place} yang sudah berusia 17 tahun tidak menemukan namanya di daftar pemilih."),
            new Kind("VOTER_LIST", "VOTER_DUPLICATE", null, 2, "Pemilih ganda di {place}",
                    "Satu nama warga {place} tercatat dua kali di dua TPS yang berbeda."),
            new Kind("INTIMIDATION", "INTIMIDATION_HOAX", null, 5, "Hoaks tentang penyelenggara pemilu beredar di {place}",
                    "Pesan berantai berisi kabar bohong tentang petugas pemilu beredar di grup warga {place}."),
            new Kind("INTIMIDATION", "INTIMIDATION_THREAT", null, 2, "Ancaman terhadap pendukung calon di {place}",
                    "Pendukung calon contoh di {place} menerima ancaman agar tidak datang ke TPS."),
            new Kind("OFFICIAL_MISCONDUCT", "OFFICIAL_PROCEDURE", null, 3, "Petugas tidak sesuai prosedur di {place}",
                    "Petugas di {place} tidak memeriksa daftar hadir pemilih sebelum memberikan surat suara."),
            new Kind("OFFICIAL_MISCONDUCT", "OFFICIAL_PARTIALITY", null, 2, "Petugas pemilu diduga tidak netral di {place}",
                    "Seorang anggota panitia di {place} terlihat menghadiri acara partai contoh."),
            new Kind("VOTING_COUNTING", "VOTING_BALLOTS", null, 2, "Surat suara sudah tercoblos di TPS {place}",
                    "Saat pembukaan kotak di {place}, beberapa surat suara ditemukan sudah tercoblos."),
            new Kind("VOTING_COUNTING", "VOTING_ACCESS", null, 2, "TPS sulit diakses pemilih disabilitas di {place}",
                    "TPS di {place} berada di lantai dua tanpa jalur landai bagi pemilih disabilitas."),
            new Kind("HAZARD_DISASTER", "DISASTER_FLOOD", null, 3, "Banjir menggenangi lokasi TPS di {place}",
                    "Banjir setinggi lutut menggenangi balai desa di {place} yang akan dipakai sebagai TPS."),
            new Kind("HAZARD_DISASTER", "DISASTER_LANDSLIDE", null, 1, "Longsor memutus jalan ke {place}",
                    "Tanah longsor memutus jalan menuju {place}; distribusi logistik pemilu terhambat."),
            new Kind("HAZARD_LOGISTICS", "LOGISTICS_LATE", null, 1, "Logistik pemilu terlambat tiba di {place}",
                    "Kotak dan surat suara untuk {place} belum tiba sehari sebelum jadwal."),
            new Kind("HAZARD_SECURITY", "SECURITY_UNREST", null, 1, "Bentrokan antarpendukung di {place}",
                    "Terjadi keributan antara dua kelompok pendukung calon contoh di {place}."),
            new Kind("OTHER", null, null, 3, "Laporan lain dari {place}",
                    "Warga {place} menyampaikan keluhan tentang sosialisasi pemilu yang belum menjangkau desanya."));

    /** Details that make one account unlike another of the same kind. */
    private static final List<String> DETAILS = List.of(
            "Kejadian berlangsung pagi hari sekitar pukul 07.00.", "Kejadian berlangsung siang hari selepas salat zuhur.",
            "Kejadian berlangsung malam hari di rumah seorang tokoh masyarakat.", "Beberapa warga merekam kejadian dengan ponsel.",
            "Pelapor melihatnya sendiri dalam perjalanan ke pasar.", "Ketua RT setempat juga mengetahui kejadian ini.",
            "Sekitar dua puluh orang hadir saat itu.", "Kejadian serupa disebut sudah terjadi minggu lalu.",
            "Foto kejadian beredar di grup percakapan warga.", "Warga meminta Bawaslu segera menindaklanjuti.");
    private static final List<String> FIRST_NAMES = List.of("Adi", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hadi",
            "Indah", "Joko", "Kartika", "Lestari", "Made", "Nur", "Putu", "Rina", "Sari", "Teguh", "Wahyu", "Yanti");

    private final ReportIntake intake;
    private final Regions regions;
    private final DemoRecords records;
    private final ReportProcessing processing;
    private final Clock clock;

    DemoReports(ReportIntake intake, Regions regions, DemoRecords records, ReportProcessing processing, Clock clock) {
        this.intake = intake;
        this.regions = regions;
        this.records = records;
        this.processing = processing;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "report.reports";
    }

    /** One report to be: what, where (the district, or a village with a TPS) and when. */
    private record Planned(Kind kind, Region district, String place, @Nullable Integer tps, Instant occurredAt,
                           Instant receivedAt, int detail, boolean retold) {

        Planned retold(Instant received) {
            return new Planned(kind, district, place, tps, occurredAt, received, detail, true);
        }
    }

    @Override
    public String load() {
        Random random = new Random(SEED);
        Instant now = clock.instant();
        List<Region> regencies = skewed(random);
        double[] weights = new double[regencies.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 / Math.pow(i + 1, 0.9);
        }
        Map<RegionCode, List<Region>> children = new HashMap<>();
        List<Planned> plans = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            // a steady flow, and as much again rising towards today as the election nears
            double age = DAYS * (random.nextBoolean() ? random.nextDouble() : 1 - Math.sqrt(random.nextDouble()));
            Instant received = now.minus(Duration.ofMinutes((long) (age * 24 * 60) + 30));
            plans.add(plan(random, regencies.get(pick(random, weights)), received, children, pick(random, KINDS)));
        }
        for (String code : SURGING) {
            Region regency = regions.get(RegionCode.parse(code));
            for (int i = 0; i < SURGE; i++) {
                Instant received = now.minus(Duration.ofMinutes(60 + random.nextInt(6 * 24 * 60)));
                plans.add(plan(random, regency, received, children, pick(random, KINDS)));
            }
        }
        // other witnesses of the same event report it too, in their own words: near-duplicates
        List<Planned> again = new ArrayList<>();
        for (Planned original : plans) {
            if (!original.kind().hazard() && random.nextInt(100) < 40) {
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    Instant received = original.receivedAt().plus(Duration.ofMinutes(20 + random.nextInt(36 * 60)));
                    if (received.isBefore(now)) {
                        again.add(original.retold(received));
                    }
                }
            }
        }
        plans.addAll(again);
        plans.sort(Comparator.comparing(Planned::receivedAt));

        List<UUID> ids = new ArrayList<>();
        int[] byKind = new int[3];
        for (Planned plan : plans) {
            int who = random.nextInt(100);
            Actor actor = who < 15 ? SUPERVISOR : null;
            Reporter reporter = who >= 15 && who < 45 ? reporter(random, plan.district()) : null;
            byKind[actor != null ? 2 : reporter != null ? 1 : 0]++;
            ReportRequest request = request(random, plan, reporter);
            Channel channel = actor != null ? Channel.API : random.nextInt(5) == 0 ? Channel.SMS : Channel.WEB;
            ids.add(intake.submitAsOf(plan.receivedAt(), actor, request, channel).id());
        }
        records.mark(RECORD_KIND, ids);
        long places = plans.stream().map(p -> p.district().code().ancestorAt(RegionLevel.REGENCY)).distinct().count();
        return ("%d reports over %d days in %d regencies/cities (%d anonymous, %d named reporters, %d supervisors' findings; "
                + "%d by further witnesses of an event; surges in %s)").formatted(ids.size(), DAYS, places, byKind[0], byKind[1],
                byKind[2], again.size(), String.join(", ", SURGING));
    }

    /** Processing (duplicates, incidents, the events to casework and insight) now, not when the job comes round. */
    @Override
    public void finish() {
        processing.processPending();
    }

    /** Regencies/cities from most to least reported: a fixed shuffle, with the surging ones 20th and 40th. */
    private List<Region> skewed(Random random) {
        List<Region> regencies = new ArrayList<>(regions.list(null, RegionLevel.REGENCY, PageRequest.of(0, PageRequest.MAX_SIZE)).items());
        Collections.shuffle(regencies, random);
        List<Region> surging = regencies.stream().filter(r -> SURGING.contains(r.code().value())).toList();
        regencies.removeAll(surging);
        for (int i = 0; i < surging.size(); i++) {
            regencies.add(20 * (i + 1) - 1, surging.get(i));
        }
        return regencies;
    }

    private Planned plan(Random random, Region regency, Instant received, Map<RegionCode, List<Region>> children, Kind kind) {
        List<Region> districts = children.computeIfAbsent(regency.code(), regions::children);
        Region district = districts.isEmpty() ? regency : districts.get(random.nextInt(districts.size()));
        String place = district.code().value();
        Integer tps = null;
        if (kind.category().equals("VOTING_COUNTING")) {
            List<Region> villages = children.computeIfAbsent(district.code(), regions::children);
            if (!villages.isEmpty()) {
                place = villages.get(random.nextInt(villages.size())).code().value();
                tps = 1 + random.nextInt(25);
            }
        }
        Instant occurred = received.minus(Duration.ofMinutes(30 + random.nextInt(3 * 24 * 60)));
        return new Planned(kind, district, place, tps, occurred, received, random.nextInt(DETAILS.size()), false);
    }

    private ReportRequest request(Random random, Planned plan, @Nullable Reporter reporter) {
        Kind kind = plan.kind();
        String district = plan.district().name();
        String description = (plan.retold() ? "Saya juga menyaksikan kejadian ini. " : "") + kind.description().replace("{place}", district)
                + " " + DETAILS.get(plan.detail()) + SYNTHETIC;
        ReportedParty party = kind.category().equals("NEUTRALITY")
                ? new ReportedParty("Oknum (contoh)", kind.subcategory().equals("NEUTRALITY_ASN") ? "Aparatur sipil negara" : "Kepala desa",
                "Instansi contoh di " + district)
                : null;
        List<Witness> witnesses = reporter != null && random.nextBoolean()
                ? List.of(new Witness("Saksi Contoh " + FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())), "081200009999"))
                : null;
        OffsetDateTime occurred = plan.occurredAt().atOffset(ZoneOffset.UTC);
        OffsetDateTime known = plan.occurredAt().plus(Duration.between(plan.occurredAt(), plan.receivedAt()).dividedBy(2))
                .atOffset(ZoneOffset.UTC);
        return new ReportRequest(null, kind.category(), kind.subcategory(), kind.act(),
                MARK + kind.title().replace("{place}", district), description, occurred, known, plan.place(), plan.tps(), null, party,
                witnesses, reporter);
    }

    /** A made-up reporter: an obviously invented name, a NIK of the district with a placeholder birth date, a 0812-0000 number. */
    private static Reporter reporter(Random random, Region district) {
        String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
        String digits = district.code().ancestorAt(RegionLevel.DISTRICT).value().replace(".", "");
        String serial = "%04d".formatted(9_000 + random.nextInt(1_000));
        return new Reporter(first + " Contoh", digits + "010100" + serial, "08120000" + "%04d".formatted(random.nextInt(10_000)),
                null, "Alamat contoh, " + district.name());
    }

    private static int pick(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double at = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static Kind pick(Random random, List<Kind> kinds) {
        return kinds.get(pick(random, kinds.stream().mapToDouble(Kind::weight).toArray()));
    }
}
