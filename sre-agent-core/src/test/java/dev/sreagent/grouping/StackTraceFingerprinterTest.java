package dev.sreagent.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The traces here were written for these tests. */
class StackTraceFingerprinterTest {
  private final StackTraceFingerprinter fingerprinter = StackTraceFingerprinter.create();

  private StackTrace parse(String message) {
    return fingerprinter.parse(message).orElseThrow();
  }

  private String fp(String message) {
    return StackTraceFingerprinter.fingerprint(parse(message));
  }

  @Test
  void singleLineMessagesHoldNoTrace() {
    assertThat(fingerprinter.parse("java.lang.IllegalStateException: boom")).isEmpty();
    assertThat(fingerprinter.parse("just some text\nand more text")).isEmpty();
  }

  @Nested
  class Java {
    static String trace(int line, int lambda, String orderId) {
      return "Failed to place order " + orderId + "\n"
          + "org.springframework.web.util.NestedServletException: Request processing failed; nested exception is x\n"
          + "\tat org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)\n"
          + "\tat org.springframework.web.servlet.FrameworkServlet.doPost(FrameworkServlet.java:909)\n"
          + "\tat com.example.shop.web.OrderController$$EnhancerBySpringCGLIB$$8f1e2a.create(<generated>)\n"
          + "\tat com.example.shop.web.OrderController.lambda$create$" + lambda + "(OrderController.java:" + line + ")\n"
          + "\tat java.base/java.lang.Thread.run(Thread.java:840)\n"
          + "Caused by: com.example.shop.orders.OrderRejectedException: Order " + orderId + " has no items\n"
          + "\tat com.example.shop.orders.OrderService.place(OrderService.java:" + (line + 40) + ")\n"
          + "\tat com.example.shop.orders.OrderService$$FastClassBySpringCGLIB$$d1c2.invoke(<generated>)\n"
          + "\tat jdk.proxy2/jdk.proxy2.$Proxy142.place(Unknown Source)\n"
          + "\t... 5 more\n"
          + "\tSuppressed: java.io.IOException: close failed\n"
          + "\t\tat com.example.shop.io.Journal.close(Journal.java:77)\n"
          + "Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available\n"
          + "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n"
          + "\tat com.example.shop.orders.OrderRepository.save(OrderRepository.java:31)\n"
          + "\t... 8 more\n";
    }

    @Test
    void readsTheCausedByChainOutermostFirstAndInAppFrames() {
      StackTrace t = parse(trace(41, 0, "A-1001"));
      assertThat(t.language()).isEqualTo(StackTrace.Language.JAVA);
      assertThat(t.exceptionTypes()).containsExactly(
          "org.springframework.web.util.NestedServletException",
          "com.example.shop.orders.OrderRejectedException",
          "java.sql.SQLTransientConnectionException");
      assertThat(t.frames()).containsExactly(
          "com.example.shop.web.OrderController.create",
          "com.example.shop.web.OrderController.lambda$create",
          "com.example.shop.orders.OrderService.place",
          "com.example.shop.orders.OrderService.invoke",
          "com.example.shop.orders.OrderRepository.save");
      assertThat(t.message()).startsWith("Request processing failed");
    }

    @Test
    void lineNumbersLambdaNumbersAndMessagesDoNotChangeTheFingerprint() {
      assertThat(fp(trace(41, 0, "A-1001"))).isEqualTo(fp(trace(57, 3, "B-77"))).startsWith("fp1:s:");
    }

    @Test
    void anotherRootCauseGivesAnotherFingerprint() {
      String other = trace(41, 0, "A-1").replace("SQLTransientConnectionException", "SQLSyntaxErrorException");
      assertThat(fp(other)).isNotEqualTo(fp(trace(41, 0, "A-1")));
    }

    @Test
    void configuredAppPackagesSelectTheFrames() {
      StackTrace t = new StackTraceFingerprinter(List.of("com.example.shop.orders"), 2).parse(trace(41, 0, "A")).orElseThrow();
      assertThat(t.frames()).containsExactly(
          "com.example.shop.orders.OrderService.place",
          "com.example.shop.orders.OrderService.invoke",
          "com.example.shop.orders.OrderRepository.save");
    }

    @Test
    void aTraceWithOnlyLibraryFramesUsesTheTopFrames() {
      String npe = "java.lang.NullPointerException\n"
          + "\tat java.base/java.util.Objects.requireNonNull(Objects.java:209)\n"
          + "\tat java.base/java.util.concurrent.ConcurrentHashMap.putVal(ConcurrentHashMap.java:1011)\n";
      StackTrace t = parse(npe);
      assertThat(t.exceptionTypes()).containsExactly("java.lang.NullPointerException");
      assertThat(t.frames()).containsExactly("java.util.Objects.requireNonNull", "java.util.concurrent.ConcurrentHashMap.putVal");
    }

    @Test
    void generatedAndHiddenClassNamesAreNormalized() {
      String s = "java.lang.IllegalArgumentException: bad\n"
          + "\tat com.example.app.Handler$$Lambda$812/0x0000000801234567.accept(Unknown Source)\n"
          + "\tat com.example.app.Job$3.run(Job.java:12)\n"
          + "\tat jdk.internal.reflect.GeneratedMethodAccessor57.invoke(Unknown Source)\n"
          + "\tat app//com.example.app.Main.main(Main.java:5)\n";
      assertThat(parse(s).frames()).containsExactly("com.example.app.Handler.accept", "com.example.app.Job$.run",
          "com.example.app.Main.main");
    }
  }

