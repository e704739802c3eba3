package dev.greenlight.linter.maven.locations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class FlywayPluginLocationsTest {

  private static Plugin plugin(String groupId, String artifactId, String configuration)
      throws Exception {
    Plugin p = new Plugin();
    p.setGroupId(groupId);
    p.setArtifactId(artifactId);
    if (configuration != null) {
      p.setConfiguration(dom(configuration));
    }
    return p;
  }

  private static Xpp3Dom dom(String xml) throws Exception {
    return Xpp3DomBuilder.build(new StringReader(xml));
  }

  @Test
  void readsLocationElementsInOrder() throws Exception {
    Plugin flyway =
        plugin(
            "org.flywaydb",
            "flyway-maven-plugin",
            "<configuration><url>jdbc:postgresql:x</url><locations>"
                + "<location>filesystem:db/changes</location>"
                + "<location>classpath:db/more</location>"
                + "</locations></configuration>");

    assertThat(FlywayPluginLocations.of(List.of(flyway), new Properties()))
        .containsExactly("filesystem:db/changes", "classpath:db/more");
  }

  @Test
  void readsACommaSeparatedValueAndExecutionConfigurations() throws Exception {
    Plugin flyway =
        plugin(
            "com.redgate.flyway",
            "flyway-maven-plugin",
            "<configuration><locations>db/a, db/b</locations></configuration>");
    PluginExecution migrate = new PluginExecution();
    migrate.setId("migrate");
    migrate.setConfiguration(
        dom("<configuration><locations><l>db/c</l><l>db/a</l></locations></configuration>"));
    flyway.addExecution(migrate);

    assertThat(FlywayPluginLocations.of(List.of(flyway), new Properties()))
        .containsExactly("db/a", "db/b", "db/c");
  }

  @Test
  void fallsBackToTheFlywayLocationsProperty() throws Exception {
    Properties props = new Properties();
    props.setProperty("flyway.locations", "filesystem:sql,classpath:db/migration");

    assertThat(FlywayPluginLocations.of(List.of(), props))
        .containsExactly("filesystem:sql", "classpath:db/migration");
  }

  @Test
  void ignoresOtherPluginsAndAFlywayPluginWithoutLocations() throws Exception {
    Plugin other =
        plugin(
            "org.example",
            "liquibase-maven-plugin",
            "<configuration><locations><l>db/x</l></locations></configuration>");
    Plugin flyway =
        plugin(
            "org.flywaydb", "flyway-maven-plugin", "<configuration><url>u</url></configuration>");

    assertThat(FlywayPluginLocations.of(List.of(other, flyway), new Properties())).isEmpty();
    assertThat(
            FlywayPluginLocations.of(
                List.of(plugin("org.flywaydb", "flyway-maven-plugin", null)), new Properties()))
        .isEmpty();
  }
}
