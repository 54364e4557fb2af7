package dev.sreagent.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * A class loader that shows ServiceLoader only the services files given to it (none of the real ones on
 * the test classpath), and loads classes from the test classpath.
 */
final class CraftedClassLoader extends ClassLoader {
  private final Map<String, URL> services;

  private CraftedClassLoader(Map<String, URL> services) {
    super(CraftedClassLoader.class.getClassLoader());
    this.services = services;
  }

  /** @param providersByService service interface → provider classes listed in its services file */
  static CraftedClassLoader with(Path dir, Map<Class<?>, List<String>> providersByService) {
    java.util.HashMap<String, URL> files = new java.util.HashMap<>();
    providersByService.forEach((service, classes) -> {
      try {
        Path f = dir.resolve(service.getName() + "." + classes.hashCode());
        Files.writeString(f, "# crafted\n" + String.join("\n", classes) + "\n");
        files.put("META-INF/services/" + service.getName(), f.toUri().toURL());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return new CraftedClassLoader(files);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (name.startsWith("META-INF/services/")) {
      URL u = services.get(name);
      return u == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(u));
    }
    return super.getResources(name);
  }
}
