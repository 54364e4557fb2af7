package com.example.shop;

import java.util.List;

/** Plain-Java checks (no test framework needed): run with java PagesTest.java. */
public final class PagesTest {
  public static void main(String[] args) {
    List<Integer> items = List.of(1, 2, 3, 4, 5);
    check(Pages.slice(items, 0, 2).equals(List.of(1, 2)), "first page");
    check(Pages.slice(items, 1, 2).equals(List.of(3, 4)), "middle page");
    System.out.println("ok");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }
}
