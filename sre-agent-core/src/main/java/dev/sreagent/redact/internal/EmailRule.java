package dev.sreagent.redact.internal;

import dev.sreagent.redact.PiiFamily;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Email addresses, found from each {@code @}: the local part is the run of {@code [A-Za-z0-9._%+-]}
 * (1–64 chars) before it, the domain must have a dot and a letter TLD. Anchoring on {@code @} instead of
 * trying a regex at every char keeps lines with an {@code @} cheap.
 */
final class EmailRule implements Rule {
  private static final Pattern DOMAIN = Pattern.compile(
      "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])");

  @Override
  public String name() {
    return "email";
  }

  @Override
  public List<String> keywords() {
    return List.of();
  }

  @Override
  public Set<Gate> gates() {
    return Set.of(Gate.AT);
  }

  @Override
  public @Nullable PiiFamily family() {
    return PiiFamily.EMAIL;
  }

  private static boolean isLocal(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '%'
        || c == '+' || c == '-';
  }

  @Override
  public void find(String text, int priority, List<Span> out) {
    Matcher domain = null;
    int at = text.indexOf('@');
    while (at >= 0) {
      int start = at;
      while (start > 0 && isLocal(text.charAt(start - 1))) {
        start--;
      }
      if (start < at && at - start <= 64) {
        if (domain == null) {
          domain = DOMAIN.matcher(text);
        }
        domain.region(at + 1, text.length());
        domain.useTransparentBounds(true);
        if (domain.lookingAt()) {
          out.add(new Span(start, domain.end(), "email", priority));
          at = text.indexOf('@', domain.end());
          continue;
        }
      }
      at = text.indexOf('@', at + 1);
    }
  }

  @Override
  public String toString() {
    return "EmailRule";
  }
}
