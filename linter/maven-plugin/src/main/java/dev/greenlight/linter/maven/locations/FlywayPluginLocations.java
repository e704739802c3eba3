package dev.greenlight.linter.maven.locations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads the {@code <locations>} the flyway-maven-plugin is configured with in a project: its
 * plugin-level configuration, every execution's configuration, or the {@code flyway.locations}
 * property that the Flyway plugin also reads.
 */
public final class FlywayPluginLocations {
  /** The artifact id the Flyway plugin has under both of its group ids. */
  public static final String ARTIFACT_ID = "flyway-maven-plugin";

  private FlywayPluginLocations() {}

  /**
   * The locations in the order the POM names them, without duplicates; empty when the project does
   * not configure the Flyway plugin's locations.
   *
   * @param buildPlugins the project's effective build plugins
   * @param properties the project's properties
   */
  public static List<String> of(List<Plugin> buildPlugins, Properties properties) {
    Set<String> locations = new LinkedHashSet<>();
    for (Plugin plugin : buildPlugins) {
      if (!ARTIFACT_ID.equals(plugin.getArtifactId())) {
        continue;
      }
      locations.addAll(fromConfiguration(plugin.getConfiguration()));
      for (PluginExecution execution : plugin.getExecutions()) {
        locations.addAll(fromConfiguration(execution.getConfiguration()));
      }
    }
    if (locations.isEmpty()) {
      locations.addAll(split(properties.getProperty("flyway.locations")));
    }
    return List.copyOf(locations);
  }

  private static List<String> fromConfiguration(Object configuration) {
    if (!(configuration instanceof Xpp3Dom dom)) {
      return List.of();
    }
    Xpp3Dom element = dom.getChild("locations");
    if (element == null) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    if (element.getChildCount() == 0) {
      found.addAll(split(element.getValue()));
    }
    for (Xpp3Dom child : element.getChildren()) {
      found.addAll(split(child.getValue()));
    }
    return found;
  }

  /** Flyway accepts comma-separated locations in one value. */
  private static List<String> split(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        parts.add(part.trim());
      }
    }
    return parts;
  }
}
