package dev.sreagent.benchmarks.grouping;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 CSV reader: quoted fields with commas, doubled quotes and line breaks. */
final class Csv {
  private Csv() {}

  static List<List<String>> parse(Reader in) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int c;
    while ((c = in.read()) != -1) {
      any = true;
      char ch = (char) c;
      if (quoted) {
        if (ch == '"') {
          int next = in.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next == -1) {
              break;
            }
            ch = (char) next;
            if (!handle(ch, row, field, rows)) {
              field.append(ch);
            }
          }
        } else {
          field.append(ch);
        }
      } else if (ch == '"' && field.length() == 0) {
        quoted = true;
      } else if (!handle(ch, row, field, rows)) {
        field.append(ch);
      }
      if (rows.size() > 0 && rows.get(rows.size() - 1) == row) {
        row = new ArrayList<>();
      }
    }
    if (any && (field.length() > 0 || !row.isEmpty())) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  /** @return true when {@code ch} was a separator */
  private static boolean handle(char ch, List<String> row, StringBuilder field, List<List<String>> rows) {
    if (ch == ',') {
      row.add(field.toString());
      field.setLength(0);
      return true;
    }
    if (ch == '\n') {
      row.add(field.toString());
      field.setLength(0);
      rows.add(row);
      return true;
    }
    return ch == '\r';
  }
}
