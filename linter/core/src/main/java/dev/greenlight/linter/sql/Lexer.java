package dev.greenlight.linter.sql;

/**
 * PostgreSQL's lexical rules (with {@code standard_conforming_strings = on}, the default since 9.1)
 * plus Flyway's {@code ${placeholders}}. Never throws: unreadable input becomes an {@link
 * TokenType#ERROR} token and a {@link LexProblem}.
 */
public final class Lexer {
  private final String s;
  private final int end;
  private final Tokens out;
  private int statementStart;

  private Lexer(SourceText source, int from, int to) {
    this.s = source.text();
    this.end = to;
    this.out = new Tokens(source);
    run(from);
  }

  /** Lexes the whole text. */
  public static Tokens lex(SourceText source) {
    return new Lexer(source, 0, source.length()).out;
  }

  /** Lexes local offsets {@code [from, to)} of the text (a DO body, for instance). */
  public static Tokens lex(SourceText source, int from, int to) {
    return new Lexer(source, from, to).out;
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$';
  }

  private static boolean isOperatorChar(char c) {
    switch (c) {
      case '+':
      case '-':
      case '*':
      case '/':
      case '<':
      case '>':
      case '=':
      case '~':
      case '!':
      case '@':
      case '#':
      case '%':
      case '^':
      case '&':
      case '|':
      case '`':
      case '?':
        return true;
      default:
        return false;
    }
  }

  private char at(int i) {
    return i < end ? s.charAt(i) : '\0';
  }

