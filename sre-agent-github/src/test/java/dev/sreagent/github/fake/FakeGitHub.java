package dev.sreagent.github.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, stateful GitHub REST API for tests: refs, blobs, trees, commits (with git's object ids), pull
 * requests, issues, labels, comments, users, and the GitHub App endpoints, following the shapes GitHub
 * documents. It authenticates every request (classic tokens with scopes, fine-grained tokens and
 * installation tokens with permissions, RS256 JWTs for the app endpoints), answers 403 with
 * {@code X-Accepted-GitHub-Permissions} when a permission is missing, and can inject failures and rate
 * limits. It serves under {@code /api/v3}, as GitHub Enterprise Server does.
 */
public final class FakeGitHub implements AutoCloseable {
  /** The API root path, as on GitHub Enterprise Server. */
  public static final String PREFIX = "/api/v3";
  public static final String OWNER = "acme";
  public static final String REPO = "payments";
  public static final String DEFAULT_BRANCH = "main";

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // the JDK server writes headers and body separately; without TCP_NODELAY each response waits ~40 ms for a delayed ACK
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }
  private static final Pattern REPO_PATH = Pattern.compile("/repos/([^/]+)/([^/]+)(/.*)?");

  private final HttpServer server;
  private final Clock clock;
  private final Object lock = new Object();

  // git objects
  private final Map<String, byte[]> blobs = new LinkedHashMap<>();
  private final Map<String, TreeMap<String, Entry>> trees = new LinkedHashMap<>();
  private final Map<String, Commit> commits = new LinkedHashMap<>();
  private final TreeMap<String, String> refs = new TreeMap<>();
  // issues and pull requests share one number sequence, as on GitHub
  private final List<Issue> issues = new ArrayList<>();
  private final Map<String, String> labels = new TreeMap<>();
  private final Set<String> users = new TreeSet<>(List.of("alice", "bob"));
  private int commitCounter;

  // auth
  private final Map<String, Token> tokens = new LinkedHashMap<>();
  private long appId = -1;
  private RSAPublicKey appKey;
  private long installationId = 4242;
  private Map<String, String> installationPermissions = Map.of();
  private Duration installationTokenLifetime = Duration.ofHours(1);
  private int installationTokensIssued;
  private JsonNode lastTokenRequest;
  private boolean repositoryPrivate = true;
  private boolean repositoryPushAccess = true;
  private volatile boolean truncateRecursiveTrees;

  // faults and records
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<Stall> stalls = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

  /** An entry of a tree. */
  public record Entry(String mode, String type, String sha) {}

  /** A commit. */
  public record Commit(String sha, String tree, List<String> parents, String message) {}

  /** A token GitHub knows. */
  private record Token(String kind, Set<String> scopes, Map<String, String> permissions, Instant expiresAt) {}

  /** An issue or pull request. */
  public static final class Issue {
    public final int number;
    public final boolean pull;
    public String title;
    public String body;
    public String state = "open";
    public final List<String> labels = new ArrayList<>();
    public final List<String> reviewers = new ArrayList<>();
    public final List<Comment> comments = new ArrayList<>();
    public String head = "";
    public String base = "";
    public boolean draft;
    public final Instant createdAt;

    Issue(int number, boolean pull, String title, String body, Instant createdAt) {
      this.number = number;
      this.pull = pull;
      this.title = title;
      this.body = body;
      this.createdAt = createdAt;
    }
  }

  /** A comment. */
  public record Comment(long id, String body, Instant createdAt) {}

  private record Fault(String method, Pattern path, int status, Map<String, String> headers, boolean afterHandling, String body) {}

  /** Where a stalled response stops: before its status line, or after its headers and part of its body. */
  public enum StallPoint {
    /** Nothing is answered: the client waits for the status line. */
    BEFORE_HEADERS,
    /** Status 200, headers announcing a JSON body, then 8 of its bytes; the rest never comes. */
    MID_BODY
  }

  private record Stall(String method, Pattern path, StallPoint point) {}

  private FakeGitHub(Clock clock, Map<String, String> files) throws IOException {
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
    seed(files);
  }

  private final java.util.concurrent.ExecutorService executor =
      java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "fake-github");
      t.setDaemon(true);
      return t;
    });

  /** The files {@link #start(Clock)} puts on {@code main}. */
  public static final Map<String, String> DEFAULT_FILES = Map.of(
      "README.md", "# payments\n",
      "src/main/java/com/acme/pay/Checkout.java",
      "package com.acme.pay;\n\npublic class Checkout {\n  int total(int[] items) {\n    int t = 0;\n    for (int i = 0; i <= items.length; i++) t += items[i];\n    return t;\n  }\n}\n",
      "scripts/deploy.sh", "#!/bin/sh\necho deploy\n");

  /** @return a started server with a repository {@code acme/payments} holding {@link #DEFAULT_FILES} on {@code main} */
  public static FakeGitHub start(Clock clock) throws IOException {
    return new FakeGitHub(clock, DEFAULT_FILES);
  }

  /** @return a started server whose {@code main} holds exactly {@code files} (path → content) */
  public static FakeGitHub start(Clock clock, Map<String, String> files) throws IOException {
    return new FakeGitHub(clock, files);
  }

  private void seed(Map<String, String> files) {
    TreeMap<String, Entry> flat = new TreeMap<>();
    files.forEach((p, c) -> flat.put(p, new Entry(p.endsWith(".sh") ? "100755" : "100644", "blob", putBlob(c.getBytes(StandardCharsets.UTF_8)))));
    String tree = writeTree(flat);
    String commit = putCommit(tree, List.of(), "Initial commit");
    refs.put("refs/heads/" + DEFAULT_BRANCH, commit);
    refs.put("refs/tags/v1.0", commit);
  }

  // ---------------------------------------------------------------- configuration for tests

  /** @return the API root URL, {@code http://127.0.0.1:PORT/api/v3} */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
  }

  /** Registers a classic personal access token with the given OAuth scopes. */
  public void addClassicToken(String token, String... scopes) {
    synchronized (lock) {
      tokens.put(token, new Token("classic", new TreeSet<>(List.of(scopes)), Map.of(), Instant.MAX));
    }
  }

  /** Registers a fine-grained personal access token with permissions such as {@code contents=write}. */
  public void addFineGrainedToken(String token, Map<String, String> permissions) {
    synchronized (lock) {
      tokens.put(token, new Token("fine-grained", Set.of(), Map.copyOf(permissions), Instant.MAX));
    }
  }

  /** Registers a GitHub App whose JWTs are checked with {@code key}, installed with {@code permissions}. */
  public void registerApp(long id, RSAPublicKey key, Map<String, String> permissions) {
    synchronized (lock) {
      this.appId = id;
      this.appKey = key;
      this.installationPermissions = Map.copyOf(permissions);
    }
  }

  /** @param lifetime how long installation tokens live */
  public void installationTokenLifetime(Duration lifetime) {
    synchronized (lock) {
      this.installationTokenLifetime = lifetime;
    }
  }

  /** @return how many installation tokens were issued */
  public int installationTokensIssued() {
    synchronized (lock) {
      return installationTokensIssued;
    }
  }

  /** @return the installation id */
  public long installationId() {
    return installationId;
  }

  /** @param value whether the repository is private */
  public void repositoryPrivate(boolean value) {
    repositoryPrivate = value;
  }

  /** @param value whether a recursive tree listing is cut to its first level and marked truncated, as GitHub does past its limits */
  public void truncateRecursiveTrees(boolean value) {
    truncateRecursiveTrees = value;
  }

  /** @param value whether the token's user may push (permissions.push on the repository) */
  public void repositoryPushAccess(boolean value) {
    repositoryPushAccess = value;
  }

  /** The next request matching method and path regex performs its action, then answers {@code status} (a crash after the step). */
  public void failAfter(String method, String pathRegex, int status) {
    faults.add(new Fault(method, Pattern.compile(pathRegex), status, Map.of(), true, "{\"message\":\"Server Error\"}"));
  }

  /** The next request matching is answered with {@code status} and {@code headers} without doing anything. */
  public void failBefore(String method, String pathRegex, int status, Map<String, String> headers, String body) {
    faults.add(new Fault(method, Pattern.compile(pathRegex), status, Map.copyOf(headers), false, body));
  }

  /**
   * The next request matching method and path regex is recorded, then left hanging at {@code point} until
   * this server is closed, as a GitHub that stopped answering mid-exchange.
   */
  public void stallNext(String method, String pathRegex, StallPoint point) {
    stalls.add(new Stall(method, Pattern.compile(pathRegex), point));
  }

  /** @return every request as {@code METHOD /path?query} (without the prefix) */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** @return every Authorization header received */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    requests.clear();
  }

  // ---------------------------------------------------------------- state for assertions

  /** @return the refs, name → commit id */
  public Map<String, String> refs() {
    synchronized (lock) {
      return new TreeMap<>(refs);
    }
  }

  /** @return the commit */
  public Commit commit(String sha) {
    synchronized (lock) {
      return commits.get(sha);
    }
  }

  /** @return the head commit of the default branch */
  public String defaultHead() {
    return refs().get("refs/heads/" + DEFAULT_BRANCH);
  }

  /** @return the content of {@code path} at {@code commit}, or null */
  public String fileAt(String commit, String path) {
    synchronized (lock) {
      Entry e = flatten(commits.get(commit).tree()).get(path);
      return e == null ? null : new String(blobs.get(e.sha()), StandardCharsets.UTF_8);
    }
  }

  /** @return the mode of {@code path} at {@code commit}, or null */
  public String modeAt(String commit, String path) {
    synchronized (lock) {
      Entry e = flatten(commits.get(commit).tree()).get(path);
      return e == null ? null : e.mode();
    }
  }

  /** @return the pull requests */
  public List<Issue> pulls() {
    synchronized (lock) {
      return issues.stream().filter(i -> i.pull).toList();
    }
  }

  /** @return the issues that are not pull requests */
  public List<Issue> issuesOnly() {
    synchronized (lock) {
      return issues.stream().filter(i -> !i.pull).toList();
    }
  }

  /** @return the labels, name → color */
  public Map<String, String> labels() {
    synchronized (lock) {
      return new TreeMap<>(labels);
    }
  }

  /** Adds a file to the default branch in a new commit (a human pushing). */
  public String pushToDefault(String path, String content) {
    synchronized (lock) {
      String head = defaultHead();
      TreeMap<String, Entry> flat = flatten(commits.get(head).tree());
      flat.put(path, new Entry("100644", "blob", putBlob(content.getBytes(StandardCharsets.UTF_8))));
      String commit = putCommit(writeTree(flat), List.of(head), "Human change");
      refs.put("refs/heads/" + DEFAULT_BRANCH, commit);
      return commit;
    }
  }

  /** @return commits reachable from {@code ref} and not from the default branch's head at {@code base} */
  public List<String> commitsBetween(String base, String head) {
    synchronized (lock) {
      List<String> out = new ArrayList<>();
      String c = head;
      while (c != null && !c.equals(base)) {
        out.add(c);
        List<String> parents = commits.get(c).parents();
        c = parents.isEmpty() ? null : parents.get(0);
      }
      return out;
    }
  }

  /** @return the number of commit objects stored (reachable or not) */
  public int commitObjects() {
    synchronized (lock) {
      return commits.size();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  // ---------------------------------------------------------------- git objects

  private static String sha1(byte[] header, byte[] body) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      md.update(header);
      md.update(body);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String putBlob(byte[] content) {
    String sha = sha1(("blob " + content.length + "\0").getBytes(StandardCharsets.UTF_8), content);
    blobs.put(sha, content);
    return sha;
  }

  /** Stores nested trees for a flat path → entry map; returns the root tree id (git's algorithm). */
  private String writeTree(TreeMap<String, Entry> flat) {
    TreeMap<String, Entry> level = new TreeMap<>();
    TreeMap<String, TreeMap<String, Entry>> dirs = new TreeMap<>();
    flat.forEach((path, e) -> {
      int slash = path.indexOf('/');
      if (slash < 0) {
        level.put(path, e);
      } else {
        dirs.computeIfAbsent(path.substring(0, slash), k -> new TreeMap<>()).put(path.substring(slash + 1), e);
      }
    });
    dirs.forEach((name, sub) -> level.put(name, new Entry("040000", "tree", writeTree(sub))));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    List<String> names = new ArrayList<>(level.keySet());
    names.sort((a, b) -> gitName(a, level.get(a)).compareTo(gitName(b, level.get(b))));
    for (String name : names) {
      Entry e = level.get(name);
      body.writeBytes((e.mode().replaceFirst("^0", "") + " " + name + "\0").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(HexFormat.of().parseHex(e.sha()));
    }
    byte[] bytes = body.toByteArray();
    String sha = sha1(("tree " + bytes.length + "\0").getBytes(StandardCharsets.UTF_8), bytes);
    trees.put(sha, level);
    return sha;
  }

  private static String gitName(String name, Entry e) {
    return e.type().equals("tree") ? name + "/" : name;
  }

  private TreeMap<String, Entry> flatten(String tree) {
    TreeMap<String, Entry> out = new TreeMap<>();
    trees.get(tree).forEach((name, e) -> {
      if (e.type().equals("tree")) {
        flatten(e.sha()).forEach((p, sub) -> out.put(name + "/" + p, sub));
      } else {
        out.put(name, e);
      }
    });
    return out;
  }

  private String putCommit(String tree, List<String> parents, String message) {
    // git includes the time in the commit; a counter stands for it so each commit is a new object
    StringBuilder text = new StringBuilder("tree " + tree + "\n");
    parents.forEach(p -> text.append("parent ").append(p).append('\n'));
    text.append("author sre-agent <sre-agent@example.invalid> ").append(clock.instant().getEpochSecond()).append('.')
        .append(commitCounter++).append(" +0000\n\n").append(message);
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    String sha = sha1(("commit " + bytes.length + "\0").getBytes(StandardCharsets.UTF_8), bytes);
    commits.put(sha, new Commit(sha, tree, List.copyOf(parents), message));
    return sha;
  }

  // ---------------------------------------------------------------- HTTP

  private record Response(int status, JsonNode body, Map<String, String> headers) {
    static Response of(int status, JsonNode body) {
      return new Response(status, body, Map.of());
    }
  }

  private static final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final Map<String, String> headers;

    HttpError(int status, String message) {
      this(status, message, Map.of());
    }

    HttpError(int status, String message, Map<String, String> headers) {
      super(message);
      this.status = status;
      this.headers = headers;
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String rawPath = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    String path = rawPath.startsWith(PREFIX) ? rawPath.substring(PREFIX.length()) : rawPath;
    requests.add(method + " " + path + (query == null ? "" : "?" + query));
    if (Boolean.getBoolean("fake.trace")) System.out.println(System.nanoTime() / 1_000_000 + " " + method + " " + path);
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null) {
      authorizations.add(auth);
    }
    byte[] in = ex.getRequestBody().readAllBytes();
    Stall stall = takeStall(method, path);
    if (stall != null) {
      hang(ex, stall.point());
      return;
    }
    Response response;
    Fault fault = takeFault(method, path);
    try {
      if (fault != null && !fault.afterHandling()) {
        response = new Response(fault.status(), JSON.readTree(fault.body()), fault.headers());
      } else if (!rawPath.startsWith(PREFIX)) {
        throw new HttpError(404, "Not Found");
      } else {
        synchronized (lock) {
          response = route(method, path, parseQuery(query), in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in), auth);
        }
        if (fault != null) {
          response = new Response(fault.status(), JSON.readTree(fault.body()), Map.of());
        }
      }
    } catch (HttpError e) {
      ObjectNode body = JSON.createObjectNode().put("message", e.getMessage())
          .put("documentation_url", "https://docs.github.com/rest");
      response = new Response(e.status, body, e.headers);
    }
    byte[] out = JSON.writeValueAsBytes(response.body());
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.getResponseHeaders().set("X-GitHub-Media-Type", "github.v3; format=json");
    ex.getResponseHeaders().set("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
        .format(clock.instant().atZone(java.time.ZoneOffset.UTC)));
    if (!response.headers().containsKey("X-RateLimit-Remaining")) {
      ex.getResponseHeaders().set("X-RateLimit-Limit", "5000");
      ex.getResponseHeaders().set("X-RateLimit-Remaining", "4999");
      ex.getResponseHeaders().set("X-RateLimit-Reset", Long.toString(clock.instant().plusSeconds(3600).getEpochSecond()));
    }
    Token t = auth == null ? null : tokenFor(auth);
    if (t != null && t.kind().equals("classic")) {
      ex.getResponseHeaders().set("X-OAuth-Scopes", String.join(", ", t.scopes()));
    }
    response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(response.status(), response.status() == 204 ? -1 : out.length);
    if (response.status() != 204) {
      ex.getResponseBody().write(out);
    }
    ex.close();
  }

  private Stall takeStall(String method, String path) {
    for (Stall s : stalls) {
      if (s.method().equals(method) && s.path().matcher(path).matches() && stalls.remove(s)) {
        return s;
      }
    }
    return null;
  }

  private void hang(HttpExchange ex, StallPoint point) throws IOException {
    if (point == StallPoint.MID_BODY) {
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(200, 1024);
      ex.getResponseBody().write("{\"name\":".getBytes(StandardCharsets.UTF_8));
      ex.getResponseBody().flush();
    }
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ex.close(); // a MID_BODY response is short of its announced length: the JDK server drops the connection
  }

  private Fault takeFault(String method, String path) {
    synchronized (lock) {
      return takeFaultLocked(method, path);
    }
  }

  private Fault takeFaultLocked(String method, String path) {
    for (Fault f : faults) {
      if (f.method().equals(method) && f.path().matcher(path).matches()) {
        faults.remove(f);
        return f;
      }
    }
    return null;
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> q = new TreeMap<>();
    if (query != null) {
      for (String kv : query.split("&")) {
        int eq = kv.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
        q.put(k, eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  private Response route(String method, String path, Map<String, String> q, JsonNode in, String auth) {
    if (path.equals("/app") || path.startsWith("/app/") || path.matches("/repos/[^/]+/[^/]+/installation")) {
      requireJwt(auth);
      return appRoute(method, path, in);
    }
    if (path.startsWith("/users/") && method.equals("GET")) {
      authenticate(auth);
      String login = path.substring("/users/".length());
      if (!users.contains(login)) {
        throw new HttpError(404, "Not Found");
      }
      return Response.of(200, user(login));
    }
    Matcher m = REPO_PATH.matcher(path);
    if (!m.matches()) {
      throw new HttpError(404, "Not Found");
    }
    Token token = authenticate(auth);
    if (!m.group(1).equals(OWNER) || !m.group(2).equals(REPO)) {
      throw new HttpError(404, "Not Found");
    }
    String rest = m.group(3) == null ? "" : m.group(3);
    return repoRoute(method, rest, q, in, token);
  }

  // ---------------------------------------------------------------- auth

  private Token tokenFor(String auth) {
    String[] parts = auth.split(" ", 2);
    return parts.length == 2 ? tokens.get(parts[1]) : null;
  }

  private Token authenticate(String auth) {
    Token t = auth == null ? null : tokenFor(auth);
    if (t == null || !clock.instant().isBefore(t.expiresAt())) {
      throw new HttpError(401, "Bad credentials");
    }
    return t;
  }

  private void requireJwt(String auth) {
    if (auth == null || !auth.startsWith("Bearer ") || appKey == null) {
      throw new HttpError(401, "A JSON web token could not be decoded");
    }
    String[] jwt = auth.substring("Bearer ".length()).split("\\.");
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(appKey);
      rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
      if (jwt.length != 3 || !rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
        throw new HttpError(401, "A JSON web token could not be decoded");
      }
      JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
      long now = clock.instant().getEpochSecond();
      if (!header.path("alg").asText().equals("RS256") || claims.path("iss").asLong() != appId
          || claims.path("iat").asLong() > now + 60 || claims.path("exp").asLong() <= now
          || claims.path("exp").asLong() - claims.path("iat").asLong() > 660) {
        throw new HttpError(401, "'Expiration time' claim ('exp') is too far in the future");
      }
    } catch (HttpError e) {
      throw e;
    } catch (Exception e) {
      throw new HttpError(401, "A JSON web token could not be decoded");
    }
  }

  private void requirePermission(Token t, String permission, boolean write) {
    if (t.kind().equals("classic")) {
      boolean ok = !write || t.scopes().contains("repo") || (!repositoryPrivate && t.scopes().contains("public_repo"));
      if (!ok || (repositoryPrivate && !t.scopes().contains("repo"))) {
        throw new HttpError(404, "Not Found"); // GitHub hides what a classic token cannot reach
      }
      if (write && !repositoryPushAccess) {
        throw new HttpError(403, "Must have admin rights to Repository.");
      }
      return;
    }
    String has = t.permissions().getOrDefault(permission, "none");
    boolean ok = write ? has.equals("write") || has.equals("admin") : !has.equals("none");
    if (!ok && !permission.equals("metadata")) {
      String who = t.kind().equals("installation") ? "integration" : "personal access token";
      throw new HttpError(403, "Resource not accessible by " + who,
          Map.of("X-Accepted-GitHub-Permissions", permission + "=" + (write ? "write" : "read")));
    }
  }

  /** @return the body of the last installation-token request */
  public JsonNode lastTokenRequest() {
    synchronized (lock) {
      return lastTokenRequest;
    }
  }

  private Response appRoute(String method, String path, JsonNode in) {
    if (method.equals("GET") && path.equals("/app")) {
      return Response.of(200, JSON.createObjectNode().put("id", appId).put("slug", "sre-agent-test").put("name", "sre-agent test")
          .set("owner", user(OWNER)));
    }
    if (method.equals("GET") && (path.equals("/repos/" + OWNER + "/" + REPO + "/installation")
        || path.equals("/app/installations/" + installationId))) {
      return Response.of(200, installation());
    }
    if (method.equals("POST") && path.equals("/app/installations/" + installationId + "/access_tokens")) {
      String token = "ghs_" + java.util.UUID.randomUUID().toString().replace("-", "");
      Instant expires = clock.instant().plus(installationTokenLifetime);
      tokens.put(token, new Token("installation", Set.of(), installationPermissions, expires));
      installationTokensIssued++;
      lastTokenRequest = in;
      ObjectNode body = JSON.createObjectNode().put("token", token).put("expires_at", expires.toString())
          .put("repository_selection", "selected");
      body.set("permissions", JSON.valueToTree(installationPermissions));
      return Response.of(201, body);
    }
    throw new HttpError(404, "Not Found");
  }

  private ObjectNode installation() {
    ObjectNode inst = JSON.createObjectNode().put("id", installationId).put("app_id", appId)
        .put("repository_selection", "selected")
        .put("access_tokens_url", baseUrl() + "/app/installations/" + installationId + "/access_tokens");
    inst.set("account", user(OWNER));
    inst.set("permissions", JSON.valueToTree(installationPermissions));
    return inst;
  }

  // ---------------------------------------------------------------- repository routes

  private Response repoRoute(String method, String rest, Map<String, String> q, JsonNode in, Token t) {
    Matcher m;
    if (rest.isEmpty() && method.equals("GET")) {
      requirePermission(t, "metadata", false);
      return Response.of(200, repository(t));
    }
    if ((m = Pattern.compile("/git/refs/(.+)").matcher(rest)).matches()) {
      String name = "refs/" + m.group(1);
      switch (method) {
        case "GET" -> {
          requirePermission(t, "contents", false);
          if (refs.containsKey(name)) {
            return Response.of(200, ref(name));
          }
          ArrayNode matching = JSON.createArrayNode();
          refs.keySet().stream().filter(r -> r.startsWith(name + "/")).forEach(r -> matching.add(ref(r)));
          if (matching.isEmpty()) {
            throw new HttpError(404, "Not Found");
          }
          return Response.of(200, matching);
        }
        case "PATCH" -> {
          requirePermission(t, "contents", true);
          String sha = in.path("sha").asText();
          if (!refs.containsKey(name)) {
            throw new HttpError(422, "Reference does not exist");
          }
          if (!commits.containsKey(sha)) {
            throw new HttpError(422, "Object does not exist");
          }
          if (!in.path("force").asBoolean(false) && !isAncestor(refs.get(name), sha)) {
            throw new HttpError(422, "Update is not a fast forward");
          }
          refs.put(name, sha);
          return Response.of(200, ref(name));
        }
        case "DELETE" -> {
          requirePermission(t, "contents", true);
          if (refs.remove(name) == null) {
            throw new HttpError(422, "Reference does not exist");
          }
          return Response.of(204, JSON.createObjectNode());
        }
        default -> throw new HttpError(404, "Not Found");
      }
    }
    if (rest.equals("/git/refs") && method.equals("POST")) {
      requirePermission(t, "contents", true);
      String name = in.path("ref").asText();
      String sha = in.path("sha").asText();
      if (!name.startsWith("refs/") || name.chars().filter(c -> c == '/').count() < 2) {
        throw new HttpError(422, "Reference name is invalid");
      }
      if (!commits.containsKey(sha)) {
        throw new HttpError(422, "Object does not exist");
      }
      if (refs.containsKey(name)) {
        throw new HttpError(422, "Reference already exists");
      }
      refs.put(name, sha);
      return Response.of(201, ref(name));
    }
    if (rest.equals("/git/blobs") && method.equals("POST")) {
      requirePermission(t, "contents", true);
      byte[] content = in.path("encoding").asText("utf-8").equals("base64")
          ? Base64.getMimeDecoder().decode(in.path("content").asText())
          : in.path("content").asText().getBytes(StandardCharsets.UTF_8);
      String sha = putBlob(content);
      return Response.of(201, JSON.createObjectNode().put("sha", sha).put("url", baseUrl() + repoPath() + "/git/blobs/" + sha));
    }
    if ((m = Pattern.compile("/git/blobs/([0-9a-f]{40})").matcher(rest)).matches() && method.equals("GET")) {
      requirePermission(t, "contents", false);
      byte[] b = blobs.get(m.group(1));
      if (b == null) {
        throw new HttpError(404, "Not Found");
      }
      return Response.of(200, JSON.createObjectNode().put("sha", m.group(1)).put("size", b.length)
          .put("url", baseUrl() + repoPath() + "/git/blobs/" + m.group(1))
          .put("content", Base64.getMimeEncoder().encodeToString(b) + "\n").put("encoding", "base64"));
    }
    if (rest.equals("/git/trees") && method.equals("POST")) {
      requirePermission(t, "contents", true);
      TreeMap<String, Entry> flat = new TreeMap<>();
      if (in.hasNonNull("base_tree")) {
        if (!trees.containsKey(in.path("base_tree").asText())) {
          throw new HttpError(422, "Invalid tree info");
        }
        flat.putAll(flatten(in.path("base_tree").asText()));
      }
      for (JsonNode e : in.path("tree")) {
        String p = e.path("path").asText();
        if (e.hasNonNull("content")) {
          flat.put(p, new Entry(e.path("mode").asText(), "blob", putBlob(e.path("content").asText().getBytes(StandardCharsets.UTF_8))));
        } else if (e.path("sha").isNull()) {
          flat.remove(p);
        } else {
          if (!blobs.containsKey(e.path("sha").asText())) {
            throw new HttpError(422, "tree.sha " + e.path("sha").asText() + " is not a valid blob");
          }
          flat.put(p, new Entry(e.path("mode").asText(), "blob", e.path("sha").asText()));
        }
      }
      String sha = writeTree(flat);
      return Response.of(201, tree(sha, false));
    }
    if ((m = Pattern.compile("/git/trees/([0-9a-f]{40})").matcher(rest)).matches() && method.equals("GET")) {
      requirePermission(t, "contents", false);
      if (!trees.containsKey(m.group(1))) {
        throw new HttpError(404, "Not Found");
      }
      boolean recursive = q.containsKey("recursive");
      ObjectNode tree = tree(m.group(1), recursive && !truncateRecursiveTrees);
      if (recursive && truncateRecursiveTrees) {
        tree.put("truncated", true);
      }
      return Response.of(200, tree);
    }
    if (rest.equals("/git/commits") && method.equals("POST")) {
      requirePermission(t, "contents", true);
      String tree = in.path("tree").asText();
      if (!trees.containsKey(tree)) {
        throw new HttpError(422, "Tree SHA does not exist");
      }
      List<String> parents = new ArrayList<>();
      for (JsonNode p : in.path("parents")) {
        if (!commits.containsKey(p.asText())) {
          throw new HttpError(422, "Parent SHA does not exist or is not a commit object");
        }
        parents.add(p.asText());
      }
      String sha = putCommit(tree, parents, in.path("message").asText());
      return Response.of(201, gitCommit(sha));
    }
    if ((m = Pattern.compile("/commits/(.+)").matcher(rest)).matches() && method.equals("GET")) {
      requirePermission(t, "contents", false);
      String sha = m.group(1);
      if (!commits.containsKey(sha)) {
        sha = refs.get("refs/heads/" + m.group(1));
      }
      if (sha == null) {
        throw new HttpError(422, "No commit found for SHA: " + m.group(1));
      }
      return Response.of(200, restCommit(sha));
    }
    if (rest.equals("/pulls")) {
      if (method.equals("GET")) {
        requirePermission(t, "pull_requests", false);
        ArrayNode list = JSON.createArrayNode();
        String head = q.get("head");
        String state = q.getOrDefault("state", "open");
        issues.stream().filter(i -> i.pull)
            .filter(i -> state.equals("all") || i.state.equals(state))
            .filter(i -> head == null || head.equals(OWNER + ":" + i.head))
            .forEach(i -> list.add(pull(i)));
        return Response.of(200, list);
      }
      if (method.equals("POST")) {
        requirePermission(t, "pull_requests", true);
        String head = in.path("head").asText();
        String base = in.path("base").asText();
        if (in.path("title").asText().isEmpty()) {
          throw new HttpError(422, "Validation Failed");
        }
        if (!refs.containsKey("refs/heads/" + head) || !refs.containsKey("refs/heads/" + base)) {
          throw new HttpError(422, "Validation Failed");
        }
        if (commitsBetween(refs.get("refs/heads/" + base), refs.get("refs/heads/" + head)).isEmpty()) {
          throw new HttpError(422, "Validation Failed: No commits between " + base + " and " + head);
        }
        boolean exists = issues.stream().anyMatch(i -> i.pull && i.state.equals("open") && i.head.equals(head));
        if (exists) {
          throw new HttpError(422, "Validation Failed: A pull request already exists for " + OWNER + ":" + head + ".");
        }
        Issue pr = new Issue(issues.size() + 1, true, in.path("title").asText(), in.path("body").asText(""), clock.instant());
        pr.head = head;
        pr.base = base;
        pr.draft = in.path("draft").asBoolean(false);
        issues.add(pr);
        return Response.of(201, pull(pr));
      }
    }
    if ((m = Pattern.compile("/pulls/(\\d+)(/requested_reviewers)?").matcher(rest)).matches()) {
      Issue pr = issue(Integer.parseInt(m.group(1)), true);
      if (m.group(2) != null && method.equals("POST")) {
        requirePermission(t, "pull_requests", true);
        for (JsonNode r : in.path("reviewers")) {
          if (!users.contains(r.asText())) {
            throw new HttpError(422, "Reviews may only be requested from collaborators.");
          }
        }
        in.path("reviewers").forEach(r -> {
          if (!pr.reviewers.contains(r.asText())) {
            pr.reviewers.add(r.asText());
          }
        });
        return Response.of(201, pull(pr));
      }
      if (m.group(2) == null && method.equals("GET")) {
        requirePermission(t, "pull_requests", false);
        return Response.of(200, pull(pr));
      }
      if (m.group(2) == null && method.equals("PATCH")) {
        requirePermission(t, "pull_requests", true);
        if (in.has("state")) {
          pr.state = in.path("state").asText();
        }
        return Response.of(200, pull(pr));
      }
    }
    if ((m = Pattern.compile("/labels/(.+)").matcher(rest)).matches() && method.equals("GET")) {
      requirePermission(t, "issues", false);
      String name = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
      if (!labels.containsKey(name)) {
        throw new HttpError(404, "Not Found");
      }
      return Response.of(200, label(name));
    }
    if (rest.equals("/labels") && method.equals("POST")) {
      requirePermission(t, "issues", true);
      String name = in.path("name").asText();
      if (name.isBlank()) {
        throw new HttpError(422, "Validation Failed");
      }
      if (labels.containsKey(name)) {
        throw new HttpError(422, "Validation Failed: already_exists");
      }
      labels.put(name, in.path("color").asText("ededed"));
      return Response.of(201, label(name));
    }
    if (rest.equals("/issues")) {
      if (method.equals("GET")) {
        requirePermission(t, "issues", false);
        String state = q.getOrDefault("state", "open");
        List<String> want = q.containsKey("labels") ? List.of(q.get("labels").split(",")) : List.of();
        ArrayNode list = JSON.createArrayNode();
        issues.stream().filter(i -> state.equals("all") || i.state.equals(state))
            .filter(i -> i.labels.containsAll(want))
            .forEach(i -> list.add(i.pull ? pullAsIssue(i) : issueJson(i)));
        return Response.of(200, list);
      }
      if (method.equals("POST")) {
        requirePermission(t, "issues", true);
        if (in.path("title").asText().isEmpty()) {
          throw new HttpError(422, "Validation Failed: title wasn't supplied");
        }
        Issue i = new Issue(issues.size() + 1, false, in.path("title").asText(), in.path("body").asText(""), clock.instant());
        for (JsonNode l : in.path("labels")) {
          labels.putIfAbsent(l.asText(), "ededed");
          i.labels.add(l.asText());
        }
        issues.add(i);
        return Response.of(201, issueJson(i));
      }
    }
    if ((m = Pattern.compile("/issues/(\\d+)(/labels|/comments)?").matcher(rest)).matches()) {
      Issue i = issue(Integer.parseInt(m.group(1)), null);
      String sub = m.group(2) == null ? "" : m.group(2);
      if (sub.equals("/labels") && method.equals("POST")) {
        requirePermission(t, i.pull ? "pull_requests" : "issues", true);
        for (JsonNode l : in.path("labels")) {
          if (!labels.containsKey(l.asText())) {
            labels.put(l.asText(), "ededed");
          }
          if (!i.labels.contains(l.asText())) {
            i.labels.add(l.asText());
          }
        }
        ArrayNode out = JSON.createArrayNode();
        i.labels.forEach(l -> out.add(label(l)));
        return Response.of(200, out);
      }
      if (sub.equals("/comments") && method.equals("GET")) {
        requirePermission(t, "issues", false);
        Instant since = q.containsKey("since") ? Instant.parse(q.get("since")) : Instant.MIN;
        ArrayNode out = JSON.createArrayNode();
        i.comments.stream().filter(c -> !c.createdAt().isBefore(since)).forEach(c -> out.add(comment(i, c)));
        return Response.of(200, out);
      }
      if (sub.equals("/comments") && method.equals("POST")) {
        requirePermission(t, i.pull ? "pull_requests" : "issues", true);
        Comment c = new Comment(1000L + i.comments.size(), in.path("body").asText(), clock.instant());
        i.comments.add(c);
        return Response.of(201, comment(i, c));
      }
      if (sub.isEmpty() && method.equals("GET")) {
        requirePermission(t, "issues", false);
        return Response.of(200, i.pull ? pullAsIssue(i) : issueJson(i));
      }
      if (sub.isEmpty() && method.equals("PATCH")) {
        requirePermission(t, "issues", true);
        if (in.has("state")) {
          i.state = in.path("state").asText();
        }
        return Response.of(200, i.pull ? pullAsIssue(i) : issueJson(i));
      }
    }
    throw new HttpError(404, "Not Found");
  }

  private boolean isAncestor(String ancestor, String descendant) {
    String c = descendant;
    while (c != null) {
      if (c.equals(ancestor)) {
        return true;
      }
      List<String> parents = commits.get(c).parents();
      c = parents.isEmpty() ? null : parents.get(0);
    }
    return false;
  }

  private Issue issue(int number, Boolean pull) {
    if (number < 1 || number > issues.size() || (pull != null && issues.get(number - 1).pull != pull)) {
      throw new HttpError(404, "Not Found");
    }
    return issues.get(number - 1);
  }

  // ---------------------------------------------------------------- JSON shapes

  private String repoPath() {
    return "/repos/" + OWNER + "/" + REPO;
  }

  private String web() {
    return "https://github.example.test/" + OWNER + "/" + REPO;
  }

  private ObjectNode user(String login) {
    return JSON.createObjectNode().put("login", login).put("id", Math.abs(login.hashCode())).put("type", "User")
        .put("url", baseUrl() + "/users/" + login).put("html_url", "https://github.example.test/" + login);
  }

  private ObjectNode repository(Token t) {
    ObjectNode r = JSON.createObjectNode().put("id", 77).put("name", REPO).put("full_name", OWNER + "/" + REPO)
        .put("private", repositoryPrivate).put("default_branch", DEFAULT_BRANCH).put("has_issues", true)
        .put("url", baseUrl() + repoPath()).put("html_url", web());
    r.set("owner", user(OWNER));
    if (!t.kind().equals("installation")) {
      r.set("permissions", JSON.createObjectNode().put("admin", false).put("maintain", false)
          .put("push", repositoryPushAccess).put("triage", true).put("pull", true));
    }
    return r;
  }

  private ObjectNode ref(String name) {
    ObjectNode r = JSON.createObjectNode().put("ref", name).put("node_id", "REF_" + name.hashCode())
        .put("url", baseUrl() + repoPath() + "/git/" + name);
    r.set("object", JSON.createObjectNode().put("sha", refs.get(name)).put("type", "commit")
        .put("url", baseUrl() + repoPath() + "/git/commits/" + refs.get(name)));
    return r;
  }

  private ObjectNode tree(String sha, boolean recursive) {
    ObjectNode out = JSON.createObjectNode().put("sha", sha).put("url", baseUrl() + repoPath() + "/git/trees/" + sha)
        .put("truncated", false);
    ArrayNode list = out.putArray("tree");
    addTree(list, "", sha, recursive);
    return out;
  }

  private void addTree(ArrayNode list, String prefix, String sha, boolean recursive) {
    trees.get(sha).forEach((name, e) -> {
      ObjectNode n = list.addObject().put("path", prefix + name).put("mode", e.mode()).put("type", e.type()).put("sha", e.sha())
          .put("url", baseUrl() + repoPath() + "/git/" + e.type() + "s/" + e.sha());
      if (e.type().equals("blob")) {
        n.put("size", blobs.get(e.sha()).length);
      } else if (recursive) {
        addTree(list, prefix + name + "/", e.sha(), true);
      }
    });
  }

  private ObjectNode gitCommit(String sha) {
    Commit c = commits.get(sha);
    ObjectNode out = JSON.createObjectNode().put("sha", sha).put("url", baseUrl() + repoPath() + "/git/commits/" + sha)
        .put("html_url", web() + "/commit/" + sha).put("message", c.message());
    out.set("tree", JSON.createObjectNode().put("sha", c.tree()).put("url", baseUrl() + repoPath() + "/git/trees/" + c.tree()));
    ArrayNode parents = out.putArray("parents");
    c.parents().forEach(p -> parents.addObject().put("sha", p).put("url", baseUrl() + repoPath() + "/git/commits/" + p));
    ObjectNode person = JSON.createObjectNode().put("name", "sre-agent").put("email", "sre-agent@example.invalid")
        .put("date", clock.instant().toString());
    out.set("author", person);
    out.set("committer", person.deepCopy());
    return out;
  }

  private ObjectNode restCommit(String sha) {
    ObjectNode git = gitCommit(sha);
    ObjectNode out = JSON.createObjectNode().put("sha", sha).put("url", baseUrl() + repoPath() + "/commits/" + sha)
        .put("html_url", web() + "/commit/" + sha);
    git.remove("sha");
    git.remove("html_url");
    out.set("commit", git);
    out.set("parents", git.get("parents").deepCopy());
    out.putArray("files");
    return out;
  }

  private ObjectNode label(String name) {
    return JSON.createObjectNode().put("id", Math.abs(name.hashCode())).put("name", name).put("color", labels.getOrDefault(name, "ededed"))
        .put("url", baseUrl() + repoPath() + "/labels/" + name).put("default", false);
  }

  private ObjectNode issueJson(Issue i) {
    ObjectNode out = JSON.createObjectNode().put("id", 5000 + i.number).put("number", i.number).put("title", i.title)
        .put("body", i.body).put("state", i.state).put("url", baseUrl() + repoPath() + "/issues/" + i.number)
        .put("html_url", web() + "/issues/" + i.number).put("created_at", i.createdAt.toString())
        .put("updated_at", i.createdAt.toString()).put("comments", i.comments.size());
    ArrayNode ls = out.putArray("labels");
    i.labels.forEach(l -> ls.add(label(l)));
    out.set("user", user("sre-agent-bot"));
    return out;
  }

  private ObjectNode pullAsIssue(Issue i) {
    ObjectNode out = issueJson(i);
    out.put("html_url", web() + "/pull/" + i.number);
    out.set("pull_request", JSON.createObjectNode().put("url", baseUrl() + repoPath() + "/pulls/" + i.number)
        .put("html_url", web() + "/pull/" + i.number));
    return out;
  }

  private ObjectNode pull(Issue i) {
    ObjectNode out = issueJson(i);
    out.put("url", baseUrl() + repoPath() + "/pulls/" + i.number).put("html_url", web() + "/pull/" + i.number)
        .put("draft", i.draft).put("merged", false).put("issue_url", baseUrl() + repoPath() + "/issues/" + i.number);
    out.set("head", pointer(i.head));
    out.set("base", pointer(i.base));
    ArrayNode rs = out.putArray("requested_reviewers");
    i.reviewers.forEach(r -> rs.add(user(r)));
    out.putArray("requested_teams");
    return out;
  }

  private ObjectNode pointer(String branch) {
    ObjectNode p = JSON.createObjectNode().put("ref", branch).put("label", OWNER + ":" + branch)
        .put("sha", refs.getOrDefault("refs/heads/" + branch, ""));
    p.set("user", user(OWNER));
    return p;
  }

  private ObjectNode comment(Issue i, Comment c) {
    return JSON.createObjectNode().put("id", c.id()).put("body", c.body()).put("created_at", c.createdAt().toString())
        .put("updated_at", c.createdAt().toString()).put("html_url", web() + "/issues/" + i.number + "#issuecomment-" + c.id())
        .put("url", baseUrl() + repoPath() + "/issues/comments/" + c.id());
  }

  /** Matches requests in {@link #requests()}. */
  public static Predicate<String> request(String method, String pathRegex) {
    Pattern p = Pattern.compile(pathRegex);
    return r -> r.startsWith(method + " ") && p.matcher(r.substring(method.length() + 1).replaceFirst("\\?.*", "")).matches();
  }
}
