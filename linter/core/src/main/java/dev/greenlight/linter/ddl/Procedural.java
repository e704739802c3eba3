package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Lexer;
import dev.greenlight.linter.sql.Script;
import dev.greenlight.linter.sql.SourceText;
import dev.greenlight.linter.sql.Span;
import dev.greenlight.linter.sql.StatementSlice;
import dev.greenlight.linter.sql.TokenType;
import dev.greenlight.linter.sql.Tokens;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the plain SQL statements of a PL/pgSQL block body: PL/pgSQL statements end at semicolons,
 * and control words (BEGIN, IF ... THEN, ELSE, LOOP, EXCEPTION WHEN ... THEN) only precede the SQL
 * statement they guard, so peeling them off the front of each piece leaves the SQL.
 */
final class Procedural {
  private Procedural() {}

  private static final Set<String> SQL_COMMANDS =
      Set.of(
          "alter",
          "create",
          "drop",
          "comment",
          "grant",
          "revoke",
          "truncate",
          "lock",
          "reindex",
          "cluster",
          "analyze",
          "refresh",
          "update",
          "insert",
          "delete",
          "merge",
          "set",
          "reset",
          "vacuum");

  static void extract(Tokens t, List<DoBlock.Embedded> embedded, List<Span> dynamic) {
    int n = t.size();
    int pieceStart = 0;
    int depth = 0;
    boolean[] declare = {false};
    for (int i = 0; i <= n; i++) {
      boolean endOfPiece = i == n;
      if (!endOfPiece) {
        TokenType type = t.type(i);
        if (type == TokenType.LEFT_PAREN) {
          depth++;
        } else if (type == TokenType.RIGHT_PAREN) {
          depth--;
        } else if (type == TokenType.SEMICOLON && depth <= 0) {
          endOfPiece = true;
          depth = 0;
        }
      }
      if (endOfPiece) {
        if (i > pieceStart) {
          piece(t, pieceStart, i - 1, embedded, dynamic, declare);
        }
        pieceStart = i + 1;
      }
    }
  }

  private static void piece(
      Tokens t,
      int a,
      int b,
      List<DoBlock.Embedded> embedded,
      List<Span> dynamic,
      boolean[] declare) {
    int i = a;
    while (i <= b) {
      if (t.isOperator(i, "<<")) {
        i += 3;
        continue;
      }
      if (declare[0] || t.isWord(i, "declare")) {
        int begin = findWord(t, i, b, "begin");
        if (begin < 0) {
          declare[0] = true;
          return;
        }
        declare[0] = false;
        i = begin + 1;
        continue;
      }
      if (t.isWord(i, "begin")
          || t.isWord(i, "else")
          || t.isWord(i, "loop")
          || t.isWord(i, "then")
          || t.isWord(i, "exception")) {
        i++;
        continue;
      }
      if (t.isWord(i, "if")
          || t.isWord(i, "elsif")
          || t.isWord(i, "elseif")
          || t.isWord(i, "when")
          || t.isWord(i, "case")) {
        int then = findWord(t, i + 1, b, "then");
        if (then < 0) {
          return;
        }
        i = then + 1;
        continue;
      }
      if (t.isWord(i, "while") || t.isWord(i, "for") || t.isWord(i, "foreach")) {
        int loop = findWord(t, i + 1, b, "loop");
        if (loop < 0) {
          return;
        }
        i = loop + 1;
        continue;
      }
      break;
    }
    if (i > b || t.type(i) != TokenType.WORD) {
      return;
    }
    if (t.isWord(i, "execute")) {
      execute(t, i, b, embedded, dynamic);
      return;
    }
    String w = t.text(i).toLowerCase(Locale.ROOT);
    if (SQL_COMMANDS.contains(w) && !t.is(i + 1, TokenType.OPERATOR)) {
      embedded.add(new DoBlock.Embedded(Parser.parse(t, i, b), false));
    }
  }

  /** The first word {@code w} outside parentheses between {@code from} and {@code to}, or -1. */
  static int findWord(Tokens t, int from, int to, String w) {
    int depth = 0;
    for (int i = from; i <= to; i++) {
      TokenType type = t.type(i);
      if (type == TokenType.LEFT_PAREN) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN) {
        depth--;
      } else if (depth == 0 && t.isWord(i, w)) {
        return i;
      }
    }
    return -1;
  }

  private static void execute(
      Tokens t, int at, int b, List<DoBlock.Embedded> embedded, List<Span> dynamic) {
    int lit = at + 1;
    boolean literal =
        lit <= b
            && (t.is(lit, TokenType.STRING)
                || t.is(lit, TokenType.ESCAPE_STRING)
                || t.is(lit, TokenType.DOLLAR_STRING))
            && (lit == b || t.isWord(lit + 1, "using") || t.isWord(lit + 1, "into"));
    if (!literal) {
      dynamic.add(t.span(at, b));
      return;
    }
    Tokens inner;
    if (t.is(lit, TokenType.DOLLAR_STRING)) {
      int[] r = Literals.contentRange(t, lit);
      inner = Lexer.lex(t.source(), r[0], r[1]);
    } else {
      SourceText source = Literals.unescapedSource(t, lit);
      inner = Lexer.lex(source);
    }
    Script script = Script.split(inner);
    for (StatementSlice s : script.statements()) {
      embedded.add(new DoBlock.Embedded(Parser.parse(inner, s.firstToken(), s.lastToken()), true));
    }
  }
}
