package dev.sreagent.grouping.internal;

import java.util.List;

/**
 * Decides which frames belong to the application and normalizes frame names so the fingerprint survives
 * rebuilds: line numbers, lambda and anonymous-class numbers, proxy and generated class suffixes are dropped.
 * Immutable and thread safe.
 */
public final class FrameRules {
  /** Package prefixes of the JVM runtime and common frameworks, skipped when no application package is configured. */
  static final List<String> JVM_LIBRARY = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.", "kotlin.", "kotlinx.", "scala.", "groovy.",
      "org.codehaus.groovy.", "org.springframework.", "org.apache.", "io.netty.", "reactor.", "io.reactivex.",
      "rx.", "org.junit.", "junit.", "com.google.common.", "com.google.protobuf.", "io.grpc.", "io.micrometer.",
      "org.hibernate.", "com.fasterxml.", "okhttp3.", "okio.", "org.eclipse.jetty.", "io.undertow.", "ch.qos.logback.",
      "org.slf4j.", "org.glassfish.", "com.zaxxer.", "org.postgresql.", "com.mysql.", "io.vertx.", "io.quarkus.",
      "software.amazon.awssdk.", "com.amazonaws.", "com.google.cloud.", "com.google.api.", "com.azure.", "feign.",
      "net.bytebuddy.", "org.aspectj.", "worker.org.gradle.", "org.gradle.", "org.mockito.");

  private final List<String> appPackages;

  /** @param appPackages package prefixes (JVM), module prefixes (Python, Go) or path fragments (Node) of the application */
  public FrameRules(List<String> appPackages) {
    this.appPackages = List.copyOf(appPackages);
  }

  /** @return true when application packages were configured */
  public boolean hasAppPackages() {
    return !appPackages.isEmpty();
  }

  /** @return true when {@code name} (a class, module or path) starts with or contains a configured application prefix */
  public boolean isApp(String name) {
    for (String p : appPackages) {
      if (name.startsWith(p) || name.contains("/" + p)) {
        return true;
      }
    }
    return false;
  }

  /** @return true for a JVM class of the runtime or a common framework */
  public static boolean isJvmLibrary(String className) {
    for (String p : JVM_LIBRARY) {
      if (className.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Normalizes a JVM {@code class.method}: drops {@code $$Lambda$12/0x…}, {@code $Proxy12}, {@code
   * $$EnhancerBySpringCGLIB$$…}, {@code $$FastClassBySpringCGLIB$$…}, {@code $ByteBuddy$…}, {@code
   * $HibernateProxy$…}, anonymous-class numbers ({@code $1}), lambda numbers ({@code lambda$run$0}) and
   * numbered generated accessors ({@code GeneratedMethodAccessor12}).
   */
  public static String normalizeJvm(String frame) {
    StringBuilder out = new StringBuilder(frame.length());
    int n = frame.length();
    int i = 0;
    while (i < n) {
      char c = frame.charAt(i);
      if (c == '$') {
        // $$Lambda$..., $$EnhancerBy...$$..., $$FastClassBy...$$..., $ByteBuddy$..., $HibernateProxy$...
        String rest = frame.substring(i);
        if (rest.startsWith("$$Lambda") || rest.startsWith("$$EnhancerBy") || rest.startsWith("$$FastClassBy")
            || rest.startsWith("$ByteBuddy$") || rest.startsWith("$HibernateProxy$") || rest.startsWith("$$SpringCGLIB$$")
            || rest.startsWith("$MockitoMock$")) {
          // skip to the method separator: the last '.' after this point
          int dot = frame.lastIndexOf('.');
          i = dot > i ? dot : n;
          continue;
        }
        if (rest.startsWith("$Proxy")) {
          out.append("$Proxy");
          i += 6;
          while (i < n && Character.isDigit(frame.charAt(i))) {
            i++;
          }
          continue;
        }
        if (i + 1 < n && Character.isDigit(frame.charAt(i + 1))) {
          out.append('$');
          i++;
          while (i < n && Character.isDigit(frame.charAt(i))) {
            i++;
          }
          continue;
        }
        out.append(c);
        i++;
        continue;
      }
      if (c == '/' ) { // hidden-class suffix such as /0x0000000800c4b000
        int dot = frame.indexOf('.', i);
        i = dot < 0 ? n : dot;
        continue;
      }
      out.append(c);
      i++;
    }
    String s = out.toString();
    // lambda$name$0 -> lambda$name (the number was dropped above, leaving a trailing '$')
    if (s.endsWith("$") && s.contains("lambda$")) {
      s = s.substring(0, s.length() - 1);
    }
    s = stripTrailingDigits(s, "GeneratedMethodAccessor");
    s = stripTrailingDigits(s, "GeneratedConstructorAccessor");
    s = stripTrailingDigits(s, "GeneratedSerializationConstructorAccessor");
    return s;
  }

  private static String stripTrailingDigits(String s, String word) {
    int i = s.indexOf(word);
    if (i < 0) {
      return s;
    }
    int j = i + word.length();
    int k = j;
    while (k < s.length() && Character.isDigit(s.charAt(k))) {
      k++;
    }
    return s.substring(0, j) + s.substring(k);
  }
}
