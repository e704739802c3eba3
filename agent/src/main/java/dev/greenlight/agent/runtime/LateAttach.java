package dev.greenlight.agent.runtime;

import dev.greenlight.agent.instrument.CandidateFilter;
import dev.greenlight.agent.instrument.ClassTargets;
import dev.greenlight.agent.instrument.Instrumenter;
import dev.greenlight.agent.instrument.TransformErrors;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;

/**
 * {@code agentmain}: the classes are already loaded, so Byte Buddy is built (on the background
 * thread) and the loaded candidates are retransformed. Kept apart so that premain's code never
 * refers to Byte Buddy.
 */
final class LateAttach {
  private static final String PREFIX = "[greenlight-agent] ";

  private LateAttach() {}

  static void install(
      Instrumentation inst, ClassTargets targets, TransformErrors errors, PrintStream err) {
    try {
      CandidateFilter filter =
          new CandidateFilter(targets, Instrumenter.build(targets.driverPackages(), errors));
      boolean retransform = inst.isRetransformClassesSupported();
      inst.addTransformer(filter, retransform);
      if (!retransform) {
        err.println(
            PREFIX
                + "this JVM cannot retransform; classes loaded before the attach are"
                + " not instrumented");
        return;
      }
      int failed = 0;
      for (Class<?> c : inst.getAllLoadedClasses()) {
        if (targets.isCandidate(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) {
          try {
            inst.retransformClasses(c);
          } catch (Throwable t) {
            failed++;
          }
        }
      }
      if (failed > 0) {
        err.println(
            PREFIX + failed + " classes loaded before the attach could not be instrumented");
      }
    } catch (Throwable t) {
      err.println(
          PREFIX + "could not build the instrumentation (" + t + "); reporting JVM signals only");
    }
  }
}
