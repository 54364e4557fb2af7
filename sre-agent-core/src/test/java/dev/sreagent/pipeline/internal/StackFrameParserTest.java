package dev.sreagent.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.pipeline.internal.StackFrame.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackFrameParserTest {
  final StackFrameParser parser = new StackFrameParser();

  @Test
  void javaFramesBecomePackagePathsAndSkipTheJdk() {
    List<StackFrame> f = parser.parse("""
        java.lang.IllegalStateException: boom
        \tat com.acme.orders.OrderService.place(OrderService.java:42)
        \tat com.acme.orders.OrderService$Inner.lambda$run$0(OrderService.java:50)
        \tat java.base/java.util.ArrayList.forEach(ArrayList.java:1596)
        \tat app//com.acme.Main.main(Main.kt:7)
        \tat org.springframework.web.FrameworkServlet.service(FrameworkServlet.java:897)""");
    assertThat(f).containsExactly(
        new StackFrame(Language.JVM, "com/acme/orders/OrderService.java", 42, "place"),
        new StackFrame(Language.JVM, "com/acme/orders/OrderService.java", 50, "lambda$run$0"),
        new StackFrame(Language.JVM, "com/acme/Main.kt", 7, "main"));
  }

  @Test
  void pythonFramesKeepTheirPathAndSkipSitePackages() {
    List<StackFrame> f = parser.parse("""
        Traceback (most recent call last):
          File "/usr/lib/python3.12/site-packages/flask/app.py", line 880, in full_dispatch_request
          File "/srv/app/orders/service.py", line 12, in place
          File "C:\\work\\app\\orders\\util.py", line 3, in <module>
        KeyError: 'sku'""");
    assertThat(f).containsExactly(
        new StackFrame(Language.PYTHON, "/srv/app/orders/service.py", 12, "place"),
        new StackFrame(Language.PYTHON, "/work/app/orders/util.py", 3, "<module>"));
  }

  @Test
  void goFramesAreFoundAndTheRuntimeSkipped() {
    List<StackFrame> f = parser.parse("""
        panic: runtime error: invalid memory address or nil pointer dereference
        goroutine 1 [running]:
        main.(*Server).handle(0x0)
        \t/home/ci/src/github.com/acme/orders/internal/server/handler.go:42 +0x1d
        runtime.goexit()
        \t/usr/local/go/src/runtime/asm_amd64.s:1695 +0x1
        created by net/http.(*Server).Serve
        \t/usr/local/go/src/net/http/server.go:3285 +0x4b4""");
    assertThat(f).containsExactly(new StackFrame(Language.GO, "/home/ci/src/github.com/acme/orders/internal/server/handler.go", 42, ""));
  }

  @Test
  void nodeFramesAreFoundAndNodeModulesSkipped() {
    List<StackFrame> f = parser.parse("""
        TypeError: Cannot read properties of undefined (reading 'id')
            at handle (/srv/app/src/routes/orders.js:17:9)
            at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)
            at file:///srv/app/src/index.mjs:3:1
            at node:internal/process/task_queues:95:5""");
    assertThat(f).containsExactly(
        new StackFrame(Language.NODE, "/srv/app/src/routes/orders.js", 17, "handle"),
        new StackFrame(Language.NODE, "/srv/app/src/index.mjs", 3, ""));
  }

  @Test
  void textWithoutFramesGivesNone() {
    assertThat(parser.parse("ERROR connection refused to db:5432")).isEmpty();
  }
}
