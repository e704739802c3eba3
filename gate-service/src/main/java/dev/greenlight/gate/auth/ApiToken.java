package dev.greenlight.gate.auth;

import java.util.Arrays;

/**
 * A configured token, kept only as its SHA-256 so the plain text never sits in memory longer than
 * parsing takes.
 */
public record ApiToken(String name, Role role, byte[] sha256) {

  public ApiToken {
    sha256 = sha256.clone();
  }

  @Override
  public byte[] sha256() {
    return sha256.clone();
  }

  byte[] digestForCompare() {
    return sha256;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiToken t
        && t.name.equals(name)
        && t.role == role
        && Arrays.equals(t.sha256, sha256);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + role.hashCode();
  }

  @Override
  public String toString() {
    return "ApiToken[" + name + ", " + role.wire() + "]";
  }
}
