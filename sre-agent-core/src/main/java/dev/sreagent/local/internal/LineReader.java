package dev.sreagent.local.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads complete lines of a log file from a byte offset, without ever failing on content: invalid UTF-8
 * is replaced with U+FFFD, a line longer than the limit keeps its first bytes and gets a marker saying how
 * many were cut, and a trailing line without its newline is left unread unless asked for (the writer may
 * still be writing it).
 */
public final class LineReader {
  /** The marker appended to a cut line; the number of omitted bytes follows it. */
  public static final String CUT_MARKER = " …[line cut: ";

  private final int maxLineBytes;

  /** @param maxLineBytes bytes kept of one line (at least 16) */
  public LineReader(int maxLineBytes) {
    if (maxLineBytes < 16) {
      throw new IllegalArgumentException("maxLineBytes must be at least 16");
    }
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * @param file the file
   * @param offset where to start (a line start)
   * @param byteBudget stop after the first line that takes the total read past this many bytes
   * @param lineLimit stop after this many lines
   * @param includeUnterminated also return a final line that has no newline
   * @return the lines read, in order
   */
  public List<RawLine> read(Path file, long offset, long byteBudget, int lineLimit, boolean includeUnterminated) throws IOException {
    List<RawLine> lines = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (offset > ch.size()) {
        return lines;
      }
      ch.position(offset);
      InputStream in = new BufferedInputStream(Channels.newInputStream(ch), 65536);
      byte[] buf = new byte[maxLineBytes];
      long pos = offset;
      while (lines.size() < lineLimit && pos - offset <= byteBudget) {
        int kept = 0;
        long total = 0;
        boolean newline = false;
        int b;
        while ((b = in.read()) >= 0) {
          total++;
          if (b == '\n') {
            newline = true;
            break;
          }
          if (kept < maxLineBytes) {
            buf[kept++] = (byte) b;
          }
        }
        if (total == 0 || (!newline && !includeUnterminated)) {
          break;
        }
        long contentBytes = newline ? total - 1 : total;
        int textBytes = kept;
        if (contentBytes == kept && kept > 0 && buf[kept - 1] == '\r') {
          textBytes--;
        }
        String text = decode(buf, textBytes);
        if (contentBytes > kept) {
          text = text + CUT_MARKER + (contentBytes - kept) + " bytes omitted]";
        }
        lines.add(new RawLine(pos, pos + total, text));
        pos += total;
        if (!newline) {
          break;
        }
      }
    }
    return lines;
  }

  private static String decode(byte[] buf, int len) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      CharBuffer cb = d.decode(ByteBuffer.wrap(buf, 0, len));
      return cb.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder cannot fail", e);
    }
  }
}
