package dev.sreagent.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.fakes.FakeCodeHost;
import dev.sreagent.fakes.TestRedactor;
import dev.sreagent.pipeline.internal.StackFrame.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeLocatorTest {
  final FakeCodeHost host = new FakeCodeHost()
      .file("orders/src/main/java/com/acme/orders/OrderService.java", "class OrderService {}\n")
      .file("legacy/src/main/java/com/old/OrderService.java", "class OrderService {}\n")
      .file("orders/src/test/java/com/acme/orders/Util.java", "class Util {}\n")
      .file("orders/src/main/java/com/acme/orders/Util.java", "class Util { String mail = \"ops@acme.test\"; }\n")
      .file("app/orders/service.py", "def place(): pass\n")
      .file("internal/server/handler.go", "package server\n")
      .file("src/routes/orders.js", "module.exports = {}\n")
      .file("assets/logo.java", "GIF89a\0\0");

  CodeLocator.Located locate(int maxFiles, StackFrame... frames) {
    return new CodeLocator(host, maxFiles, 10_000).locate(List.of(frames), new TestRedactor().newSession());
  }

  @Test
  void javaFramesMatchTheLongestPackageSuffix() {
    var found = locate(3, new StackFrame(Language.JVM, "com/acme/orders/OrderService.java", 7, "m"));
    assertThat(found.files()).extracting(LocatedFile::path).containsExactly("orders/src/main/java/com/acme/orders/OrderService.java");
    assertThat(found.files().get(0).lines()).containsExactly(7);
    assertThat(found.files().get(0).ref()).isEqualTo("abc123");
  }

  @Test
  void aTieOnTheSuffixPrefersMainOverTest() {
    var found = locate(3, new StackFrame(Language.JVM, "com/acme/orders/Util.java", 1, "m"));
    assertThat(found.files()).extracting(LocatedFile::path).containsExactly("orders/src/main/java/com/acme/orders/Util.java");
    assertThat(found.files().get(0).redacted()).isTrue();
    assertThat(found.files().get(0).shown()).contains("<email:1>").doesNotContain("ops@acme.test");
  }

  @Test
  void pythonGoAndNodePathsMatchByTheirTrailingFolders() {
    var found = locate(3,
        new StackFrame(Language.PYTHON, "/srv/app/orders/service.py", 1, ""),
        new StackFrame(Language.GO, "/home/ci/src/github.com/acme/orders/internal/server/handler.go", 42, ""),
        new StackFrame(Language.NODE, "/srv/app/src/routes/orders.js", 17, ""));
    assertThat(found.files()).extracting(LocatedFile::path)
        .containsExactly("app/orders/service.py", "internal/server/handler.go", "src/routes/orders.js");
  }

  @Test
  void unknownFramesBinaryFilesAndTheFileLimitAreNoted() {
    var found = locate(1,
        new StackFrame(Language.JVM, "com/x/Missing.java", 1, ""),
        new StackFrame(Language.JVM, "assets/logo.java", 1, ""),
        new StackFrame(Language.PYTHON, "app/orders/service.py", 1, ""),
        new StackFrame(Language.NODE, "src/routes/orders.js", 1, ""));
    assertThat(found.files()).extracting(LocatedFile::path).containsExactly("app/orders/service.py");
    assertThat(found.notes()).containsExactly("no repository file for frame com/x/Missing.java:1", "binary file skipped: assets/logo.java");
  }

  @Test
  void noFramesIsANote() {
    assertThat(locate(3).notes()).containsExactly("no stack frame of Java, Python, Go or Node.js found in the samples");
  }
}
