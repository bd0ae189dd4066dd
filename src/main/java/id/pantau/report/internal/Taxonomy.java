package id.pantau.report.internal;

import java.sql.Array;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import id.pantau.report.ReportCategories;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report taxonomy, read once: it is reference data changed by migrations. Public for the
 * module's API ({@link id.pantau.report.ReportCategories}).
 */
@Component
public class Taxonomy {

    private final Map<String, Category> byCode;

    Taxonomy(JdbcClient jdbc) {
        Map<String, Category> categories = new LinkedHashMap<>();
        jdbc.sql("""
                        select code, parent_code, facet, kind, label_id, label_en, sms_keywords, position
                          from category where active order by position, code""")
                .query((rs, row) -> {
                    Array keywords = rs.getArray("sms_keywords");
                    return new Category(rs.getString("code"), rs.getString("parent_code"), rs.getString("facet"),
                            rs.getString("kind"), rs.getString("label_id"), rs.getString("label_en"),
                            Arrays.asList((String[]) keywords.getArray()), rs.getInt("position"));
                })
                .list().forEach(c -> categories.put(c.code(), c));
        this.byCode = Map.copyOf(categories);
    }

    Optional<Category> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    List<Category> types() {
        return byCode.values().stream().filter(Category::isType).sorted(Comparator.comparingInt(Category::position)).toList();
    }

    /** The subtypes or the acts of a type, in order. */
    public List<Category> children(String typeCode, String facet) {  // public for the page templates
        return byCode.values().stream()
                .filter(c -> typeCode.equals(c.parentCode()) && facet.equals(c.facet()))
                .sorted(Comparator.comparingInt(Category::position)).toList();
    }

    /** A category's label in the page's language; the code itself when unknown (for templates). */
    public String label(@Nullable String code, Locale locale) {
        return code == null ? "" : find(code).map(c -> c.label(locale)).orElse(code);
    }

    /** The report types as the module's API shows them. */
    public List<ReportCategories.ReportType> reportTypes(Locale locale) {
        return types().stream().map(t -> new ReportCategories.ReportType(t.code(), t.kind(), t.label(locale))).toList();
    }

    /** Every code with its label in the language, types first, in the taxonomy's order. */
    public Map<String, String> labels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        byCode.values().stream().sorted(Comparator.comparing((Category c) -> !c.isType()).thenComparingInt(Category::position))
                .forEach(c -> labels.put(c.code(), c.label(locale)));
        return labels;
    }

    /** Upper-case SMS keyword to the type it names. */
    Map<String, String> smsKeywords() {
        Map<String, String> keywords = new LinkedHashMap<>();
        types().forEach(type -> type.smsKeywords().forEach(k -> keywords.put(k, type.code())));
        return keywords;
    }
}
