package id.pantau.shared;

import org.jspecify.annotations.Nullable;

/** Zero-based page of a list; {@link #of} validates what came from a query string. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    public static PageRequest of(@Nullable Integer page, @Nullable Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        var violations = new Violations();
        violations.check(p >= 0, "page", "page.negative", "page must be 0 or more");
        violations.check(s >= 1 && s <= MAX_SIZE, "size", "size.range", "size must be between 1 and " + MAX_SIZE);
        violations.throwIfAny();
        return new PageRequest(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
