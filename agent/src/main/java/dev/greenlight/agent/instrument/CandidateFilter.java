package dev.greenlight.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * Late attach only: puts {@link ClassTargets}' name check in front of the Byte Buddy transformer,
 * so Byte Buddy never sees (nor parses) any class the agent does not instrument, and swallows
 * whatever it throws.
 */
public final class CandidateFilter implements ClassFileTransformer {
  private final ClassTargets targets;
  private final ClassFileTransformer delegate;

  public CandidateFilter(ClassTargets targets, ClassFileTransformer delegate) {
    this.targets = targets;
    this.delegate = delegate;
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    try {
      if (!targets.isCandidate(className)) {
        return null;
      }
      return delegate.transform(
          loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    } catch (Throwable t) {
      // Returning null leaves the class as it was; the host must load it whatever happens here.
      return null;
    }
  }
}
