package id.pantau.region.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.pantau.region.Region;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.RegionTimeZone;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the region table. Codes use the C collation, so a code prefix is an index range. */
@Repository
public class RegionRepository {

    private static final String COLUMNS = "code, name, level, parent_code, time_zone";

    private final JdbcClient jdbc;

    RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> find(RegionCode code) {
        return jdbc.sql("select " + COLUMNS + " from region where code = ?")
                .param(code.value()).query(RegionRepository::map).optional();
    }

    public boolean exists(RegionCode code) {
        return jdbc.sql("select exists (select 1 from region where code = ?)").param(code.value())
                .query(Boolean.class).single();
    }

    public List<Region> findAll(Collection<RegionCode> codes) {
        String[] values = codes.stream().map(RegionCode::value).toArray(String[]::new);
        return jdbc.sql("select " + COLUMNS + " from region where code = any(?) order by code")
                .param(values).query(RegionRepository::map).list();
    }

    public PageResult<Region> descendants(RegionCode ancestor, RegionLevel level, PageRequest page) {
        String where = " where code like ? and level = ?";
        String prefix = ancestor.value() + ".%";
        long total = jdbc.sql("select count(*) from region" + where)
                .params(prefix, level.name()).query(Long.class).single();
        List<Region> items = jdbc.sql("select " + COLUMNS + " from region" + where + " order by code limit ? offset ?")
                .params(prefix, level.name(), page.size(), page.offset())
                .query(RegionRepository::map).list();
        return PageResult.of(items, total, page);
    }

    public PageResult<Region> atLevel(RegionLevel level, PageRequest page) {
        long total = jdbc.sql("select count(*) from region where level = ?").param(level.name())
                .query(Long.class).single();
        List<Region> items = jdbc.sql("select " + COLUMNS + " from region where level = ? order by code limit ? offset ?")
                .params(level.name(), page.size(), page.offset())
                .query(RegionRepository::map).list();
        return PageResult.of(items, total, page);
    }

    /**
     * Full-text prefix match on the normalised name; when no word starts that way, falls back to
     * a substring match. Exact names first, then higher levels (shorter codes), then by name.
     */
    public PageResult<Region> search(String normalized, @Nullable RegionLevel level, PageRequest page) {
        String levelFilter = level == null ? "" : " and level = :level";
        String match = "search_vector @@ to_tsquery('simple', :query)";
        long total = count(match, levelFilter, normalized, level);
        if (total == 0) {
            match = "search_name like '%' || :text || '%'";
            total = count(match, levelFilter, normalized, level);
        }
        var query = jdbc.sql("select " + COLUMNS + " from region where " + match + levelFilter + """

                         order by search_name = :text desc,
                                  search_name like '% ' || :text desc,
                                  length(code), name, code
                         limit :limit offset :offset""")
                .param("query", SearchText.prefixQuery(normalized))
                .param("text", normalized)
                .param("limit", page.size()).param("offset", page.offset());
        if (level != null) {
            query = query.param("level", level.name());
        }
        return PageResult.of(query.query(RegionRepository::map).list(), total, page);
    }

    private long count(String match, String levelFilter, String normalized, @Nullable RegionLevel level) {
        var query = jdbc.sql("select count(*) from region where " + match + levelFilter)
                .param("query", SearchText.prefixQuery(normalized))
                .param("text", normalized);
        if (level != null) {
            query = query.param("level", level.name());
        }
        return query.query(Long.class).single();
    }

    public Map<RegionLevel, Long> countByLevel() {
        Map<RegionLevel, Long> counts = new EnumMap<>(RegionLevel.class);
        for (RegionLevel level : RegionLevel.values()) {
            counts.put(level, 0L);
        }
        jdbc.sql("select level, count(*) from region group by level")
                .query((ResultSet rs) -> {
                    counts.put(RegionLevel.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    private static Region map(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_code");
        return new Region(new RegionCode(rs.getString("code")), rs.getString("name"),
                RegionLevel.valueOf(rs.getString("level")), parent == null ? null : new RegionCode(parent),
                RegionTimeZone.ofZoneId(rs.getString("time_zone")));
    }
}
