package dev.greenlight.gate.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigV4Test {
  @Test
  void matchesTheIamListUsersExampleFromTheAwsDocumentation() {
    String auth =
        SigV4.authorization(
            new SigV4.Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null),
            "us-east-1",
            "iam",
            "GET",
            "/",
            "Action=ListUsers&Version=2010-05-08",
            Map.of(
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
                "Host", "iam.amazonaws.com",
                "X-Amz-Date", "20150830T123600Z"),
            "".getBytes(StandardCharsets.UTF_8),
            Instant.parse("2015-08-30T12:36:00Z"));
    assertThat(auth)
        .isEqualTo(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,"
                + " SignedHeaders=content-type;host;x-amz-date,"
                + " Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
  }
}
