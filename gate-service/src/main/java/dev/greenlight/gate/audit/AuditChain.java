package dev.greenlight.gate.audit;

import dev.greenlight.gate.decision.Sha256;
import java.time.Instant;
import java.util.List;

/** The hash chain: how an event's hash is computed and how a sequence of events is checked. */
public final class AuditChain {
  /** The previous hash of the very first event. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  public static String hash(
      String previousHash,
      long seq,
      Instant at,
      String actor,
      String kind,
      String app,
      String environment,
      String release,
      String subject,
      String inputDigest,
      String detail) {
    StringBuilder b = new StringBuilder(256);
    for (String field :
        new String[] {
          previousHash,
          Long.toString(seq),
          at.toString(),
          actor,
          kind,
          app,
          environment,
          release,
          subject,
          inputDigest,
          detail
        }) {
      // length-prefixed so that no two different field lists can produce the same text
      String f = field == null ? "" : field;
      b.append(f.length()).append(':').append(f).append('\n');
    }
    return Sha256.hex(b.toString());
  }

  public static String hashOf(AuditEvent e) {
    return hash(
        e.previousHash(),
        e.seq(),
        e.at(),
        e.actor(),
        e.kind(),
        e.app(),
        e.environment(),
        e.release(),
        e.subject(),
        e.inputDigest(),
        e.detail());
  }

  /**
   * Checks one run of consecutive events that follows {@code previousHash} at {@code previousSeq}.
   *
   * @return the first broken event's seq, or -1 when the run is intact
   */
  public static long firstBroken(String previousHash, long previousSeq, List<AuditEvent> events) {
    String prev = previousHash;
    long seq = previousSeq;
    for (AuditEvent e : events) {
      if (e.seq() != seq + 1 || !e.previousHash().equals(prev) || !hashOf(e).equals(e.hash())) {
        return e.seq();
      }
      prev = e.hash();
      seq = e.seq();
    }
    return -1;
  }
}
