package id.pantau.casework.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.pantau.region.Region;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.Regions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The Bawaslu offices: one per province (Bawaslu Provinsi), regency or city (Bawaslu
 * Kabupaten/Kota) and district (Panwaslu Kecamatan), identified by their region's code, and
 * Bawaslu RI, which has none (null). An office handles cases about regions in its subtree.
 */
@Component
class Offices {

    /** Bawaslu RI sits in Jakarta. */
    static final ZoneId NATIONAL_ZONE = ZoneId.of("Asia/Jakarta");
    static final String NATIONAL = "RI";

    private final Regions regions;

    Offices(Regions regions) {
        this.regions = regions;
    }

    /** The regency or city office of a region; a province-wide matter goes to the province office. */
    RegionCode defaultOffice(RegionCode region) {
        return region.level() == RegionLevel.PROVINCE ? region : region.ancestorAt(RegionLevel.REGENCY);
    }

    ZoneId zone(@Nullable RegionCode office) {
        return office == null ? NATIONAL_ZONE : regions.get(office).timeZone().zoneId();
    }

    Optional<Region> region(@Nullable RegionCode office) {
        return office == null ? Optional.empty() : regions.find(office);
    }

    /**
     * The office's own name: Bawaslu Provinsi Jawa Timur, Bawaslu Kabupaten Jember, Panwaslu
     * Kecamatan Jombang. In Aceh the supervisors are the Panwaslih (UU 7/2017 Pasal 557).
     */
    String name(@Nullable RegionCode office) {
        if (office == null) {
            return "Bawaslu RI";
        }
        boolean aceh = office.value().startsWith(ACEH + ".") || office.value().equals(ACEH);
        return regions.find(office).map(region -> switch (region.level()) {
            case PROVINCE -> aceh ? "Panwaslih " + region.name() : "Bawaslu Provinsi " + region.name();
            case REGENCY -> (aceh ? "Panwaslih " : "Bawaslu ") + region.name();
            case DISTRICT -> "Panwaslu Kecamatan " + region.name();
            case VILLAGE -> region.name();
        }).orElse(office.value());
    }

    private static final String ACEH = "11";

    static boolean covers(@Nullable RegionCode office, RegionCode region) {
        return office == null || office.contains(region);
    }

    /** The deepest region that contains all of them (they lie in one province: incidents do not cross provinces). */
    static RegionCode commonAncestor(List<RegionCode> codes) {
        List<String> segments = new ArrayList<>(List.of(codes.getFirst().value().split("\\.")));
        for (RegionCode code : codes) {
            String[] other = code.value().split("\\.");
            int same = 0;
            while (same < segments.size() && same < other.length && segments.get(same).equals(other[same])) {
                same++;
            }
            segments = segments.subList(0, same);
        }
        return new RegionCode(String.join(".", segments));
    }
}
