package dev.greenlight.linter.sql;

/**
 * One statement as the splitter cut it: a token range plus its exact span.
 *
 * @param firstToken index of its first token
 * @param lastToken index of its last token before the terminating semicolon (inclusive); {@code
 *     firstToken - 1} never occurs, a slice always has at least one token besides the semicolon
 * @param semicolonToken index of the terminating semicolon, or -1 at end of input
 * @param span from the first token to the last token before the semicolon, inclusive (the span
 *     findings point at)
 */
public record StatementSlice(int firstToken, int lastToken, int semicolonToken, Span span) {

  /** Whether the statement ended at end of input without a semicolon. */
  public boolean unterminated() {
    return semicolonToken < 0;
  }
}
