package dev.sreagent.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BOM lists every published module of ours, at the project's version, and nothing else. */
class BomCompletenessTest {

  /** @return what is wrong with the BOM of the project at {@code root}; empty when it is complete */
  static List<String> problems(Path root) throws Exception {
    PomModel parent = PomModel.read(root.resolve("pom.xml"));
    List<String> published = new ArrayList<>();
    for (String module : parent.modules()) {
      PomModel m = PomModel.read(root.resolve(module).resolve("pom.xml"));
      if (m.published()) {
        published.add(m.artifactId());
      }
    }
    Path bomFile = root.resolve("sre-agent-bom/pom.xml");
    PomModel bom = PomModel.read(bomFile);
    List<String> problems = new ArrayList<>();
    for (String p : published) {
      if (!bom.managedArtifacts().contains(p)) {
        problems.add("published module " + p + " is missing from sre-agent-bom/pom.xml: add it to its dependencyManagement");
      }
    }
    for (int i = 0; i < bom.managedArtifacts().size(); i++) {
      String a = bom.managedArtifacts().get(i);
      if (!published.contains(a) || !bom.managedGroupIds().get(i).equals("dev.sreagent")) {
        problems.add("sre-agent-bom lists " + bom.managedGroupIds().get(i) + ":" + a + ", which is not a published module of ours");
      }
      if (!bom.managedVersions().get(i).equals(parent.version())) {
        problems.add("sre-agent-bom pins " + a + " at " + bom.managedVersions().get(i) + ", not the project version " + parent.version());
      }
    }
    if (!bom.version().equals(parent.version())) {
      problems.add("sre-agent-bom's version " + bom.version() + " is not the project version " + parent.version());
    }
    if (Files.readString(bomFile).contains("<parent>")) {
      problems.add("sre-agent-bom must not have a parent (it would pin third-party versions)");
    }
    return problems;
  }

  @Test
  void bomListsExactlyThePublishedModules() throws Exception {
    assertThat(problems(PomModel.root())).isEmpty();
  }

  @Test
  void theCheckFailsWhenAModuleIsMissing(@TempDir Path copy) throws Exception {
    Path root = PomModel.root();
    PomModel parent = PomModel.read(root.resolve("pom.xml"));
    Files.copy(root.resolve("pom.xml"), copy.resolve("pom.xml"));
    for (String module : parent.modules()) {
      Files.createDirectories(copy.resolve(module));
      Files.copy(root.resolve(module).resolve("pom.xml"), copy.resolve(module).resolve("pom.xml"));
    }
    Path bom = copy.resolve("sre-agent-bom/pom.xml");
    String text = Files.readString(bom);
    String awsLine = text.lines().filter(l -> l.contains("<artifactId>sre-agent-aws</artifactId>")).findFirst().orElseThrow();
    Files.writeString(bom, text.replace(awsLine + "\n", ""));

    assertThat(problems(copy)).containsExactly(
        "published module sre-agent-aws is missing from sre-agent-bom/pom.xml: add it to its dependencyManagement");
  }
}
