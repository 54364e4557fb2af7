package dev.sreagent.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemplateMinerTest {
  @Test
  void messagesDifferingOnlyInVariablesShareATemplate() {
    TemplateMiner miner = TemplateMiner.create();
    MinedTemplate a = miner.mine("Deleted block blk_3587 from 10.0.0.7 in 35 ms");
    MinedTemplate b = miner.mine("Deleted block blk_-99 from 10.0.0.9 in 1 ms");
    assertThat(b).isSameAs(a);
    assertThat(a.text()).isEqualTo("Deleted block <*> from <*> in <*> ms");
    assertThat(a.count()).isEqualTo(2);
    assertThat(miner.size()).isEqualTo(1);
  }

  @Test
  void namesOfThingsBecomeVariables() {
    TemplateMiner miner = TemplateMiner.create();
    MinedTemplate a = miner.mine("Lookup of host db.internal.example failed, retrying");
    MinedTemplate b = miner.mine("Lookup of host cache.eu-west.example failed, retrying");
    assertThat(b).isSameAs(a);
    assertThat(a.text()).isEqualTo("Lookup of host <*> failed, retrying");
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
    TemplateMiner miner = TemplateMiner.create();
    MinedTemplate a = miner.mine("Failed password for invalid user oracle from 10.1.1.1 port 4022 ssh2");
    MinedTemplate b = miner.mine("Failed password for invalid user backup from 10.1.1.2 port 4023 ssh2");
    assertThat(b).isSameAs(a);
    assertThat(a.text()).isEqualTo("Failed password for invalid user <*> from <*> port <*> <*>");
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
    assertThat(get.text()).isEqualTo("<*> \"GET_/api/orders_<*>\" status: <*> bytes: <*> took: <*> ms");
  }

  @Test
  void messagesWithTheSameKeysOfMaskedValuesShareATemplate() {
    TemplateMiner miner = TemplateMiner.create();
    MinedTemplate a = miner.mine("lease=17 flags=0x1 holder=pool_Alpha");
    MinedTemplate b = miner.mine("lease=204 flags=0x8 holder=queue_Beta");
    assertThat(b).isSameAs(a);
    assertThat(a.text()).isEqualTo("lease=<*> flags=<*> <*>");
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
    TemplateMiner miner = TemplateMiner.create();
    MinedTemplate a = miner.mine("cache flush by owner=batchJob");
    MinedTemplate b = miner.mine("cache flush by owner=nightlySync");
    assertThat(b).isSameAs(a);
    assertThat(a.text()).isEqualTo("cache flush by <*>");
  }

  @Test
  void keyDiffersOnlyWhenTheFirstDifferenceIsInAKey() {
    assertThat(TemplateMiner.keyDiffers("pendingCount=<*>", "lastFlushOk=true")).isTrue();
    assertThat(TemplateMiner.keyDiffers("mCount=<*>", "record.mRequested=false")).isTrue();
    assertThat(TemplateMiner.keyDiffers("(size=5,hitCount=2)", "(size=5,missCount=2)")).isTrue();
    assertThat(TemplateMiner.keyDiffers("owner=batchJob", "owner=nightlySync")).isFalse();
    assertThat(TemplateMiner.keyDiffers("a=x,b=1", "a=y,b=1")).isFalse();
    assertThat(TemplateMiner.keyDiffers("batchJob", "nightlySync")).isFalse();
    assertThat(TemplateMiner.keyDiffers("=x", "=y")).isFalse();
    assertThat(TemplateMiner.keyDiffers("path/a=1", "path/b=1")).isFalse();
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
    assertThat(fp1).isEqualTo(fp2).startsWith("fp1:t:").hasSize("fp1:t:".length() + 16);
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
}
