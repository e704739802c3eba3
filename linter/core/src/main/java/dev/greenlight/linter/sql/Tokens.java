package dev.greenlight.linter.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tokens of a {@link SourceText}, stored as parallel arrays so lexing a file allocates a
 * handful of arrays rather than an object per token. Comments are kept apart from the tokens;
 * whitespace is not stored (it is everything that is neither).
 */
public final class Tokens {
  private static final TokenType[] TYPES = TokenType.values();

  private final SourceText source;
  private byte[] types = new byte[64];
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int size;
  private int[] commentStarts = new int[8];
  private int[] commentEnds = new int[8];
  private int commentCount;
  private final List<LexProblem> problems = new ArrayList<>(0);

  Tokens(SourceText source) {
    this.source = source;
  }

  void add(TokenType type, int start, int end) {
    if (size == types.length) {
      int n = size * 2;
      types = Arrays.copyOf(types, n);
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
    }
    types[size] = (byte) type.ordinal();
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  void addComment(int start, int end) {
    if (commentCount == commentStarts.length) {
      commentStarts = Arrays.copyOf(commentStarts, commentCount * 2);
      commentEnds = Arrays.copyOf(commentEnds, commentCount * 2);
    }
    commentStarts[commentCount] = start;
    commentEnds[commentCount] = end;
    commentCount++;
  }

  void addProblem(int offset, String message) {
    problems.add(new LexProblem(source.point(offset), message));
  }

  /** The text the tokens were read from. */
  public SourceText source() {
    return source;
  }

  /** The number of tokens (comments excluded). */
  public int size() {
    return size;
  }

  public TokenType type(int i) {
    return TYPES[types[i]];
  }

  /** Local start offset of token {@code i}. */
  public int start(int i) {
    return starts[i];
  }

  /** Local end offset (exclusive) of token {@code i}. */
  public int end(int i) {
    return ends[i];
  }

  /** The raw text of token {@code i}. */
  public String text(int i) {
    return source.text().substring(starts[i], ends[i]);
  }

  /** The file span of token {@code i}. */
  public Span span(int i) {
    return source.span(starts[i], ends[i]);
  }

  /** The file span from the start of token {@code first} to the end of token {@code last}. */
  public Span span(int first, int last) {
    return source.span(starts[first], ends[last]);
  }

  /** Whether token {@code i} is the unquoted word {@code lowerCaseWord}, ignoring case. */
  public boolean isWord(int i, String lowerCaseWord) {
    if (i < 0 || i >= size || types[i] != 0) {
      return false;
    }
    int start = starts[i];
    int len = ends[i] - start;
    if (len != lowerCaseWord.length()) {
      return false;
    }
    String text = source.text();
    for (int k = 0; k < len; k++) {
      char c = text.charAt(start + k);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lowerCaseWord.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether token {@code i} has type {@code type}. */
  public boolean is(int i, TokenType type) {
    return i >= 0 && i < size && types[i] == type.ordinal();
  }

  /** Whether token {@code i} is the operator {@code op}. */
  public boolean isOperator(int i, String op) {
    return is(i, TokenType.OPERATOR)
        && ends[i] - starts[i] == op.length()
        && source.text().startsWith(op, starts[i]);
  }

  /** The number of comments. */
  public int commentCount() {
    return commentCount;
  }

  public int commentStart(int i) {
    return commentStarts[i];
  }

  public int commentEnd(int i) {
    return commentEnds[i];
  }

  /** Comment {@code i} as a value. */
  public Comment comment(int i) {
    String text = source.text().substring(commentStarts[i], commentEnds[i]);
    return new Comment(source.span(commentStarts[i], commentEnds[i]), text, text.startsWith("/*"));
  }

  /** Every comment as a value, in file order. */
  public List<Comment> comments() {
    List<Comment> out = new ArrayList<>(commentCount);
    for (int i = 0; i < commentCount; i++) {
      out.add(comment(i));
    }
    return out;
  }

  /** Unreadable input found while lexing (unterminated literals and comments). */
  public List<LexProblem> problems() {
    return problems;
  }
}
