package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Lexer;
import dev.greenlight.linter.sql.SourceText;
import dev.greenlight.linter.sql.Span;
import dev.greenlight.linter.sql.TokenType;
import dev.greenlight.linter.sql.Tokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An SQL expression (a DEFAULT, a CHECK, a WHERE, a USING) kept as text with a few facts the rules
 * need, computed from its tokens without a full expression parser. {@link #jsqlParsed()} gives
 * jsqlparser's tree on demand for rules that need more.
 */
public final class Expression {
  private static final Set<String> VOLATILE_FUNCTIONS =
      Set.of(
          "random",
          "random_normal",
          "setseed",
          "clock_timestamp",
          "timeofday",
          "gen_random_uuid",
          "gen_random_bytes",
          "uuid_generate_v1",
          "uuid_generate_v1mc",
          "uuid_generate_v4",
          "uuidv4",
          "uuidv7",
          "nextval",
          "currval",
          "lastval",
          "setval",
          "txid_current",
          "pg_sleep",
          "dblink");

  /** Built-ins that are immutable or stable: one value per statement at worst. */
  private static final Set<String> NON_VOLATILE_FUNCTIONS =
      Set.of(
          "now",
          "transaction_timestamp",
          "statement_timestamp",
          "current_timestamp",
          "current_date",
          "current_time",
          "localtime",
          "localtimestamp",
          "current_user",
          "current_setting",
          "current_schema",
          "session_user",
          "lower",
          "upper",
          "trim",
          "btrim",
          "ltrim",
          "rtrim",
          "length",
          "char_length",
          "coalesce",
          "nullif",
          "greatest",
          "least",
          "concat",
          "concat_ws",
          "substring",
          "substr",
          "replace",
          "left",
          "right",
          "md5",
          "abs",
          "round",
          "floor",
          "ceil",
          "to_char",
          "to_date",
          "to_timestamp",
          "to_number",
          "date_trunc",
          "date_part",
          "extract",
          "make_interval",
          "make_date",
          "jsonb_build_object",
          "jsonb_build_array",
          "json_build_object",
          "json_build_array",
          "to_jsonb",
          "to_json",
          "array",
          "cast",
          "array_length",
          "cardinality",
          "format",
          "int4",
          "int8",
          "text",
          "timezone",
          "age");

  private static final Set<String> NON_VOLATILE_KEYWORDS =
      Set.of(
          "current_timestamp",
          "current_date",
          "current_time",
          "localtime",
          "localtimestamp",
          "current_user",
          "current_role",
          "session_user",
          "user",
          "current_catalog",
          "current_schema");

  private final String text;
  private final Span span;
  private final Volatility volatility;
  private final List<String> functions;
  private final List<String> columnReferences;
  private final String notNullColumn;
  private final boolean constant;
  private volatile Optional<net.sf.jsqlparser.expression.Expression> parsed;

  private Expression(
      String text,
      Span span,
      Volatility volatility,
      List<String> functions,
      List<String> columnReferences,
      String notNullColumn,
      boolean constant) {
    this.text = text;
    this.span = span;
    this.volatility = volatility;
    this.functions = functions;
    this.columnReferences = columnReferences;
    this.notNullColumn = notNullColumn;
    this.constant = constant;
  }

  /** Reads an expression standing alone, e.g. {@code Expression.of("now()")}. */
  public static Expression of(String sql) {
    Tokens t = Lexer.lex(SourceText.of(sql));
    if (t.size() == 0) {
      return from(t, 0, -1);
    }
    return from(t, 0, t.size() - 1);
  }

  /** The expression made of tokens {@code [first, last]}. */
  static Expression from(Tokens t, int first, int last) {
    if (last < first) {
      int at = first < t.size() ? t.start(first) : t.source().length();
      return new Expression(
          "", t.source().span(at, at), Volatility.NON_VOLATILE, List.of(), List.of(), null, true);
    }
    String text = t.source().text().substring(t.start(first), t.end(last));
    Span span = t.span(first, last);
    List<String> functions = new ArrayList<>(2);
    List<String> columns = new ArrayList<>(2);
    boolean volatileCall = false;
    boolean unknownCall = false;
    boolean constant = true;
    for (int i = first; i <= last; i++) {
      TokenType type = t.type(i);
      if (type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER) {
        String word = Names.resolve(t, i);
        boolean call = t.is(i + 1, TokenType.LEFT_PAREN) && i + 1 <= last;
        boolean qualifiedPart = t.is(i + 1, TokenType.DOT);
        if (t.is(i - 1, TokenType.CAST) && i > first) {
          // a type name after ::, e.g. 'x'::text or '{}'::int[]; skip its words
          continue;
        }
        if (call) {
          String fn = word;
          if (t.is(i - 1, TokenType.DOT) && i - 2 >= first) {
            fn = Names.resolve(t, i - 2) + "." + word;
          }
          functions.add(fn);
          String bare = word.toLowerCase(Locale.ROOT);
          if (VOLATILE_FUNCTIONS.contains(bare)) {
            volatileCall = true;
          } else if (!NON_VOLATILE_FUNCTIONS.contains(bare)) {
            unknownCall = true;
          }
          if (!bare.equals("cast") && !bare.equals("array")) {
            constant = false;
          }
        } else if (type == TokenType.WORD && t.isWord(i - 1, "as") && i > first) {
          continue;
        } else if (type == TokenType.WORD
            && (VALUE_KEYWORDS.contains(word) || NON_VOLATILE_KEYWORDS.contains(word))) {
          if (NON_VOLATILE_KEYWORDS.contains(word)) {
            constant = false;
          }
        } else if (!qualifiedPart) {
          columns.add(word);
          constant = false;
        }
      } else if (type == TokenType.PARAMETER) {
        constant = false;
      }
    }
    Volatility volatility =
        volatileCall
            ? Volatility.VOLATILE
            : unknownCall ? Volatility.UNKNOWN : Volatility.NON_VOLATILE;
    return new Expression(
        text,
        span,
        volatility,
        Collections.unmodifiableList(functions),
        Collections.unmodifiableList(columns),
        notNullColumn(t, first, last),
        constant);
  }

  private static final Set<String> VALUE_KEYWORDS =
      Set.of(
          "null",
          "true",
          "false",
          "and",
          "or",
          "not",
          "is",
          "in",
          "like",
          "ilike",
          "similar",
          "between",
          "case",
          "when",
          "then",
          "else",
          "end",
          "array",
          "interval",
          "distinct",
          "from",
          "any",
          "all",
          "some",
          "exists",
          "select",
          "where",
          "isnull",
          "notnull",
          "at",
          "time",
          "zone",
          "with",
          "without",
          "escape",
          "collate",
          "unknown",
          "overlaps",
          "row",
          "symmetric",
          "asc",
          "desc",
          "nulls",
          "first",
          "last",
          "using",
          "as",
          "varying",
          "precision",
          "to",
          "timestamp",
          "date",
          "double",
          "character",
          "year",
          "month",
          "day",
          "hour",
          "minute",
          "second");

  /** Matches {@code (col IS NOT NULL)}, with any number of surrounding parentheses. */
  private static String notNullColumn(Tokens t, int first, int last) {
    while (t.is(first, TokenType.LEFT_PAREN) && t.is(last, TokenType.RIGHT_PAREN) && first < last) {
      first++;
      last--;
    }
    int n = last - first + 1;
    boolean nameToken = t.is(first, TokenType.WORD) || t.is(first, TokenType.QUOTED_IDENTIFIER);
    if (n == 4
        && nameToken
        && t.isWord(first + 1, "is")
        && t.isWord(first + 2, "not")
        && t.isWord(first + 3, "null")) {
      return Names.resolve(t, first);
    }
    if (n == 2 && nameToken && t.isWord(first + 1, "notnull")) {
      return Names.resolve(t, first);
    }
    return null;
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /** Where the expression is written. */
  public Span span() {
    return span;
  }

  /** Volatile, non-volatile, or unknown (calls a function the linter does not know). */
  public Volatility volatility() {
    return volatility;
  }

  /** Whether the expression is a constant: literals, casts of literals, ARRAY[] of those. */
  public boolean isConstant() {
    return constant;
  }

  /** Whether the expression is exactly {@code NULL} (possibly cast). */
  public boolean isNull() {
    String s = text.trim().toLowerCase(Locale.ROOT);
    return s.equals("null") || s.startsWith("null::") || s.startsWith("(null)");
  }

  /** Functions called, lower-cased, qualified as written ({@code nextval}, {@code s.f}). */
  public List<String> functions() {
    return functions;
  }

  /** Names that look like column references (words that are not keywords or calls). */
  public List<String> columnReferences() {
    return columnReferences;
  }

  /** For a check that is exactly {@code col IS NOT NULL}: the column; else empty. */
  public Optional<String> notNullCheckColumn() {
    return Optional.ofNullable(notNullColumn);
  }

  /**
   * jsqlparser's tree for this expression, parsed on first call; empty when jsqlparser cannot read
   * it (the expression stays usable as text).
   */
  public Optional<net.sf.jsqlparser.expression.Expression> jsqlParsed() {
    Optional<net.sf.jsqlparser.expression.Expression> p = parsed;
    if (p == null) {
      try {
        p = Optional.of(net.sf.jsqlparser.parser.CCJSqlParserUtil.parseExpression(text));
      } catch (Exception | StackOverflowError e) {
        p = Optional.empty();
      }
      parsed = p;
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expression
        && ((Expression) o).text.equals(text)
        && ((Expression) o).span.equals(span);
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + span.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
