package dev.sreagent.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.grouping.internal.Similarity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateMinerTest {
  /** Asserts that one batch of {@code messages} gives one group with {@code text}. */
  private static void assertOneGroup(String text, String... messages) {
    List<MinedTemplate> g = TemplateMiner.create().mineAll(List.of(messages));
    assertThat(g).hasSize(messages.length).allSatisfy(t -> assertThat(t).isSameAs(g.get(0)));
    assertThat(g.get(0).text()).isEqualTo(text);
  }

  @Test
  void messagesDifferingOnlyInVariablesShareATemplate() {
    TemplateMiner miner = TemplateMiner.create();
    MinedTemplate a = miner.mine("Deleted block blk_3587 from 10.0.0.7 in 35 ms");
    MinedTemplate b = miner.mine("Deleted block blk_-99 from 10.0.0.9 in 1 ms");
    assertThat(b).isSameAs(a);
    assertThat(a.text()).isEqualTo("Deleted block <*> from <*> in <*>");
    assertThat(a.count()).isEqualTo(2);
    assertThat(miner.size()).isEqualTo(1);
  }

  @Test
  void namesOfThingsBecomeVariables() {
    assertOneGroup("Lookup of host <*> failed, retrying",
        "Lookup of host db.internal.example failed, retrying",
        "Lookup of host cache.eu-west.example failed, retrying", "Lookup of host queue.us-east.example failed, retrying");
  }

  @Test
  void differentPlainWordsInShortMessagesStayDifferentEvents() {
    TemplateMiner miner = TemplateMiner.create();
    MinedTemplate started = miner.mine("Scheduler Started (control loop)");
    MinedTemplate stopped = miner.mine("Scheduler Stopped (control loop)");
    assertThat(stopped.id()).isNotEqualTo(started.id());
    assertThat(miner.size()).isEqualTo(2);
  }

  @Test
  void aPlainWordDifferenceInALongMessageIsAVariable() {
    assertOneGroup("Failed password for invalid user <*> from <*> port <*> <*>",
        "Failed password for invalid user oracle from 10.1.1.1 port 4022 ssh2",
        "Failed password for invalid user backup from 10.1.1.2 port 4023 ssh2",
        "Failed password for invalid user admin from 10.1.1.3 port 4024 ssh2");
  }

  @Test
  void differentVerbFormsNameDifferentEvents() {
    TemplateMiner miner = TemplateMiner.create();
    MinedTemplate paused = miner.mine("worker 7 queue Paused (control event) on node");
    MinedTemplate resumed = miner.mine("worker 9 queue Resumed (control event) on node");
    MinedTemplate opening = miner.mine("pool main opening connection to primary replica now");
    MinedTemplate closing = miner.mine("pool main closing connection to primary replica now");
    assertThat(resumed.id()).isNotEqualTo(paused.id());
    assertThat(closing.id()).isNotEqualTo(opening.id());
  }

  @Test
  void valuesOfClosedSetsNeverMerge() {
    TemplateMiner miner = TemplateMiner.create();
    MinedTemplate get = miner.mine("10.0.0.1 \"GET /api/orders HTTP/1.1\" status: 200 bytes: 512 took: 0.24 ms");
    MinedTemplate post = miner.mine("10.0.0.1 \"POST /api/orders HTTP/1.1\" status: 200 bytes: 512 took: 0.24 ms");
    MinedTemplate on = miner.mine("scheduler paused=true for queue default after draining all workers");
    MinedTemplate off = miner.mine("scheduler paused=false for queue default after draining all workers");
    assertThat(post.id()).isNotEqualTo(get.id());
    assertThat(off.id()).isNotEqualTo(on.id());
    assertThat(get.text()).isEqualTo("<*> \"GET_/api/orders_<*>\" status: <*> bytes: <*> took: <*>");
  }

  @Test
  void messagesWithTheSameKeysOfMaskedValuesShareATemplate() {
    assertOneGroup("lease=<*> flags=<*> <*>",
        "lease=17 flags=0x1 holder=pool_Alpha",
        "lease=204 flags=0x8 holder=queue_Beta", "lease=9 flags=0x2 holder=cache_Gamma");
  }

  @Test
  void aLoneWildcardIsNoEvidenceOfAConstant() {
    TemplateMiner miner = TemplateMiner.create();
    MinedTemplate a = miner.mine("17 0x1 holder=pool_Alpha");
    MinedTemplate b = miner.mine("204 0x8 owner=queue_Beta");
    assertThat(b.id()).isNotEqualTo(a.id());
  }

  @Test
  void differentFieldNamesNameDifferentEvents() {
    TemplateMiner miner = TemplateMiner.create();
    MinedTemplate pending = miner.mine("cache flush pendingCount=3");
    MinedTemplate lastOk = miner.mine("cache flush lastFlushOk=true");
    MinedTemplate hits = miner.mine("cache stats (size=5,hitCount=2)");
    MinedTemplate misses = miner.mine("cache stats (size=5,missCount=2)");
    assertThat(lastOk.id()).isNotEqualTo(pending.id());
    assertThat(misses.id()).isNotEqualTo(hits.id());
  }

  @Test
  void differentValuesOfOneFieldStillMerge() {
    assertOneGroup("cache flush by <*>",
        "cache flush by owner=batchJob", "cache flush by owner=nightlySync",
        "cache flush by owner=reindexTask");
  }

  @Test
  void keyDiffersOnlyWhenTheFirstDifferenceIsInAKey() {
    assertThat(Similarity.keyDiffers("pendingCount=<*>", "lastFlushOk=true")).isTrue();
    assertThat(Similarity.keyDiffers("mCount=<*>", "record.mRequested=false")).isTrue();
    assertThat(Similarity.keyDiffers("(size=5,hitCount=2)", "(size=5,missCount=2)")).isTrue();
    assertThat(Similarity.keyDiffers("owner=batchJob", "owner=nightlySync")).isFalse();
    assertThat(Similarity.keyDiffers("a=x,b=1", "a=y,b=1")).isFalse();
    assertThat(Similarity.keyDiffers("batchJob", "nightlySync")).isFalse();
    assertThat(Similarity.keyDiffers("=x", "=y")).isFalse();
    assertThat(Similarity.keyDiffers("path/a=1", "path/b=1")).isFalse();
  }

  @Test
  void leastRecentlyUsedTemplateIsEvictedAndCounted() {
    TemplateMiner miner = TemplateMiner.builder().maxTemplates(2).build();
    MinedTemplate a = miner.mine("alpha happened");
    MinedTemplate b = miner.mine("beta went wrong badly");
    miner.mine("alpha happened"); // a is now the most recent
    MinedTemplate c = miner.mine("gamma is a third kind of message");
    assertThat(miner.evictions()).isEqualTo(1);
    assertThat(miner.size()).isEqualTo(2);
    assertThat(miner.templates()).containsExactly(c, a);
    MinedTemplate b2 = miner.mine("beta went wrong badly");
    assertThat(b2.id()).isNotEqualTo(b.id());
    assertThat(b2.fingerprint()).as("same first message, same fingerprint").isEqualTo(b.fingerprint());
    assertThat(miner.evictions()).isEqualTo(2);
    assertThat(miner.size()).isEqualTo(2);
  }

  @Test
  void fingerprintsAreStableAcrossMinersAndVersioned() {
    String fp1 = TemplateMiner.create().mine("Disk /dev/sda1 is 91% full").fingerprint();
    String fp2 = TemplateMiner.create().mine("Disk /dev/sdb2 is 97% full").fingerprint();
    assertThat(fp1).isEqualTo(fp2).startsWith("fp2:t:").hasSize("fp2:t:".length() + 16);
  }

  @Test
  void anyTextIsAccepted() {
    TemplateMiner miner = TemplateMiner.create();
    assertThat(miner.mine("").text()).isEmpty();
    assertThat(miner.mine("\uFFFD\u0000\uD800 x").text()).isEqualTo("\uFFFD\u0000\uD800 x");
    assertThat(miner.mine("1 2 3 4 5 6 7 8 9 10").text()).isEqualTo("<*>");
  }

  @Test
  void builderRejectsBadSettingsWithTheRange() {
    assertThatThrownBy(() -> TemplateMiner.builder().maxTemplates(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxTemplates must be at least 1, got 0");
    assertThatThrownBy(() -> TemplateMiner.builder().similarity(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("similarity must be in (0, 1], got 1.5");
  }

  @Test
  void aPositionThatShowsTwoValuesNamesTwoEvents() {
    TemplateMiner miner = TemplateMiner.create();
    List<MinedTemplate> g = miner.mineAll(List.of(
        "Session: 30546173_4261722401 initialized by client UpdateAgent.",
        "Session: 30546173_4262462443 initialized by client UpdateAgent.",
        "Session: 11152_142416105 initialized by client SPP.",
        "Session: 30546174_4267072707 initialized by client UpdateAgent."));
    MinedTemplate agent = g.get(0);
    MinedTemplate spp = g.get(2);
    assertThat(List.of(g.get(1), g.get(3))).allSatisfy(t -> assertThat(t).isSameAs(agent));
    assertThat(spp).isNotSameAs(agent);
    assertThat(spp.template()).isSameAs(agent);
    assertThat(agent.template()).isSameAs(agent);
    assertThat(agent.text()).isEqualTo("Session: <*> initialized by client UpdateAgent.");
    assertThat(spp.text()).isEqualTo("Session: <*> initialized by client SPP.");
    assertThat(spp.fingerprint()).startsWith("fp2:t:").isNotEqualTo(agent.fingerprint());
    assertThat(agent.count()).isEqualTo(3);
    assertThat(spp.count()).isEqualTo(1);
    assertThat(miner.size()).isEqualTo(1);
    assertThat(miner.templates()).containsExactly(agent, spp);
  }

  @Test
  void aThirdValueMakesThePositionAVariable() {
    TemplateMiner miner = TemplateMiner.create();
    MinedTemplate begin = miner.mine("layout pass begin for window 7");
    MinedTemplate end = miner.mine("layout pass end for window 9");
    assertThat(end).isNotSameAs(begin);
    assertThat(begin.text()).isEqualTo("layout pass begin for window <*>");
    MinedTemplate retry = miner.mine("layout pass retry for window 4");
    assertThat(retry).isSameAs(begin);
    assertThat(begin.text()).isEqualTo("layout pass <*> for window <*>");
    assertThat(miner.mine("layout pass end for window 11")).isSameAs(begin);
  }

  @Test
  void aBatchIsGroupedWithTheWholeBatchInView() {
    List<String> batch = List.of("layout pass begin for window 7", "layout pass end for window 9",
        "layout pass retry for window 4");
    TemplateMiner streaming = TemplateMiner.create();
    List<MinedTemplate> one = batch.stream().map(streaming::mine).toList();
    assertThat(one.get(1)).isNotSameAs(one.get(0));
    List<MinedTemplate> all = TemplateMiner.create().mineAll(batch);
    assertThat(all).hasSize(3).allSatisfy(t -> assertThat(t).isSameAs(all.get(0)));
    assertThat(all.get(0).count()).isEqualTo(3);
    assertThat(TemplateMiner.create().mineAll(List.of())).isEmpty();
  }

  @Test
  void aNumberAndItsUnitAreOneVariable() {
    List<MinedTemplate> g = TemplateMiner.create().mineAll(List.of(
        "Block rdd_9 stored as bytes in memory (estimated size 5.2 KB, free 5.2 KB)",
        "Block rdd_0 stored as bytes in memory (estimated size 93.0 B, free 317.1 KB)",
        "Request served in 3 ms",
        "Request served in 2 seconds"));
    assertThat(g.get(1)).isSameAs(g.get(0));
    assertThat(g.get(3)).isSameAs(g.get(2));
    assertThat(g.get(0).text()).isEqualTo("Block <*> stored as bytes in memory (estimated size <*> free <*>");
  }

  @Test
  void anEvictedTemplateTakesItsAlternativesWithIt() {
    TemplateMiner miner = TemplateMiner.builder().maxTemplates(1).build();
    List<MinedTemplate> g = miner.mineAll(List.of("mode switch to primary done", "mode switch to standby done"));
    MinedTemplate standby = g.get(1);
    assertThat(standby).isNotSameAs(g.get(0));
    miner.mine("completely different message here");
    assertThat(miner.evictions()).isEqualTo(1);
    MinedTemplate again = miner.mine("mode switch to standby done");
    assertThat(again).isNotSameAs(standby);
    assertThat(again.fingerprint()).isEqualTo(standby.fingerprint());
  }

  @Test
  void aFirstTokenThatNamesAThingDoesNotSplitAnEvent() {
    List<MinedTemplate> g = TemplateMiner.create().mineAll(List.of(
        "proxy.example.net:5070 open through proxy proxy.example.net:5070 HTTPS",
        "static.cdn.example:443 open through proxy proxy.example.net:5070 HTTPS",
        "com.example.heartbeat: scheduler told me to run this job; ignoring",
        "com.example.Backup.daily: scheduler told me to run this job; ignoring",
        "com.example.cache.purge: scheduler told me to run this job; ignoring",
        "Starting job now",
        "Stopping job now"));
    assertThat(g.get(1)).isSameAs(g.get(0));
    assertThat(g.get(0).text()).isEqualTo("<*> open through proxy proxy.example.net:<*> HTTPS");
    assertThat(List.of(g.get(3), g.get(4))).allSatisfy(t -> assertThat(t).isSameAs(g.get(2)));
    assertThat(g.get(6)).isNotSameAs(g.get(5));
    assertThat(Similarity.qualifiedName("com.example.Job:")).isTrue();
    assertThat(Similarity.qualifiedName("app/.Main")).isTrue();
    assertThat(Similarity.qualifiedName("Starting")).isFalse();
    assertThat(Similarity.qualifiedName("done.")).isFalse();
    assertThat(Similarity.qualifiedName("./run")).isFalse();
  }

  @Test
  void namesOfDaysAndMonthsAreNeverAlternatives() {
    assertOneGroup("connection from <*> () at <*> <*> <*>",
        "connection from 10.0.0.1 () at Fri Jun 17 07:07:00 2005",
        "connection from 10.0.0.2 () at Sat Jul  9 12:16:52 2005",
        "connection from 10.0.0.3 () at Sun Jul 10 03:55:15 2005");
  }

  @Test
  void manyShapesUnderEvictionKeepTheInvariants() {
    java.util.Random random = new java.util.Random(42);
    String[] words = {"begin", "end", "retry", "alpha", "beta", "gamma", "delta", "KB", "ms", "Sat", "Jul", "x.y"};
    TemplateMiner miner = TemplateMiner.builder().maxTemplates(20).build();
    for (int round = 0; round < 400; round++) {
      List<String> batch = new java.util.ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(60); i++) {
        StringBuilder m = new StringBuilder("op");
        for (int k = 0; k < 1 + random.nextInt(5); k++) {
          m.append(' ').append(random.nextInt(4) == 0 ? Integer.toString(random.nextInt(1000)) : words[random.nextInt(words.length)]);
        }
        batch.add(m.toString());
      }
      List<MinedTemplate> groups = random.nextBoolean() ? miner.mineAll(batch) : batch.stream().map(miner::mine).toList();
      assertThat(groups).hasSize(batch.size());
      for (MinedTemplate g : groups) {
        assertThat(g.fingerprint()).matches("fp2:t:[0-9a-f]{16}");
        assertThat(g.template().template()).isSameAs(g.template());
        assertThat(g.text()).startsWith("op");
        assertThat(g.count()).isPositive();
      }
      assertThat(miner.size()).isLessThanOrEqualTo(20);
      assertThat(miner.templates()).doesNotHaveDuplicates();
    }
    assertThat(miner.evictions()).isPositive();
  }
}
