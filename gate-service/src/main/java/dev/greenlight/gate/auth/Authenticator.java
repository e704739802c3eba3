package dev.greenlight.gate.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/** Finds the configured token a request presents, without leaking timing about which one. */
public final class Authenticator {
  private final List<ApiToken> tokens;

  public Authenticator(List<ApiToken> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  /**
   * The principal behind a presented token, or empty for an unknown one. Every configured token is
   * compared (constant time each) so the answer time does not depend on which one matched.
   */
  public Optional<Principal> authenticate(String presented) {
    if (presented == null || presented.isEmpty()) {
      return Optional.empty();
    }
    byte[] digest = sha256(presented);
    ApiToken match = null;
    for (ApiToken t : tokens) {
      if (MessageDigest.isEqual(digest, t.digestForCompare()) && match == null) {
        match = t;
      }
    }
    return match == null
        ? Optional.empty()
        : Optional.of(new Principal(match.name(), match.role()));
  }

  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
