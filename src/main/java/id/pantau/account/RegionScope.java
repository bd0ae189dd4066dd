package id.pantau.account;

import java.util.Map;

import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;

/**
 * The authorisation rule of Pantau: an account may act on a region when that region lies in its
 * home region's subtree, which for the dotted Kemendagri codes is a prefix check. An account
 * without a home region is national and may act everywhere, including on national (region-less)
 * things, which nobody else may touch. Both the Java check and the SQL filter live here so that
 * the rule exists once.
 */
public record RegionScope(@Nullable RegionCode root) {

    public static final RegionScope NATIONAL = new RegionScope(null);

    public boolean isNational() {
        return root == null;
    }

    public boolean permits(@Nullable RegionCode region) {
        if (root == null) {
            return true;
        }
        return region != null && root.contains(region);
    }

    /**
     * An SQL condition limiting {@code column} (a region code in the C collation) to this scope,
     * with its parameters in {@link #sqlParameters()}. Uses the column's index as a range scan.
     */
    public String sqlCondition(String column) {
        return root == null ? "true" : "(" + column + " = :scopeRoot or " + column + " like :scopeDescendants)";
    }

    public Map<String, Object> sqlParameters() {
        return root == null ? Map.of() : Map.of("scopeRoot", root.value(), "scopeDescendants", root.value() + ".%");
    }
}
