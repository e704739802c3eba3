package dev.greenlight.gate.codedeploy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** AWS Signature Version 4 for one request, so the gate needs no AWS SDK. */
final class SigV4 {
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Credentials as the AWS environment variables give them; sessionToken may be null. */
  record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    @Override
    public String toString() {
      return "Credentials[" + accessKeyId + "]";
    }
  }

  private SigV4() {}

  static String amzDate(Instant at) {
    return AMZ_DATE.format(at);
  }

  /**
   * The Authorization header value.
   *
   * @param headers every header to sign (must include host and x-amz-date), any case
   */
  static String authorization(
      Credentials credentials,
      String region,
      String service,
      String method,
      String path,
      String query,
      Map<String, String> headers,
      byte[] payload,
      Instant at) {
    String amzDate = amzDate(at);
    String day = amzDate.substring(0, 8);
    TreeMap<String, String> canonical = new TreeMap<>();
    headers.forEach((k, v) -> canonical.put(k.toLowerCase(Locale.ROOT), v.trim()));
    String signedHeaders = String.join(";", canonical.keySet());
    String canonicalHeaders =
        canonical.entrySet().stream()
            .map(e -> e.getKey() + ":" + e.getValue() + "\n")
            .collect(Collectors.joining());
    String canonicalRequest =
        String.join(
            "\n", method, path, query, canonicalHeaders, signedHeaders, hex(sha256(payload)));
    String scope = day + "/" + region + "/" + service + "/aws4_request";
    String stringToSign =
        String.join(
            "\n",
            "AWS4-HMAC-SHA256",
            amzDate,
            scope,
            hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
    byte[] key =
        hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    String signature = hex(hmac(key, stringToSign));
    return "AWS4-HMAC-SHA256 Credential="
        + credentials.accessKeyId()
        + "/"
        + scope
        + ", SignedHeaders="
        + signedHeaders
        + ", Signature="
        + signature;
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
