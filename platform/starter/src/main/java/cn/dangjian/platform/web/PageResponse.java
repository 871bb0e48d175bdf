package cn.dangjian.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list with the total, the shape every list endpoint returns. */
@Schema(description = "分页结果 (a page of results with the total)")
public record PageResponse<T>(
    @Schema(description = "本页数据 (items)") List<T> items,
    @Schema(description = "页码，从0开始 (zero-based page)") int page,
    @Schema(description = "每页条数 (page size)") int size,
    @Schema(description = "总条数 (total items)") long total,
    @Schema(description = "总页数 (total pages)") int totalPages) {

  /** A page of rows a store counted and fetched itself (offset {@code page * size}). */
  public static <T> PageResponse<T> of(List<T> items, int page, int size, long total) {
    return new PageResponse<>(items, page, size, total, (int) ((total + size - 1) / size));
  }

  /** Nothing the caller may see: no query was needed. */
  public static <T> PageResponse<T> empty(int page, int size) {
    return of(List.of(), page, size, 0);
  }

  public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
    return new PageResponse<>(
        page.getContent().stream().map(mapper).toList(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }
}