  @Nested
  class Python {
    static String trace(int line, String id) {
      return "Traceback (most recent call last):\n"
          + "  File \"/srv/app/billing/gateway.py\", line " + line + ", in charge\n"
          + "    resp = self.session.post(url, json=payload, timeout=5)\n"
          + "  File \"/usr/local/lib/python3.11/site-packages/requests/sessions.py\", line 637, in post\n"
          + "    return self.request(\"POST\", url, data=data, json=json, **kwargs)\n"
          + "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='pay.example.net', port=443): Read timed out.\n"
          + "\n"
          + "The above exception was the direct cause of the following exception:\n"
          + "\n"
          + "Traceback (most recent call last):\n"
          + "  File \"/srv/app/billing/worker.py\", line 88, in run\n"
          + "    self.gateway.charge(invoice)\n"
          + "  File \"/srv/app/billing/gateway.py\", line 51, in charge\n"
          + "    raise PaymentUnavailable(f\"invoice " + id + "\") from exc\n"
          + "billing.errors.PaymentUnavailable: invoice " + id + "\n";
    }

    @Test
    void readsChainedTracebacksOutermostFirst() {
      StackTrace t = parse(trace(42, "INV-1"));
      assertThat(t.language()).isEqualTo(StackTrace.Language.PYTHON);
      assertThat(t.exceptionTypes()).containsExactly("billing.errors.PaymentUnavailable", "requests.exceptions.ReadTimeout");
      assertThat(t.frames()).containsExactly("billing.gateway:charge", "billing.worker:run", "billing.gateway:charge");
      assertThat(t.message()).isEqualTo("invoice INV-1");
    }

    @Test
    void lineNumbersAndMessagesDoNotChangeTheFingerprint() {
      assertThat(fp(trace(42, "INV-1"))).isEqualTo(fp(trace(43, "INV-2")));
    }
  }

  @Nested
  class Go {
    static String panic(String addr) {
      return "panic: runtime error: invalid memory address or nil pointer dereference\n"
          + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=" + addr + "]\n"
          + "\n"
          + "goroutine 41 [running]:\n"
          + "github.com/example/inventory/store.(*Repo).Reserve(0x0, {0xc00012a000, 0x8})\n"
          + "\t/build/store/repo.go:118 +0x1d\n"
          + "github.com/example/inventory/api.(*Server).reserve.func1(0xc000180000)\n"
          + "\t/build/api/server.go:64 +0x2a5\n"
          + "net/http.HandlerFunc.ServeHTTP(0xc0000a4100, {0x7a1c40, 0xc0001b6000}, 0xc000180000)\n"
          + "\t/usr/local/go/src/net/http/server.go:2136 +0x29\n"
          + "created by net/http.(*Server).Serve in goroutine 1\n"
          + "\t/usr/local/go/src/net/http/server.go:3086 +0x4cc\n"
          + "\n"
          + "goroutine 1 [IO wait]:\n"
          + "internal/poll.runtime_pollWait(0x7f2a, 0x72)\n";
    }

    @Test
    void readsThePanicAndTheRunningGoroutine() {
      StackTrace t = parse(panic("0x6b3f1d"));
      assertThat(t.language()).isEqualTo(StackTrace.Language.GO);
      assertThat(t.exceptionTypes()).containsExactly("runtime error: invalid memory address or nil pointer dereference");
      assertThat(t.frames()).containsExactly("github.com/example/inventory/store.(*Repo).Reserve",
          "github.com/example/inventory/api.(*Server).reserve");
      assertThat(fp(panic("0x6b3f1d"))).isEqualTo(fp(panic("0x6b4000")));
    }

    @Test
    void panicValuesAreMasked() {
      String p = "panic: runtime error: index out of range [7] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:9 +0x1d\n";
      assertThat(parse(p).exceptionTypes()).containsExactly("runtime error: index out of range <*> with length <*>");
      assertThat(parse(p).frames()).containsExactly("main.main");
    }
  }

  @Nested
  class Node {
    static String error(int line) {
      return "TypeError: Cannot read properties of undefined (reading 'sku')\n"
          + "    at priceOf (/srv/shop/src/cart/pricing.js:" + line + ":31)\n"
          + "    at Array.map (<anonymous>)\n"
          + "    at async CartService.total (/srv/shop/src/cart/service.js:88:17)\n"
          + "    at async /srv/shop/node_modules/express/lib/router/layer.js:95:5\n"
          + "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5) {\n"
          + "  [cause]: RangeError: Invalid currency code\n"
          + "      at Intl.NumberFormat (<anonymous>)\n"
          + "      at formatPrice (/srv/shop/src/cart/format.js:12:10)\n"
          + "}\n";
    }

    @Test
    void readsTheErrorItsCauseAndInAppFrames() {
      StackTrace t = parse(error(14));
      assertThat(t.language()).isEqualTo(StackTrace.Language.NODE);
      assertThat(t.exceptionTypes()).containsExactly("TypeError", "RangeError");
      assertThat(t.frames()).containsExactly("priceOf@cart/pricing", "CartService.total@cart/service", "formatPrice@cart/format");
      assertThat(t.message()).isEqualTo("Cannot read properties of undefined (reading 'sku')");
      assertThat(fp(error(14))).isEqualTo(fp(error(99)));
    }
  }

  @Test
  void languagesNeverShareAFingerprint() {
    assertThat(List.of(fp(Java.trace(1, 0, "x")), fp(Python.trace(1, "x")), fp(Go.panic("0x1")), fp(Node.error(1))))
        .doesNotHaveDuplicates();
  }
}
