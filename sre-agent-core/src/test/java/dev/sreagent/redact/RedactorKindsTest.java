package dev.sreagent.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.redact.SyntheticSecrets.Sample;
import dev.sreagent.redact.SyntheticSecrets.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind, in every shape it can appear in, from three seeds: exactly the secret is replaced, the
 * rest of the line is byte-identical, and the prefilter changes nothing (same result with it off).
 */
class RedactorKindsTest {
  private static final Redactor REDACTOR = DefaultRedactor.create();
  private static final Redactor EVERY_RULE = DefaultRedactor.builder().prefilter(false).build();
  private static final long[] SEEDS = {1, 2, 3};

  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (long seed : SEEDS) {
      for (Sample s : new SyntheticSecrets(seed).all()) {
        for (Shape shape : s.shapes()) {
          out.add(Arguments.of(s.kind(), shape, seed, s));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} in {1}, seed {2}")
  @MethodSource("cases")
  void replacesExactlyTheSecret(String kind, Shape shape, long seed, Sample sample) {
    String in = Shapes.wrap(shape, sample.fragment());
    String expected = Shapes.wrap(shape, sample.expectedFragment());

    RedactionSession session = REDACTOR.newSession();
    String out = session.redact(in);

    assertThat(out).doesNotContain(sample.secret()).isEqualTo(expected);
    assertThat(session.counts()).containsEntry(kind, 1L);
    assertThat(EVERY_RULE.newSession().redact(in)).as("same result without the prefilter").isEqualTo(out);
  }

  @Test
  void coversAtLeastFortyKinds() {
    Set<String> kinds = new SyntheticSecrets(1).all().stream().map(Sample::kind).collect(Collectors.toCollection(TreeSet::new));
    assertThat(kinds).hasSizeGreaterThanOrEqualTo(40);
  }
}
