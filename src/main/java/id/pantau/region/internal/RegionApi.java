package id.pantau.region.internal;

import java.time.Duration;
import java.util.List;

import id.pantau.region.Region;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.RegionLocation;
import id.pantau.region.Regions;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public region API: official master data, open to everyone. */
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "Regions", description = "The official region hierarchy, boundaries and point look-up")
class RegionApi {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    /** Master data changes with a new release at most; let browsers and proxies keep it for a day. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final Regions regions;
    private final Boundaries boundaries;

    RegionApi(Regions regions, Boundaries boundaries) {
        this.regions = regions;
        this.boundaries = boundaries;
    }

    @GetMapping("/{code}")
    @Operation(summary = "One region by its dotted code")
    ResponseEntity<Region> region(@PathVariable RegionCode code) {
        return ResponseEntity.ok().cacheControl(CACHE).body(regions.get(code));
    }

    @GetMapping
    @Operation(summary = "Children of a region, or every region of a level (provinces by default)")
    PageResult<Region> list(@RequestParam(required = false) @Nullable RegionCode parent,
                            @RequestParam(required = false) @Nullable RegionLevel level,
                            @RequestParam(required = false) @Nullable Integer page,
                            @RequestParam(required = false) @Nullable Integer size) {
        return regions.list(parent, level, PageRequest.of(page, size));
    }

    @GetMapping("/search")
    @Operation(summary = "Regions whose name matches, ignoring case and accents")
    PageResult<Region> search(@RequestParam String q,
                              @RequestParam(required = false) @Nullable RegionLevel level,
                              @RequestParam(required = false) @Nullable Integer page,
                              @RequestParam(required = false) @Nullable Integer size) {
        return regions.search(q, level, PageRequest.of(page, size));
    }

    @GetMapping("/locate")
    @Operation(summary = "The province, regency and district containing a point")
    RegionLocation locate(@RequestParam double lat, @RequestParam double lon) {
        return regions.locate(lat, lon).orElseThrow(() -> new NotFoundException("Region containing point",
                lat + "," + lon + " (outside Indonesia's boundaries)"));
    }

    @GetMapping(value = "/{code}/boundary.geojson", produces = "application/geo+json")
    @Operation(summary = "The outline of a province, regency or district")
    ResponseEntity<String> boundary(@PathVariable RegionCode code) {
        regions.get(code);
        String feature = boundaries.feature(code).orElseThrow(() -> new NotFoundException("Boundary of region", code));
        return geoJson(feature);
    }

    @GetMapping(value = "/{code}/children.geojson", produces = "application/geo+json")
    @Operation(summary = "The outlines of a region's children (a province's regencies, a regency's districts)")
    ResponseEntity<String> childBoundaries(@PathVariable RegionCode code) {
        regions.get(code);
        if (code.level() == RegionLevel.DISTRICT || code.level() == RegionLevel.VILLAGE) {
            throw new NotFoundException("Boundaries below the district level, under region", code);
        }
        List<RegionCode> children = regions.children(code).stream().map(Region::code).toList();
        return geoJson(boundaries.collection(children));
    }

    @GetMapping(value = "/boundaries.geojson", produces = "application/geo+json")
    @Operation(summary = "All province or all regency outlines, for the national map")
    ResponseEntity<String> levelBoundaries(@RequestParam(defaultValue = "province") RegionLevel level) {
        if (level != RegionLevel.PROVINCE && level != RegionLevel.REGENCY) {
            throw InvalidInputException.of("level", "level.notNational",
                    "the national map has province and regency layers; ask a province or regency for its children");
        }
        return geoJson(boundaries.level(level));
    }

    private static ResponseEntity<String> geoJson(String body) {
        return ResponseEntity.ok().contentType(GEO_JSON).cacheControl(CACHE).body(body);
    }
}
