package dev.greenlight.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** The packaged jar: entry points, relocated Byte Buddy, nothing outside dev/greenlight. */
class AgentJarIT {
  @Test
  void jarHoldsOnlyGreenlightClassesAndMetaInf() throws Exception {
    try (JarFile jar = new JarFile(ForkedApp.AGENT_JAR.toFile())) {
      List<String> outside = new ArrayList<>();
      for (JarEntry e : Collections.list(jar.entries())) {
        String name = e.getName();
        if (!name.startsWith("dev/greenlight/")
            && !name.startsWith("META-INF/")
            && !name.equals("dev/")) {
          outside.add(name);
        }
      }
      assertThat(outside).isEmpty();
      assertThat(jar.getEntry("dev/greenlight/agent/shaded/net/bytebuddy/ByteBuddy.class"))
          .as("Byte Buddy relocated under dev/greenlight/agent/shaded")
          .isNotNull();
      assertThat(jar.getEntry("net/bytebuddy/ByteBuddy.class")).isNull();
      assertThat(jar.getEntry("META-INF/versions/9/module-info.class")).isNull();
    }
  }

  @Test
  void manifestNamesTheEntryPoints() throws Exception {
    try (JarFile jar = new JarFile(ForkedApp.AGENT_JAR.toFile())) {
      Manifest m = jar.getManifest();
      assertThat(m.getMainAttributes().getValue("Premain-Class"))
          .isEqualTo("dev.greenlight.agent.GreenlightAgent");
      assertThat(m.getMainAttributes().getValue("Agent-Class"))
          .isEqualTo("dev.greenlight.agent.GreenlightAgent");
      assertThat(m.getMainAttributes().getValue("Can-Retransform-Classes")).isEqualTo("true");
    }
  }

  @Test
  void agentBytecodeTargetsJava11() throws Exception {
    try (JarFile jar = new JarFile(ForkedApp.AGENT_JAR.toFile())) {
      int checked = 0;
      for (JarEntry e : Collections.list(jar.entries())) {
        String name = e.getName();
        if (name.startsWith("dev/greenlight/agent/")
            && !name.startsWith("dev/greenlight/agent/shaded/")
            && name.endsWith(".class")) {
          try (InputStream in = jar.getInputStream(e);
              DataInputStream data = new DataInputStream(in)) {
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            assertThat(data.readUnsignedShort()).as(name).isEqualTo(55);
          }
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(20);
    }
  }
}
