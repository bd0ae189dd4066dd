package id.pantau.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import id.pantau.region.internal.Boundaries;
import id.pantau.region.internal.RegionRepository;
import id.pantau.region.internal.SearchText;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The region module's API: look-ups over the official hierarchy. */
@Service
public class Regions {

    private final RegionRepository repository;
    private final Boundaries boundaries;
    /**
     * The official list changes only with a migration, never while the application runs: a region
     * once read is kept (intake looks up the report's region on every request).
     */
    private final LoadingCache<RegionCode, Optional<Region>> byCode;

    Regions(RegionRepository repository, Boundaries boundaries) {
        this.repository = repository;
        this.boundaries = boundaries;
        this.byCode = Caffeine.newBuilder().maximumSize(20_000).build(repository::find);
    }

    public Optional<Region> find(RegionCode code) {
        return byCode.get(code);
    }

    /** The region, or a 404 for an unknown code. */
    public Region get(RegionCode code) {
        return find(code).orElseThrow(() -> new NotFoundException("Region", code));
    }

    public boolean exists(RegionCode code) {
        return repository.exists(code);
    }

    /** From the province down to the region itself: the breadcrumb. */
    public List<Region> lineage(RegionCode code) {
        List<RegionCode> codes = new ArrayList<>();
        for (RegionCode c = code; c != null; c = c.parent().orElse(null)) {
            codes.addFirst(c);
        }
        List<Region> found = repository.findAll(codes);
        if (found.size() != codes.size()) {
            throw new NotFoundException("Region", code);
        }
        return found;
    }

    /**
     * Regions under {@code parent} (its children, or with {@code level} its descendants at that
     * level), or every region of {@code level}; with neither, the provinces.
     */
    public PageResult<Region> list(@Nullable RegionCode parent, @Nullable RegionLevel level, PageRequest page) {
        if (parent != null) {
            get(parent);
            RegionLevel wanted = level != null ? level : childLevel(parent);
            if (wanted.depth() <= parent.level().depth()) {
                throw InvalidInputException.of("level", "level.notBelowParent",
                        "must be below the parent's level (" + parent.level().apiName() + ")");
            }
            return repository.descendants(parent, wanted, page);
        }
        return repository.atLevel(level != null ? level : RegionLevel.PROVINCE, page);
    }

    /** All children of a region, in code order; villages have none. */
    public List<Region> children(RegionCode parent) {
        if (parent.level() == RegionLevel.VILLAGE) {
            return List.of();
        }
        return repository.descendants(parent, childLevel(parent), PageRequest.of(0, PageRequest.MAX_SIZE)).items();
    }

    /** Matches by name, ignoring case, accents and punctuation; whole-word prefixes rank first. */
    public PageResult<Region> search(String query, @Nullable RegionLevel level, PageRequest page) {
        String normalized = SearchText.normalize(query);
        if (normalized.length() < 2) {
            throw InvalidInputException.of("q", "q.tooShort", "must have at least 2 letters or digits");
        }
        return repository.search(normalized, level, page);
    }

    /** The province, regency and district containing the point, if it is in Indonesia. */
    public Optional<RegionLocation> locate(double latitude, double longitude) {
        var violations = new Violations();
        violations.check(latitude >= -90 && latitude <= 90, "lat", "lat.range", "must be between -90 and 90");
        violations.check(longitude >= -180 && longitude <= 180, "lon", "lon.range", "must be between -180 and 180");
        violations.throwIfAny();
        return boundaries.locate(latitude, longitude).map(hit -> {
            Region regency = get(hit.regency());
            Region district = hit.district() == null ? null : get(hit.district());
            return new RegionLocation(get(regency.parentCode()), regency, district);
        });
    }

    public Map<RegionLevel, Long> countByLevel() {
        return repository.countByLevel();
    }

    private static RegionLevel childLevel(RegionCode parent) {
        if (parent.level() == RegionLevel.VILLAGE) {
            throw InvalidInputException.of("parent", "parent.village", "villages have no children");
        }
        return RegionLevel.values()[parent.level().ordinal() + 1];
    }
}
