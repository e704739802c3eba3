package dev.greenlight.linter.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexed text cut into statements at top-level semicolons, the way psql and Flyway cut it:
 * semicolons inside literals, comments, dollar quotes, parentheses and {@code BEGIN ATOMIC ... END}
 * function bodies do not end a statement.
 */
public final class Script {
  private final Tokens tokens;
  private final List<StatementSlice> statements;

  private Script(Tokens tokens, List<StatementSlice> statements) {
    this.tokens = tokens;
    this.statements = statements;
  }

  /** Lexes and splits a whole text. */
  public static Script split(SourceText source) {
    return split(Lexer.lex(source));
  }

  /** Splits already lexed tokens. */
  public static Script split(Tokens tokens) {
    List<StatementSlice> out = new ArrayList<>();
    int n = tokens.size();
    int first = -1;
    int parens = 0;
    int atomicDepth = 0;
    boolean routine = false;
    for (int i = 0; i < n; i++) {
      TokenType type = tokens.type(i);
      if (type == TokenType.COPY_DATA && first < 0) {
        continue;
      }
      if (type == TokenType.SEMICOLON) {
        if (first < 0) {
          continue;
        }
        if (parens <= 0 && atomicDepth <= 0) {
          out.add(new StatementSlice(first, i - 1, i, tokens.span(first, i - 1)));
          first = -1;
          parens = 0;
          atomicDepth = 0;
          routine = false;
        }
        continue;
      }
      if (first < 0) {
        first = i;
        routine = startsRoutine(tokens, i);
      }
      if (type == TokenType.LEFT_PAREN) {
        parens++;
      } else if (type == TokenType.RIGHT_PAREN) {
        parens--;
      } else if (routine && type == TokenType.WORD) {
        if (tokens.isWord(i, "atomic") && tokens.isWord(i - 1, "begin")) {
          atomicDepth++;
        } else if (atomicDepth > 0 && tokens.isWord(i, "case")) {
          atomicDepth++;
        } else if (atomicDepth > 0 && tokens.isWord(i, "end") && !tokens.isWord(i + 1, "if")) {
          atomicDepth--;
        }
      }
    }
    if (first >= 0) {
      out.add(new StatementSlice(first, n - 1, -1, tokens.span(first, n - 1)));
    }
    return new Script(tokens, out);
  }

  private static boolean startsRoutine(Tokens t, int i) {
    if (!t.isWord(i, "create")) {
      return false;
    }
    int j = i + 1;
    if (t.isWord(j, "or") && t.isWord(j + 1, "replace")) {
      j += 2;
    }
    return t.isWord(j, "function") || t.isWord(j, "procedure");
  }

  public Tokens tokens() {
    return tokens;
  }

  public SourceText source() {
    return tokens.source();
  }

  /** The statements in text order. */
  public List<StatementSlice> statements() {
    return statements;
  }

  /** Unreadable input (unterminated literals and comments, stray characters). */
  public List<LexProblem> problems() {
    return tokens.problems();
  }

  /**
   * Cuts local offsets {@code [from, to)} into statements, comments between statements, whitespace
   * runs and empty statements; every char belongs to exactly one segment.
   */
  public List<Segment> segments() {
    int from = 0;
    int to = tokens.source().length();
    List<Segment> out = new ArrayList<>();
    int pos = from;
    int c = 0;
    int comments = tokens.commentCount();
    int tok = 0;
    for (StatementSlice st : statements) {
      int stStart = tokens.start(st.firstToken());
      int last = st.semicolonToken() >= 0 ? st.semicolonToken() : st.lastToken();
      if (tokens.is(last + 1, TokenType.COPY_DATA)) {
        last++;
      }
      int stEnd = tokens.end(last);
      // Stray semicolons and comments before this statement.
      while (tok < st.firstToken()) {
        int s = tokens.start(tok);
        while (c < comments && tokens.commentStart(c) < s) {
          pos = gap(out, pos, c);
          c++;
        }
        pos = whitespace(out, pos, s);
        out.add(new Segment(Segment.Kind.EMPTY_STATEMENT, s, tokens.end(tok)));
        pos = tokens.end(tok);
        tok++;
      }
      while (c < comments && tokens.commentStart(c) < stStart) {
        pos = gap(out, pos, c);
        c++;
      }
      pos = whitespace(out, pos, stStart);
      out.add(new Segment(Segment.Kind.STATEMENT, stStart, stEnd));
      pos = stEnd;
      while (c < comments && tokens.commentStart(c) < stEnd) {
        c++;
      }
      tok = last + 1;
    }
    while (tok < tokens.size()) {
      int s = tokens.start(tok);
      while (c < comments && tokens.commentStart(c) < s) {
        pos = gap(out, pos, c);
        c++;
      }
      pos = whitespace(out, pos, s);
      out.add(new Segment(Segment.Kind.EMPTY_STATEMENT, s, tokens.end(tok)));
      pos = tokens.end(tok);
      tok++;
    }
    while (c < comments) {
      pos = gap(out, pos, c);
      c++;
    }
    whitespace(out, pos, to);
    return out;
  }

  private int gap(List<Segment> out, int pos, int comment) {
    pos = whitespace(out, pos, tokens.commentStart(comment));
    out.add(
        new Segment(
            Segment.Kind.COMMENT, tokens.commentStart(comment), tokens.commentEnd(comment)));
    return tokens.commentEnd(comment);
  }

  private static int whitespace(List<Segment> out, int pos, int until) {
    if (until > pos) {
      out.add(new Segment(Segment.Kind.WHITESPACE, pos, until));
    }
    return Math.max(pos, until);
  }
}
