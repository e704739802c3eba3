package dev.greenlight.gate.http;

/** A request the gate refuses: becomes {@code {"error": …, "field": …}} with the status. */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String field;

  public ApiError(int status, String error, String field) {
    super(error, null, false, false);
    this.status = status;
    this.field = field;
  }

  public static ApiError badRequest(String error, String field) {
    return new ApiError(400, error, field);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
