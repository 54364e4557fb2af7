package com.example.shop;

import java.util.List;

/** Paging of result lists for the order history screen. */
public final class Pages {
  private Pages() {}

  /** The items of page {@code page} (0-based) with {@code size} items per page. */
  public static <T> List<T> slice(List<T> items, int page, int size) {
    int from = page * size;
    int to = from + size;
    return items.subList(from, to);
  }
}
