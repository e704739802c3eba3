package dev.greenlight.gate.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers; every digest the gate shows is {@code sha256:<lower-case hex>}. */
public final class Sha256 {
  private Sha256() {}

  public static byte[] bytes(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  public static String hex(byte[] data) {
    return HexFormat.of().formatHex(bytes(data));
  }

  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code sha256:<hex>} of the bytes. */
  public static String digest(byte[] data) {
    return "sha256:" + hex(data);
  }

  public static String digest(String text) {
    return digest(text.getBytes(StandardCharsets.UTF_8));
  }
}
