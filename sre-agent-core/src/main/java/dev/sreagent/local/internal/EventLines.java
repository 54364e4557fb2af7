package dev.sreagent.local.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The lines that make one log event.
 *
 * @param start byte offset of the first line
 * @param end byte offset after the last line
 * @param lines the text lines (one for a JSON event)
 * @param json the parsed object for a JSON line, null for text
 * @param jsonError why a line meant as JSON could not be read, null otherwise
 */
public record EventLines(long start, long end, List<String> lines, @Nullable ObjectNode json, @Nullable String jsonError) {
  /** Copies. */
  public EventLines {
    lines = List.copyOf(lines);
  }
}
