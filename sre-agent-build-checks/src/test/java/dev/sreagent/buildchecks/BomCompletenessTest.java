package dev.sreagent.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The BOM lists every published module of ours, at the project's version, and nothing else. */
class BomCompletenessTest {

  @Test
  void bomListsExactlyThePublishedModules() throws Exception {
    Path root = PomModel.root();
    PomModel parent = PomModel.read(root.resolve("pom.xml"));
    List<String> published = new ArrayList<>();
    for (String module : parent.modules()) {
      PomModel m = PomModel.read(root.resolve(module).resolve("pom.xml"));
      if (m.published()) {
        published.add(m.artifactId());
      }
    }
    assertThat(published).as("published modules").contains("sre-agent-core", "sre-agent-testkit");

    PomModel bom = PomModel.read(root.resolve("sre-agent-bom/pom.xml"));
    assertThat(bom.managedArtifacts())
        .as("sre-agent-bom/pom.xml must list every published module (add the missing ones) and nothing else")
        .containsExactlyInAnyOrderElementsOf(published);
    assertThat(bom.managedGroupIds()).as("BOM entries are only our own artifacts").containsOnly("dev.sreagent");
    assertThat(bom.managedVersions()).as("BOM versions follow the project version").containsOnly(parent.version());
    assertThat(bom.version()).isEqualTo(parent.version());
    assertThat(Files.readString(root.resolve("sre-agent-bom/pom.xml"))).doesNotContain("<parent>");
  }
}
