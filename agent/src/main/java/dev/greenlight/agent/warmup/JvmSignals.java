package dev.greenlight.agent.warmup;

import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/** Cumulative JVM and cgroup counters, read on the background thread once a second. */
final class JvmSignals {
  private static final Path CGROUP_V2 = Path.of("/sys/fs/cgroup/cpu.stat");
  private static final Path CGROUP_V1 = Path.of("/sys/fs/cgroup/cpu/cpu.stat");

  private final CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
  private final ClassLoadingMXBean classLoading = ManagementFactory.getClassLoadingMXBean();
  private final List<GarbageCollectorMXBean> collectors =
      ManagementFactory.getGarbageCollectorMXBeans();
  private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
  private boolean compiledMethodsAvailable = true;
  private boolean cgroupAvailable = true;

  /** One reading of every counter; -1 where unavailable. */
  static final class Reading {
    long nanos;
    long jitMillis = -1;
    long compiledMethods = -1;
    long classesLoaded;
    long gcMillis;
    long codeCacheUsed = -1;
    long codeCacheMax = -1;
    long cgroupPeriods = -1;
    long cgroupThrottled = -1;
  }

  Reading read() {
    Reading r = new Reading();
    r.nanos = System.nanoTime();
    if (compilation != null && compilation.isCompilationTimeMonitoringSupported()) {
      r.jitMillis = compilation.getTotalCompilationTime();
    }
    r.compiledMethods = compiledMethods();
    r.classesLoaded = classLoading.getTotalLoadedClassCount();
    long gc = 0;
    for (GarbageCollectorMXBean c : collectors) {
      long t = c.getCollectionTime();
      if (t > 0) {
        gc += t;
      }
    }
    r.gcMillis = gc;
    long used = 0;
    long max = 0;
    boolean found = false;
    for (MemoryPoolMXBean pool : pools) {
      String name = pool.getName();
      if (pool.getType() == MemoryType.NON_HEAP
          && (name.startsWith("CodeHeap") || name.equals("Code Cache"))) {
        found = true;
        used += pool.getUsage().getUsed();
        long m = pool.getUsage().getMax();
        max += m > 0 ? m : 0;
      }
    }
    if (found && max > 0) {
      r.codeCacheUsed = used;
      r.codeCacheMax = max;
    }
    readCgroup(r);
    return r;
  }

  private long compiledMethods() {
    if (!compiledMethodsAvailable) {
      return -1;
    }
    try {
      // HotSpot's internal compilation MBean, registered only on some JVMs. Starting the platform
      // MBean server just to look costs the host hundreds of milliseconds of CPU, so the agent
      // only looks when the application (or a JMX agent) has already started one.
      if (MBeanServerFactory.findMBeanServer(null).isEmpty()) {
        return -1;
      }
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      Object total =
          server.getAttribute(
              new ObjectName("sun.management:type=HotspotCompilation"), "TotalCompiles");
      return ((Number) total).longValue();
    } catch (Exception | LinkageError e) {
      compiledMethodsAvailable = false;
      return -1;
    }
  }

  private void readCgroup(Reading r) {
    if (!cgroupAvailable) {
      return;
    }
    try {
      Path path = Files.isReadable(CGROUP_V2) ? CGROUP_V2 : CGROUP_V1;
      if (!Files.isReadable(path)) {
        cgroupAvailable = false;
        return;
      }
      for (String line :
          new String(Files.readAllBytes(path), StandardCharsets.US_ASCII).split("\n")) {
        String[] kv = line.trim().split(" ");
        if (kv.length == 2 && kv[0].equals("nr_periods")) {
          r.cgroupPeriods = Long.parseLong(kv[1]);
        } else if (kv.length == 2 && kv[0].equals("nr_throttled")) {
          r.cgroupThrottled = Long.parseLong(kv[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      cgroupAvailable = false;
    }
  }
}
