package dev.greenlight.gate.http;

import dev.greenlight.gate.auth.Authenticator;
import dev.greenlight.gate.auth.Principal;
import dev.greenlight.gate.auth.Role;
import io.javalin.http.Context;

/**
 * Who may do what: every role reads; each write needs its role; {@code ?access_token=} only on
 * reads; anonymous reads only where gate.yaml allows them. Tokens are never echoed or logged.
 */
public final class Access {
  private final Authenticator authenticator;
  private final boolean anonymousRead;

  public Access(Authenticator authenticator, boolean anonymousRead) {
    this.authenticator = authenticator;
    this.anonymousRead = anonymousRead;
  }

  /**
   * A read that {@code anonymous-read: true} opens to everyone (decision, check, dashboard,
   * metrics).
   */
  Principal openRead(Context ctx) {
    return read(ctx, anonymousRead);
  }

  /** A read that always needs a token (status, audit, captured SQL, reports). */
  Principal tokenRead(Context ctx) {
    return read(ctx, false);
  }

  private Principal read(Context ctx, boolean anonymousAllowed) {
    String header = ctx.header("Authorization");
    String query = ctx.queryParam("access_token");
    if (header == null && query == null) {
      if (anonymousAllowed) {
        return Principal.ANONYMOUS;
      }
      throw new ApiError(
          401,
          "a bearer token is required (Authorization: Bearer <token> or ?access_token=)",
          "Authorization");
    }
    if (header != null) {
      return authenticate(bearer(header), "Authorization");
    }
    return authenticate(query, "access_token");
  }

  Principal write(Context ctx, Role required) {
    if (ctx.queryParam("access_token") != null) {
      throw new ApiError(
          401,
          "access_token is accepted on reads only; send Authorization: Bearer <token>",
          "access_token");
    }
    String header = ctx.header("Authorization");
    if (header == null) {
      throw new ApiError(
          401, "a bearer token is required (Authorization: Bearer <token>)", "Authorization");
    }
    Principal p = authenticate(bearer(header), "Authorization");
    if (!p.mayWrite(required)) {
      throw new ApiError(
          403,
          "token '"
              + p.name()
              + "' has role "
              + p.role().wire()
              + "; this write needs role "
              + required.wire(),
          "Authorization");
    }
    return p;
  }

  private static String bearer(String header) {
    if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiError(401, "the Authorization header must be 'Bearer <token>'", "Authorization");
    }
    return header.substring(7).trim();
  }

  private Principal authenticate(String token, String field) {
    return authenticator
        .authenticate(token)
        .orElseThrow(() -> new ApiError(401, "unknown token", field));
  }
}