  private void run(int from) {
    int i = from;
    while (i < end) {
      char c = s.charAt(i);
      switch (c) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
        case '\f':
          i++;
          continue;
        default:
          break;
      }
      int start = i;
      if (c == '-' && at(i + 1) == '-') {
        i += 2;
        while (i < end && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
          i++;
        }
        out.addComment(start, i);
      } else if (c == '/' && at(i + 1) == '*') {
        i = blockComment(i);
      } else if (isIdentStart(c)) {
        i = wordOrPrefixedLiteral(i);
      } else if (c >= '0' && c <= '9' || (c == '.' && at(i + 1) >= '0' && at(i + 1) <= '9')) {
        i = number(i);
      } else if (c == '\'') {
        i = quoted(i, i, '\'', TokenType.STRING, false, "unterminated quoted string");
      } else if (c == '"') {
        i = quoted(i, i, '"', TokenType.QUOTED_IDENTIFIER, false, "unterminated quoted identifier");
      } else if (c == '$') {
        i = dollar(i);
      } else if (c == '(') {
        out.add(TokenType.LEFT_PAREN, i, ++i);
      } else if (c == ')') {
        out.add(TokenType.RIGHT_PAREN, i, ++i);
      } else if (c == '[') {
        out.add(TokenType.LEFT_BRACKET, i, ++i);
      } else if (c == ']') {
        out.add(TokenType.RIGHT_BRACKET, i, ++i);
      } else if (c == ',') {
        out.add(TokenType.COMMA, i, ++i);
      } else if (c == ';') {
        out.add(TokenType.SEMICOLON, i, ++i);
        int semicolon = out.size() - 1;
        if (isCopyFromStdin(statementStart, semicolon)) {
          i = copyData(i);
        }
        statementStart = out.size();
      } else if (c == '.') {
        out.add(TokenType.DOT, i, ++i);
      } else if (c == ':') {
        if (at(i + 1) == ':') {
          out.add(TokenType.CAST, i, i += 2);
        } else if (at(i + 1) == '=') {
          out.add(TokenType.OPERATOR, i, i += 2);
        } else {
          out.add(TokenType.COLON, i, ++i);
        }
      } else if (isOperatorChar(c)) {
        i = operator(i);
      } else {
        out.add(TokenType.ERROR, i, ++i);
        out.addProblem(start, "unexpected character '" + printable(c) + "'");
      }
    }
  }

  /** Whether tokens {@code [from, semicolon)} are {@code COPY ... FROM STDIN ...}. */
  private boolean isCopyFromStdin(int from, int semicolon) {
    if (!out.isWord(from, "copy")) {
      return false;
    }
    for (int k = from + 1; k + 1 < semicolon; k++) {
      if (out.isWord(k, "from") && out.isWord(k + 1, "stdin")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Inline COPY data starts on the line after the semicolon and ends with a line holding only
   * {@code \.} (psql's and Flyway's convention); returns the offset after it.
   */
  private int copyData(int afterSemicolon) {
    int lineEnd = afterSemicolon;
    while (lineEnd < end && s.charAt(lineEnd) != '\n') {
      lineEnd++;
    }
    if (lineEnd >= end) {
      return afterSemicolon;
    }
    int dataStart = lineEnd + 1;
    int lineStart = dataStart;
    while (lineStart < end) {
      int next = lineStart;
      while (next < end && s.charAt(next) != '\n') {
        next++;
      }
      String line = s.substring(lineStart, next);
      if (line.equals("\\.") || line.equals("\\.\r")) {
        int dataEnd = line.endsWith("\r") ? next - 1 : next;
        out.add(TokenType.COPY_DATA, dataStart, dataEnd);
        return dataEnd;
      }
      lineStart = next + 1;
    }
    out.add(TokenType.COPY_DATA, dataStart, end);
    out.addProblem(dataStart, "COPY data without its terminating \\. line");
    return end;
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  private int blockComment(int start) {
    int depth = 1;
    int i = start + 2;
    while (i < end) {
      char c = s.charAt(i);
      if (c == '*' && at(i + 1) == '/') {
        i += 2;
        if (--depth == 0) {
          out.addComment(start, i);
          return i;
        }
      } else if (c == '/' && at(i + 1) == '*') {
        depth++;
        i += 2;
      } else {
        i++;
      }
    }
    out.addComment(start, end);
    out.addProblem(start, "unterminated /* comment");
    return end;
  }

  private int wordOrPrefixedLiteral(int start) {
    char c = s.charAt(start);
    char next = at(start + 1);
    if (next == '\'') {
      switch (c) {
        case 'e':
        case 'E':
          return quoted(
              start, start + 1, '\'', TokenType.ESCAPE_STRING, true, "unterminated E'' string");
        case 'b':
        case 'B':
        case 'x':
        case 'X':
          return quoted(
              start, start + 1, '\'', TokenType.BIT_STRING, false, "unterminated bit string");
        case 'n':
        case 'N':
          return quoted(
              start, start + 1, '\'', TokenType.STRING, false, "unterminated quoted string");
        default:
          break;
      }
    }
    if ((c == 'u' || c == 'U') && next == '&' && (at(start + 2) == '\'' || at(start + 2) == '"')) {
      if (at(start + 2) == '\'') {
        return quoted(
            start, start + 2, '\'', TokenType.UNICODE_STRING, false, "unterminated U&'' string");
      }
      return quoted(
          start,
          start + 2,
          '"',
          TokenType.QUOTED_IDENTIFIER,
          false,
          "unterminated quoted identifier");
    }
    int i = start + 1;
    while (i < end && isIdentPart(s.charAt(i))) {
      i++;
    }
    out.add(TokenType.WORD, start, i);
    return i;
  }

  /** A quoted token starting at {@code start} whose opening quote is at {@code quote}. */
  private int quoted(
      int start, int quote, char q, TokenType type, boolean backslashes, String unterminated) {
    int i = quote + 1;
    while (i < end) {
      char c = s.charAt(i);
      if (backslashes && c == '\\') {
        i += 2;
        continue;
      }
      if (c == q) {
        if (at(i + 1) == q) {
          i += 2;
          continue;
        }
        out.add(type, start, i + 1);
        return i + 1;
      }
      i++;
    }
    out.add(TokenType.ERROR, start, end);
    out.addProblem(start, unterminated);
    return end;
  }

  private int dollar(int start) {
    int i = start + 1;
    char c = at(i);
    if (c >= '0' && c <= '9') {
      while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      out.add(TokenType.PARAMETER, start, i);
      return i;
    }
    if (c == '{') {
      int close = s.indexOf('}', i);
      if (close > 0 && close < end) {
        out.add(TokenType.PLACEHOLDER, start, close + 1);
        return close + 1;
      }
    }
    // Dollar quote: $tag$ where the tag is an identifier without '$' (possibly empty).
    if (c == '$' || (isIdentStart(c))) {
      int t = i;
      while (t < end && s.charAt(t) != '$' && isIdentPart(s.charAt(t))) {
        t++;
      }
      if (at(t) == '$') {
        String tag = s.substring(start, t + 1);
        int close = s.indexOf(tag, t + 1);
        if (close >= 0 && close + tag.length() <= end) {
          out.add(TokenType.DOLLAR_STRING, start, close + tag.length());
          return close + tag.length();
        }
        out.add(TokenType.ERROR, start, end);
        out.addProblem(start, "unterminated dollar-quoted string " + tag);
        return end;
      }
    }
    out.add(TokenType.ERROR, start, start + 1);
    out.addProblem(start, "unexpected character '$'");
    return start + 1;
  }

  private int number(int start) {
    int i = start;
    char c = s.charAt(i);
    if (c == '0' && (at(i + 1) | 0x20) == 'x'
        || c == '0' && (at(i + 1) | 0x20) == 'o'
        || c == '0' && (at(i + 1) | 0x20) == 'b') {
      i += 2;
      while (i < end && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
        i++;
      }
      out.add(TokenType.NUMBER, start, i);
      return i;
    }
    while (i < end && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    if (at(i) == '.' && at(i + 1) != '.') {
      i++;
      while (i < end && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
        i++;
      }
    }
    if ((at(i) | 0x20) == 'e') {
      int j = i + 1;
      if (at(j) == '+' || at(j) == '-') {
        j++;
      }
      if (isDigit(at(j))) {
        i = j;
        while (i < end && isDigit(s.charAt(i))) {
          i++;
        }
      }
    }
    out.add(TokenType.NUMBER, start, i);
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private int operator(int start) {
    int i = start;
    while (i < end && isOperatorChar(s.charAt(i))) {
      char c = s.charAt(i);
      if (i > start && ((c == '-' && at(i + 1) == '-') || (c == '/' && at(i + 1) == '*'))) {
        break;
      }
      i++;
    }
    // PostgreSQL: a multi-char operator ending in + or - must contain one of ~!@#%^&|`?,
    // otherwise the trailing +/- are separate tokens (so "a=-1" is "=" then "-").
    if (i - start > 1) {
      boolean special = false;
      for (int k = start; k < i; k++) {
        if ("~!@#%^&|`?".indexOf(s.charAt(k)) >= 0) {
          special = true;
          break;
        }
      }
      if (!special) {
        while (i - start > 1 && (s.charAt(i - 1) == '+' || s.charAt(i - 1) == '-')) {
          i--;
        }
      }
    }
    out.add(TokenType.OPERATOR, start, i);
    return i;
  }
}
