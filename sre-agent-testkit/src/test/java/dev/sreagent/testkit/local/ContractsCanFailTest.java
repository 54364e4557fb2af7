package dev.sreagent.testkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.NonRetriableException;
import dev.sreagent.local.InMemoryMessageBus;
import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.ChangeRequest;
import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.FileContent;
import dev.sreagent.spi.LogBatch;
import dev.sreagent.spi.LogCursor;
import dev.sreagent.spi.LogSource;
import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import dev.sreagent.spi.OutgoingMessage;
import dev.sreagent.spi.ReceivedMessage;
import dev.sreagent.spi.ReportRequest;
import dev.sreagent.spi.Secret;
import dev.sreagent.spi.SecretStore;
import dev.sreagent.spi.TokenUsage;
import dev.sreagent.testkit.CannedAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Proves the contracts can fail: deliberately broken implementations run through them with the JUnit
 * Platform {@link EngineTestKit}, and exactly the contract tests that check the broken property fail,
 * while the others still pass (so the failure is the contract's verdict, not a broken fixture).
 *
 * <p>The broken subjects are static nested classes, which Surefire does not run on its own.
 */
class ContractsCanFailTest {

  private record Outcome(Set<String> failed, Set<String> succeeded) {}

  private static Outcome run(Class<?> subject) {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(DiscoverySelectors.selectClass(subject)).execute();
    return new Outcome(names(results.testEvents().failed()), names(results.testEvents().succeeded()));
  }

  private static Set<String> names(Events events) {
    Set<String> out = new TreeSet<>();
    events.stream().map(Event::getTestDescriptor).forEach(d -> {
      Optional<TestSource> s = d.getSource();
      if (s.isPresent() && s.get() instanceof MethodSource m) {
        out.add(m.getMethodName());
      }
    });
    return out;
  }

  // ---------------------------------------------------------------- LogSource

  /** Ignores the cursor: every poll starts over, so events repeat across cursors. */
  static final class RepeatingLogSourceSubject extends LocalFileLogSourceContractTest {
    @Override
    protected LogSource createSource() {
      LogSource real = super.createSource();
      return new LogSource() {
        @Override
        public LogBatch poll(LogCursor cursor, int maxEvents, Duration maxWait) {
          LogBatch fromStart = real.poll(LogCursor.START, maxEvents, maxWait);
          return new LogBatch(fromStart.events(), cursor.isStart() ? fromStart.next() : cursor);
        }

        @Override
        public void close() {
          real.close();
        }
      };
    }
  }

  @Test
  void logSourceContractCatchesEventsRepeatedAcrossCursors() {
    Outcome o = run(RepeatingLogSourceSubject.class);
    // it never reads the cursor, so it also accepts a cursor it did not make
    assertThat(o.failed()).containsExactlyInAnyOrder("resumesFromCursorWithoutLossOrDuplicates", "sameCursorGivesSameEvents",
        "emptyPollKeepsAUsableCursor", "rejectsACursorItDidNotMake");
    assertThat(o.succeeded()).containsExactlyInAnyOrder("readsAppendedEventsInOrder", "malformedInputLosesNothingAfterIt");
  }

  /** Fails the poll when it meets a line that is not valid UTF-8, as a strict decoder would. */
  static final class StrictDecodingLogSourceSubject extends LocalFileLogSourceContractTest {
    @Override
    protected LogSource createSource() {
      LogSource real = super.createSource();
      return new LogSource() {
        @Override
        public LogBatch poll(LogCursor cursor, int maxEvents, Duration maxWait) {
          LogBatch b = real.poll(cursor, maxEvents, maxWait);
          if (b.events().stream().anyMatch(e -> e.message().indexOf('\uFFFD') >= 0)) {
            throw new IllegalStateException("Input length = 1");
          }
          return b;
        }

        @Override
        public void close() {
          real.close();
        }
      };
    }
  }

  @Test
  void logSourceContractCatchesASourceThatFailsOnMalformedInput() {
    Outcome o = run(StrictDecodingLogSourceSubject.class);
    assertThat(o.failed()).containsExactly("malformedInputLosesNothingAfterIt");
    assertThat(o.succeeded()).contains("resumesFromCursorWithoutLossOrDuplicates", "readsAppendedEventsInOrder");
  }

  // ---------------------------------------------------------------- MessageBus

  /** Acks every message as it hands it out: nothing is ever redelivered. */
  static final class NeverRedeliveringBusSubject extends InMemoryMessageBusContractTest {
    @Override
    protected MessageBus createBus(Duration visibilityTimeout, int maxDeliveries) {
      InMemoryMessageBus real = (InMemoryMessageBus) super.createBus(visibilityTimeout, maxDeliveries);
      return new ForwardingBus(real) {
        @Override
        public List<ReceivedMessage> receive(String queue, int max, Duration wait) {
          List<ReceivedMessage> got = real.receive(queue, max, wait);
          got.forEach(m -> real.ack(queue, m));
          return got;
        }
      };
    }
  }

  /** Ignores acks: a done message comes back. */
  static final class AckIgnoringBusSubject extends InMemoryMessageBusContractTest {
    @Override
    protected MessageBus createBus(Duration visibilityTimeout, int maxDeliveries) {
      InMemoryMessageBus real = (InMemoryMessageBus) super.createBus(visibilityTimeout, maxDeliveries);
      return new ForwardingBus(real) {
        @Override
        public void ack(String queue, ReceivedMessage message) {}
      };
    }
  }

  @Test
  void messageBusContractCatchesABusThatNeverRedelivers() {
    Outcome o = run(NeverRedeliveringBusSubject.class);
    // acking on receive also hands out the next message of an ordering key while the consumer still works on the first,
    // and leaves nothing to extend
    assertThat(o.failed()).containsExactlyInAnyOrder("redeliversAfterVisibilityTimeoutWithoutAck", "nackRedeliversAtOnce",
        "deadLettersAfterMaxDeliveries", "deliversOneOrderingKeyInOrder", "extendVisibilityKeepsTheMessageHidden");
    assertThat(o.succeeded()).contains("deliversPublishedMessageOnceUntilAcked", "ackingTwiceIsNotAnError");
  }

  @Test
  void messageBusContractCatchesABusThatIgnoresAcks() {
    Outcome o = run(AckIgnoringBusSubject.class);
    assertThat(o.failed()).containsExactlyInAnyOrder("deliversPublishedMessageOnceUntilAcked", "deliversOneOrderingKeyInOrder");
    assertThat(o.succeeded()).contains("redeliversAfterVisibilityTimeoutWithoutAck", "nackRedeliversAtOnce");
  }

  // ---------------------------------------------------------------- SecretStore

  /** Its toString shows the values, and so does its missing-secret error. */
  static final class LeakingStoreSubject extends EnvironmentSecretStoreContractTest {
    @Override
    protected SecretStore createStore(Map<String, String> secrets) {
      SecretStore real = super.createStore(secrets);
      return new SecretStore() {
        @Override
        public Secret get(String name) {
          if (!secrets.containsKey(name)) {
            throw new NonRetriableException("Secret '" + name + "' not found; known: " + secrets);
          }
          return real.get(name);
        }

        @Override
        public String toString() {
          return "LeakingStore" + secrets;
        }
      };
    }
  }

  /** Returns secrets whose name carries the value, so Secret.toString shows it. */
  static final class LeakingSecretSubject extends EnvironmentSecretStoreContractTest {
    @Override
    protected SecretStore createStore(Map<String, String> secrets) {
      return name -> {
        String v = secrets.get(name);
        if (v == null) {
          throw new NonRetriableException("Secret '" + name + "' not found");
        }
        return Secret.ofString(name + " (" + v + ")", "", v);
      };
    }
  }

  @Test
  void secretStoreContractCatchesLeaks() {
    Outcome store = run(LeakingStoreSubject.class);
    assertThat(store.failed()).containsExactlyInAnyOrder("neverShowsTheValueInToString", "missingSecretIsNonRetriableAndNamesIt");
    assertThat(store.succeeded()).contains("returnsTheValueByName", "refreshReadsTheCurrentValue");
    Outcome secret = run(LeakingSecretSubject.class);
    assertThat(secret.failed()).contains("neverShowsTheValueInToString");
    assertThat(secret.succeeded()).contains("missingSecretIsNonRetriableAndNamesIt");
  }

  // ---------------------------------------------------------------- ModelClient

  /** Fills in "{}" when the answer is not JSON and reports no usage: the silent defaults the contract forbids. */
  static final class DefaultingModelClientSubject extends ReplayModelClientContractTest {
    @Override
    protected ModelClient clientAnswering(CannedAnswer answer) {
      return new ModelClient() {
        @Override
        public ModelResponse generate(ModelRequest request) {
          String text = answer.text();
          if (request.responseSchema().isPresent()) {
            try {
              new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
              text = "{}";
            }
          }
          return new ModelResponse(text, TokenUsage.ZERO, answer.modelId(), answer.finishReason());
        }

        @Override
        public String describe() {
          return "defaulting";
        }
      };
    }
  }

  @Test
  void modelClientContractCatchesSilentDefaults() {
    Outcome o = run(DefaultingModelClientSubject.class);
    assertThat(o.failed()).containsExactlyInAnyOrder("invalidStructuredOutputIsAnErrorNotADefault", "truncatedStructuredOutputIsAnError",
        "returnsStructuredAnswerWithUsageModelAndFinishReason");
    assertThat(o.succeeded()).contains("returnsPlainTextWhenNoSchemaIsRequested", "mapsTheLengthFinishReason");
  }

  // ---------------------------------------------------------------- CodeHost

  /** Opens a new branch on every call, throws for a missing file, and does not check paths. */
  static final class SloppyCodeHostSubject extends LocalGitCodeHostContractTest {
    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    protected CodeHost createHost(Map<String, String> files) {
      CodeHost real = super.createHost(files);
      return new CodeHost() {
        @Override
        public Optional<FileContent> readFile(String path, Optional<String> ref) {
          if (path.contains("..") || path.startsWith("/") || path.contains("\\") || path.contains("//")) {
            return Optional.empty();
          }
          return Optional.of(real.readFile(path, ref).orElseThrow(() -> new NonRetriableException("no file " + path)));
        }

        @Override
        public List<String> listPaths(Optional<String> ref) {
          return real.listPaths(ref);
        }

        @Override
        public Optional<ChangeRef> find(ChangeKey key) {
          return real.find(key);
        }

        @Override
        public ChangeRef openChange(ChangeRequest request) {
          ChangeKey retryKey = new ChangeKey(request.key().value() + "-" + attempts.incrementAndGet());
          return real.openChange(new ChangeRequest(retryKey, request.title(), request.body(), request.files(), request.labels()));
        }

        @Override
        public ChangeRef openReport(ReportRequest request) {
          return real.openReport(request);
        }

        @Override
        public void comment(ChangeRef ref, String markdown) {
          real.comment(ref, markdown);
        }
      };
    }

    @Override
    protected int changesOpenedFor(ChangeKey key) {
      String branches = git(repo, "branch", "--list", "sre-agent/" + key.value() + "*");
      return branches.isBlank() ? 0 : branches.split("\n").length;
    }
  }

  @Test
  void codeHostContractCatchesDuplicateChangesAndUnsafeReads() {
    Outcome o = run(SloppyCodeHostSubject.class);
    assertThat(o.failed()).containsExactlyInAnyOrder("openChangeIsIdempotentByKey", "readingAMissingFileIsEmpty", "rejectsUnsafePaths");
    assertThat(o.succeeded()).contains("readsAFileOfTheDefaultBranch", "openReportIsIdempotentByKey", "listsThePaths");
  }

  /** Forwards every call to a real bus. */
  private static class ForwardingBus implements MessageBus {
    private final MessageBus real;

    ForwardingBus(MessageBus real) {
      this.real = real;
    }

    @Override
    public String publish(String queue, OutgoingMessage message) {
      return real.publish(queue, message);
    }

    @Override
    public List<ReceivedMessage> receive(String queue, int maxMessages, Duration maxWait) {
      return real.receive(queue, maxMessages, maxWait);
    }

    @Override
    public void ack(String queue, ReceivedMessage message) {
      real.ack(queue, message);
    }

    @Override
    public void nack(String queue, ReceivedMessage message) {
      real.nack(queue, message);
    }

    @Override
    public void extendVisibility(String queue, ReceivedMessage message, Duration visibility) {
      real.extendVisibility(queue, message, visibility);
    }

    @Override
    public void close() {
      real.close();
    }
  }
}
