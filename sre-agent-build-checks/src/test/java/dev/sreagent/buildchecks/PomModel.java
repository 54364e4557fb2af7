package dev.sreagent.buildchecks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Just enough of a POM to check the build: read with the JDK's XML parser. */
record PomModel(String artifactId, String packaging, String version, boolean deploySkipped, List<String> modules,
    List<String> managedArtifacts, List<String> managedGroupIds, List<String> managedVersions) {

  static Path root() {
    return Path.of(System.getProperty("sre-agent.root", "..")).toAbsolutePath().normalize();
  }

  static PomModel read(Path pom) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(pom.toFile());
    Element project = doc.getDocumentElement();
    String artifactId = childText(project, "artifactId");
    String packaging = childText(project, "packaging");
    String version = childText(project, "version");
    if (version.isEmpty()) {
      Element parent = child(project, "parent");
      version = parent == null ? "" : childText(parent, "version");
    }
    Element props = child(project, "properties");
    boolean skip = props != null && "true".equals(childText(props, "maven.deploy.skip"));
    List<String> modules = new ArrayList<>();
    NodeList ms = doc.getElementsByTagName("module");
    for (int i = 0; i < ms.getLength(); i++) {
      modules.add(ms.item(i).getTextContent().trim());
    }
    List<String> managed = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    Element dm = child(project, "dependencyManagement");
    if (dm != null) {
      Element deps = child(dm, "dependencies");
      for (Node n = deps.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals("dependency")) {
          managed.add(childText(e, "artifactId"));
          groups.add(childText(e, "groupId"));
          versions.add(childText(e, "version"));
        }
      }
    }
    return new PomModel(artifactId, packaging.isEmpty() ? "jar" : packaging, version, skip, modules, managed, groups, versions);
  }

  boolean published() {
    return packaging.equals("jar") && !deploySkipped;
  }

  private static Element child(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e;
      }
    }
    return null;
  }

  private static String childText(Element parent, String tag) {
    Element e = child(parent, tag);
    return e == null ? "" : e.getTextContent().trim();
  }
}
