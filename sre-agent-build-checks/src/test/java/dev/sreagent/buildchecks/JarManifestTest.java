package dev.sreagent.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Every published jar names an Automatic-Module-Name equal to its root package. */
class JarManifestTest {

  @Test
  void everyPublishedJarHasItsAutomaticModuleName() throws Exception {
    Path root = PomModel.root();
    PomModel parent = PomModel.read(root.resolve("pom.xml"));
    int checked = 0;
    for (String module : parent.modules()) {
      PomModel m = PomModel.read(root.resolve(module).resolve("pom.xml"));
      if (!m.published()) {
        continue;
      }
      Path jar = root.resolve(module).resolve("target").resolve(m.artifactId() + "-" + m.version() + ".jar");
      assertThat(jar).as("%s is not built: run the whole build with mvn verify", jar).exists();
      String expected = "dev.sreagent" + (m.artifactId().equals("sre-agent-core") ? "" : "." + m.artifactId().substring("sre-agent-".length()));
      try (JarFile j = new JarFile(jar.toFile())) {
        assertThat(j.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).as(jar.toString()).isEqualTo(expected);
        String pkgDir = expected.replace('.', '/') + "/";
        assertThat(j.stream().anyMatch(e -> e.getName().startsWith(pkgDir)))
            .as("%s holds classes under its root package %s", jar.getFileName(), expected).isTrue();
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(6);
    assertThat(Files.exists(root.resolve("sre-agent-bom/pom.xml"))).isTrue();
  }
}
