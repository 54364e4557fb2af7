package dev.sreagent.redact;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redacts a stream of lines one by one, remembering a private key that spans lines: after a
 * {@code -----BEGIN … PRIVATE KEY-----} line without its END, the key's body lines (base64, and
 * {@code Proc-Type:}/{@code DEK-Info:} headers) are replaced by the key's placeholder until the END line.
 * Every input line gives exactly one output line. Not thread safe (one per stream).
 */
public final class LineRedactor {
  private static final Pattern BEGIN = Pattern.compile("-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----");
  private static final Pattern END = Pattern.compile("-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----");
  private static final Pattern BODY = Pattern.compile("\\s*[A-Za-z0-9+/=]*\\s*|[A-Za-z-]{1,20}: [^\\r\\n]*");
  private static final Pattern KEY_PLACEHOLDER = Pattern.compile("<private-key(?::\\d+)?>");

  private final RedactionSession session;
  private String openKey = "";

  /** @param session the scope of placeholders for the whole stream */
  public LineRedactor(RedactionSession session) {
    this.session = Objects.requireNonNull(session, "session");
  }

  /**
   * @param line one line, without its terminator
   * @return the redacted line (never more than one line)
   */
  public String redactLine(String line) {
    if (!openKey.isEmpty()) {
      Matcher end = END.matcher(line);
      if (end.find()) {
        String key = openKey;
        openKey = "";
        return key + session.redact(line.substring(end.end()));
      }
      if (BODY.matcher(line).matches()) {
        return openKey;
      }
      openKey = "";
    }
    String out = session.redact(line);
    Matcher begin = BEGIN.matcher(line);
    if (begin.find() && !END.matcher(line).find(begin.end())) {
      Matcher p = KEY_PLACEHOLDER.matcher(out);
      String last = "<private-key>";
      while (p.find()) {
        last = p.group();
      }
      openKey = last;
    }
    return out;
  }
}
