package dev.sreagent.fakes;

import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.ChangeRequest;
import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.FileContent;
import dev.sreagent.spi.ReportRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test fake of {@link CodeHost}: an in-memory repository that records changes, reports and comments, idempotent by key. */
public final class FakeCodeHost implements CodeHost {
  private final Map<String, String> files = new TreeMap<>();
  public final Map<ChangeKey, ChangeRequest> changes = new ConcurrentHashMap<>();
  public final Map<ChangeKey, ReportRequest> reports = new ConcurrentHashMap<>();
  public final Map<ChangeKey, ChangeRef> refs = new ConcurrentHashMap<>();
  public final List<String> comments = java.util.Collections.synchronizedList(new ArrayList<>());
  public final AtomicInteger openChangeCalls = new AtomicInteger();
  public final AtomicInteger openReportCalls = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger();

  /** Adds a file to the repository. */
  public FakeCodeHost file(String path, String content) {
    files.put(path, content);
    return this;
  }

  @Override
  public synchronized Optional<FileContent> readFile(String path, Optional<String> ref) {
    String c = files.get(path);
    return c == null ? Optional.empty() : Optional.of(new FileContent(path, "abc123", c));
  }

  @Override
  public synchronized List<String> listPaths(Optional<String> ref) {
    return List.copyOf(files.keySet());
  }

  @Override
  public Optional<ChangeRef> find(ChangeKey key) {
    return Optional.ofNullable(refs.get(key)).map(ChangeRef::existing);
  }

  @Override
  public synchronized ChangeRef openChange(ChangeRequest request) {
    openChangeCalls.incrementAndGet();
    ChangeRef existing = refs.get(request.key());
    if (existing != null) {
      return existing.existing();
    }
    int id = ids.incrementAndGet();
    ChangeRef ref = new ChangeRef(request.key(), ChangeRef.Kind.CHANGE, String.valueOf(id), "https://code.test/pr/" + id,
        request.key().value(), "c0ffee" + id, true);
    changes.put(request.key(), request);
    refs.put(request.key(), ref);
    return ref;
  }

  @Override
  public synchronized ChangeRef openReport(ReportRequest request) {
    openReportCalls.incrementAndGet();
    ChangeRef existing = refs.get(request.key());
    if (existing != null) {
      return existing.existing();
    }
    int id = ids.incrementAndGet();
    ChangeRef ref = new ChangeRef(request.key(), ChangeRef.Kind.REPORT, String.valueOf(id), "https://code.test/issues/" + id, "", "", true);
    reports.put(request.key(), request);
    refs.put(request.key(), ref);
    return ref;
  }

  @Override
  public void comment(ChangeRef ref, String markdown) {
    comments.add(ref.key() + ": " + markdown);
  }
}
