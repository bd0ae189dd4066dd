package id.pantau.region.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Region outlines from the shipped GeoJSON (provinces, regencies, districts; villages have none):
 * served to the map as GeoJSON text and indexed in an STR-tree for point-in-polygon look-ups.
 * Loaded once, on first use or right after start-up, whichever comes first.
 */
@Component
public class Boundaries {

    private static final Logger log = LoggerFactory.getLogger(Boundaries.class);
    private static final Map<RegionLevel, String> FILES = Map.of(
            RegionLevel.PROVINCE, "data/geo/idn-provinces-from-regencies.geojson",
            RegionLevel.REGENCY, "data/geo/idn-regencies.geojson",
            RegionLevel.DISTRICT, "data/geo/idn-districts.geojson");

    private final JsonMapper json;
    private volatile @Nullable Layers layers;

    Boundaries(JsonMapper json) {
        this.json = json;
    }

    /** The located regency and, where a district polygon contains the point too, the district. */
    public record Hit(RegionCode regency, @Nullable RegionCode district) {
    }

    private record Outline(RegionCode code, String name, String feature, @Nullable PreparedGeometry shape) {
    }

    private record Layers(Map<RegionCode, Outline> byCode, Map<RegionLevel, List<Outline>> byLevel,
                          STRtree districts, STRtree regencies) {
    }

    public Optional<Hit> locate(double latitude, double longitude) {
        Layers loaded = layers();
        Point point = new GeometryFactory().createPoint(new Coordinate(longitude, latitude));
        Outline district = containing(loaded.districts(), point);
        if (district != null) {
            return Optional.of(new Hit(district.code().ancestorAt(RegionLevel.REGENCY), district.code()));
        }
        Outline regency = containing(loaded.regencies(), point);
        return Optional.ofNullable(regency).map(r -> new Hit(r.code(), null));
    }

    /** One region's outline as a GeoJSON Feature, if it has one. */
    public Optional<String> feature(RegionCode code) {
        return Optional.ofNullable(layers().byCode().get(code)).map(Outline::feature);
    }

    /** The outlines of the given regions that have one, as a FeatureCollection. */
    public String collection(Collection<RegionCode> codes) {
        Map<RegionCode, Outline> byCode = layers().byCode();
        return featureCollection(codes.stream().map(byCode::get).filter(o -> o != null).toList());
    }

    /** Every outline of a level (provinces or regencies for the national map), as a FeatureCollection. */
    public String level(RegionLevel level) {
        return featureCollection(layers().byLevel().getOrDefault(level, List.of()));
    }

    /** Parsing takes about a second; do it off the request path so the first map is not slow. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofPlatform().daemon().name("boundaries-warm-up").start(this::layers);
    }

    private Layers layers() {
        Layers loaded = layers;
        if (loaded == null) {
            synchronized (this) {
                loaded = layers;
                if (loaded == null) {
                    loaded = load();
                    layers = loaded;
                }
            }
        }
        return loaded;
    }

    private Layers load() {
        long started = System.nanoTime();
        Map<RegionCode, Outline> byCode = new HashMap<>();
        Map<RegionLevel, List<Outline>> byLevel = new HashMap<>();
        STRtree districts = new STRtree();
        STRtree regencies = new STRtree();
        GeometryFactory geometries = new GeometryFactory();
        for (var file : FILES.entrySet()) {
            RegionLevel level = file.getKey();
            List<Outline> outlines = new ArrayList<>();
            for (JsonNode feature : read(file.getValue()).get("features")) {
                RegionCode code = RegionCode.parse(feature.get("properties").get("code").asString());
                String name = feature.get("properties").get("name").asString();
                PreparedGeometry shape = null;
                if (level != RegionLevel.PROVINCE) {
                    shape = PreparedGeometryFactory.prepare(GeoJsonGeometry.toGeometry(feature.get("geometry"), geometries));
                }
                Outline outline = new Outline(code, name, featureJson(code, name, level, feature.get("geometry")), shape);
                outlines.add(outline);
                byCode.put(code, outline);
                if (shape != null) {
                    STRtree index = level == RegionLevel.DISTRICT ? districts : regencies;
                    index.insert(shape.getGeometry().getEnvelopeInternal(), outline);
                }
            }
            outlines.sort(Comparator.comparing(Outline::code));
            byLevel.put(level, List.copyOf(outlines));
        }
        districts.build();
        regencies.build();
        log.info("Loaded {} region outlines in {} ms", byCode.size(), (System.nanoTime() - started) / 1_000_000);
        return new Layers(Map.copyOf(byCode), Map.copyOf(byLevel), districts, regencies);
    }

    private static @Nullable Outline containing(STRtree index, Point point) {
        for (Object candidate : index.query(point.getEnvelopeInternal())) {
            Outline outline = (Outline) candidate;
            if (outline.shape() != null && outline.shape().covers(point)) {
                return outline;
            }
        }
        return null;
    }

    private String featureJson(RegionCode code, String name, RegionLevel level, JsonNode geometry) {
        var properties = json.createObjectNode()
                .put("code", code.value()).put("name", name).put("level", level.apiName());
        var feature = json.createObjectNode().put("type", "Feature").put("id", code.value());
        feature.set("properties", properties);
        feature.set("geometry", geometry);
        return json.writeValueAsString(feature);
    }

    private static String featureCollection(List<Outline> outlines) {
        var text = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < outlines.size(); i++) {
            text.append(i == 0 ? "" : ",").append(outlines.get(i).feature());
        }
        return text.append("]}").toString();
    }

    private JsonNode read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
