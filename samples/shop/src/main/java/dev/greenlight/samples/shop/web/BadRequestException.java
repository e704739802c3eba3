package dev.greenlight.samples.shop.web;

/** A client error that names the field (or header, or body) at fault; answered as JSON. */
final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final int status;

  BadRequestException(String field, String message) {
    this(field, message, 400);
  }

  BadRequestException(String field, String message, int status) {
    super(message);
    this.field = field;
    this.status = status;
  }

  String field() {
    return field;
  }

  int status() {
    return status;
  }
}
