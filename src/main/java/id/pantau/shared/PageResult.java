package id.pantau.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list with the total number of matches, as every list endpoint answers. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public static <T> PageResult<T> of(List<T> items, long total, PageRequest request) {
        return new PageResult<>(List.copyOf(items), total, request.page(), request.size());
    }

    /** A short list given whole (reference data), in the same shape as a page. */
    public static <T> PageResult<T> all(List<T> items) {
        return new PageResult<>(List.copyOf(items), items.size(), 0, items.size());
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
