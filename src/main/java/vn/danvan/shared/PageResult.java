package vn.danvan.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, in the shape every danvan API returns: content, totalElements, page, size. */
public record PageResult<T>(List<T> content, long totalElements, int page, int size) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(content.stream().map(mapper).toList(), totalElements, page, size);
    }
}
