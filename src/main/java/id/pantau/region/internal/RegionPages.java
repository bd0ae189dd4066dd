package id.pantau.region.internal;

import java.util.List;

import id.pantau.region.Region;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.Regions;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages for browsing regions: the national map, a region with its children, and search. */
@Controller
class RegionPages {

    private static final int SEARCH_PAGE_SIZE = 25;

    private final Regions regions;

    RegionPages(Regions regions) {
        this.regions = regions;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("provinces", regions.list(null, RegionLevel.PROVINCE, PageRequest.of(0, 100)).items());
        model.addAttribute("counts", regions.countByLevel());
        return "region/home";
    }

    @GetMapping("/regions/{code}")
    String region(@PathVariable RegionCode code, Model model) {
        List<Region> lineage = regions.lineage(code);
        Region region = lineage.getLast();
        model.addAttribute("region", region);
        model.addAttribute("lineage", lineage);
        model.addAttribute("children", regions.children(code));
        model.addAttribute("boundaryUrl", boundaryUrl(region));
        model.addAttribute("childBoundariesUrl", switch (region.level()) {
            case PROVINCE, REGENCY -> "/api/v1/regions/" + code + "/children.geojson";
            case DISTRICT, VILLAGE -> null;
        });
        return "region/region";
    }

    /** Full page, or only the result list when htmx asks while the visitor types. */
    @GetMapping("/regions/search")
    String search(@RequestParam(defaultValue = "") String q,
                  @RequestParam(required = false) @Nullable RegionLevel level,
                  @RequestParam(defaultValue = "0") int page,
                  @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                  Model model) {
        model.addAttribute("q", q);
        model.addAttribute("level", level);
        model.addAttribute("levels", RegionLevel.values());
        boolean searchable = SearchText.normalize(q).length() >= 2;
        model.addAttribute("searched", searchable);
        model.addAttribute("results", searchable
                ? regions.search(q, level, PageRequest.of(Math.max(page, 0), SEARCH_PAGE_SIZE))
                : PageResult.of(List.<Region>of(), 0, PageRequest.of(0, SEARCH_PAGE_SIZE)));
        return htmx != null ? "region/search :: results" : "region/search";
    }

    /** Villages have no outline of their own: show the district they lie in. */
    private static String boundaryUrl(Region region) {
        RegionCode outlined = region.level() == RegionLevel.VILLAGE
                ? region.code().ancestorAt(RegionLevel.DISTRICT) : region.code();
        return "/api/v1/regions/" + outlined + "/boundary.geojson";
    }
}
