package dev.greenlight.linter.ddl;

import dev.greenlight.linter.ddl.AlterTableAction.AddColumn;
import dev.greenlight.linter.ddl.AlterTableAction.AddConstraint;
import dev.greenlight.linter.ddl.AlterTableAction.AddIdentity;
import dev.greenlight.linter.ddl.AlterTableAction.AlterColumnOther;
import dev.greenlight.linter.ddl.AlterTableAction.AlterColumnType;
import dev.greenlight.linter.ddl.AlterTableAction.AttachPartition;
import dev.greenlight.linter.ddl.AlterTableAction.DetachPartition;
import dev.greenlight.linter.ddl.AlterTableAction.DropColumn;
import dev.greenlight.linter.ddl.AlterTableAction.DropConstraint;
import dev.greenlight.linter.ddl.AlterTableAction.DropDefault;
import dev.greenlight.linter.ddl.AlterTableAction.DropNotNull;
import dev.greenlight.linter.ddl.AlterTableAction.OtherAction;
import dev.greenlight.linter.ddl.AlterTableAction.OwnerTo;
import dev.greenlight.linter.ddl.AlterTableAction.RenameColumn;
import dev.greenlight.linter.ddl.AlterTableAction.RenameConstraint;
import dev.greenlight.linter.ddl.AlterTableAction.RenameTable;
import dev.greenlight.linter.ddl.AlterTableAction.ReplicaIdentity;
import dev.greenlight.linter.ddl.AlterTableAction.SetAccessMethod;
import dev.greenlight.linter.ddl.AlterTableAction.SetDefault;
import dev.greenlight.linter.ddl.AlterTableAction.SetNotNull;
import dev.greenlight.linter.ddl.AlterTableAction.SetPersistence;
import dev.greenlight.linter.ddl.AlterTableAction.SetSchema;
import dev.greenlight.linter.ddl.AlterTableAction.SetTablespace;
import dev.greenlight.linter.ddl.AlterTableAction.ValidateConstraint;
import dev.greenlight.linter.sql.Lexer;
import dev.greenlight.linter.sql.Script;
import dev.greenlight.linter.sql.SourceText;
import dev.greenlight.linter.sql.Span;
import dev.greenlight.linter.sql.StatementSlice;
import dev.greenlight.linter.sql.TokenType;
import dev.greenlight.linter.sql.Tokens;
import dev.greenlight.linter.sql.TransactionCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hand-written recursive-descent parser from tokens to the {@link Statement} model. Never
 * throws: a statement it cannot read becomes {@link Unparsed} with the reason and position.
 */
public final class Parser {
  private final Tokens t;
  private final int last;
  private final int first;
  private int pos;

  /** Thrown (without a stack trace) to abandon a statement; caught in {@link #parse}. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int at;

    Failure(String message, int at) {
      super(message, null, false, false);
      this.at = at;
    }
  }

  private Parser(Tokens t, int first, int last) {
    this.t = t;
    this.first = first;
    this.last = last;
    this.pos = first;
  }

  /** Parses every statement of a split script, in order. */
  public static List<Statement> parseAll(Script script) {
    return parseAll(script, Map.of());
  }

  /**
   * Parses every statement of a split script, resolving {@code ${placeholders}} in identifiers with
   * {@code placeholders}.
   */
  public static List<Statement> parseAll(Script script, Map<String, String> placeholders) {
    Map<String, String> previous = Names.PLACEHOLDERS.get();
    Names.PLACEHOLDERS.set(placeholders);
    try {
      List<Statement> out = new ArrayList<>(script.statements().size());
      for (StatementSlice slice : script.statements()) {
        out.add(parse(script.tokens(), slice.firstToken(), slice.lastToken()));
      }
      return out;
    } finally {
      Names.PLACEHOLDERS.set(previous);
    }
  }

  /** Parses one statement standing alone (tests, tools): text without or with a semicolon. */
  public static Statement parse(String sql) {
    Script script = Script.split(SourceText.of(sql));
    if (script.statements().isEmpty()) {
      throw new IllegalArgumentException("no statement in: " + sql);
    }
    StatementSlice s = script.statements().get(0);
    return parse(script.tokens(), s.firstToken(), s.lastToken());
  }

  /** Parses tokens {@code [first, last]} (the statement without its semicolon). */
  public static Statement parse(Tokens tokens, int first, int last) {
    Parser p = new Parser(tokens, first, last);
    for (int i = first; i <= last; i++) {
      if (tokens.type(i) == TokenType.ERROR) {
        return p.unparsed("", i);
      }
    }
    try {
      Statement s = p.statement();
      if (p.pos <= last) {
        throw new Failure("unexpected '" + tokens.text(p.pos) + "'", p.pos);
      }
      return s;
    } catch (Failure f) {
      return p.unparsed(f.getMessage(), f.at);
    } catch (RuntimeException | StackOverflowError e) {
      return p.unparsed("the parser failed on this statement (" + e + ")", p.pos);
    }
  }

  private Unparsed unparsed(String reason, int at) {
    int where = Math.min(Math.max(at, first), last);
    for (int i = first; i <= last; i++) {
      if (t.type(i) == TokenType.ERROR) {
        reason = "unreadable input: " + describeError(i);
        where = i;
        break;
      }
    }
    return new Unparsed(
        commandWords(), Classifier.classify(t, first, last), reason, t.span(where), span());
  }

  private String describeError(int i) {
    String text = t.text(i);
    if (text.startsWith("'") || text.toLowerCase(Locale.ROOT).startsWith("e'")) {
      return "unterminated quoted string";
    }
    if (text.startsWith("\"")) {
      return "unterminated quoted identifier";
    }
    if (text.startsWith("$")) {
      return "unterminated dollar-quoted string";
    }
    return "unexpected character '" + text.charAt(0) + "'";
  }

  private String commandWords() {
    StringBuilder b = new StringBuilder();
    int words = 0;
    for (int i = first; i <= last && words < 3 && t.type(i) == TokenType.WORD; i++) {
      String w = t.text(i).toUpperCase(Locale.ROOT);
      if (words > 0 && !Classifier.COMMAND_WORDS.contains(w)) {
        break;
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(w);
      words++;
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- cursor helpers

  private Span span() {
    return t.span(first, last);
  }

  private Span spanFrom(int start) {
    return t.span(start, Math.max(start, pos - 1));
  }

  private boolean atEnd() {
    return pos > last;
  }

  private boolean word(String w) {
    return pos <= last && t.isWord(pos, w);
  }

  private boolean wordAt(int i, String w) {
    return i <= last && t.isWord(i, w);
  }

  private boolean is(TokenType type) {
    return pos <= last && t.type(pos) == type;
  }

  private boolean accept(String w) {
    if (word(w)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean accept(String w1, String w2) {
    if (word(w1) && wordAt(pos + 1, w2)) {
      pos += 2;
      return true;
    }
    return false;
  }

  private boolean accept(String w1, String w2, String w3) {
    if (word(w1) && wordAt(pos + 1, w2) && wordAt(pos + 2, w3)) {
      pos += 3;
      return true;
    }
    return false;
  }

  private boolean accept(TokenType type) {
    if (is(type)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String w) {
    if (!accept(w)) {
      throw new Failure("expected " + w.toUpperCase(Locale.ROOT) + butFound(), pos);
    }
  }

  private void expect(TokenType type, String what) {
    if (!accept(type)) {
      throw new Failure("expected " + what + butFound(), pos);
    }
  }

  private String butFound() {
    return atEnd() ? " at end of statement" : " but found '" + t.text(pos) + "'";
  }

  private Failure fail(String message) {
    return new Failure(message + butFound(), pos);
  }

  private boolean isNameToken(int i) {
    if (i > last) {
      return false;
    }
    TokenType type = t.type(i);
    return type == TokenType.WORD
        || type == TokenType.QUOTED_IDENTIFIER
        || type == TokenType.PLACEHOLDER;
  }

  private Name name() {
    if (!isNameToken(pos)) {
      throw fail("expected a name");
    }
    Name n = new Name(Names.resolve(t, pos), t.span(pos));
    pos++;
    return n;
  }

  private Name nameOrString() {
    if (is(TokenType.STRING) || is(TokenType.ESCAPE_STRING)) {
      Name n = new Name(Literals.stringValue(t, pos), t.span(pos));
      pos++;
      return n;
    }
    return name();
  }

  private QualifiedName qualifiedName() {
    int start = pos;
    Name a = name();
    if (is(TokenType.DOT) && isNameToken(pos + 1)) {
      pos++;
      Name b = name();
      if (is(TokenType.DOT) && isNameToken(pos + 1)) {
        pos++;
        Name c = name();
        return new QualifiedName(b.value(), c.value(), spanFrom(start));
      }
      return new QualifiedName(a.value(), b.value(), spanFrom(start));
    }
    return new QualifiedName(null, a.value(), spanFrom(start));
  }

  /** Index of the token closing the parenthesis at {@code open}. */
  private int matchParen(int open) {
    int depth = 0;
    for (int i = open; i <= last; i++) {
      TokenType type = t.type(i);
      if (type == TokenType.LEFT_PAREN || type == TokenType.LEFT_BRACKET) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN || type == TokenType.RIGHT_BRACKET) {
        if (--depth == 0) {
          return i;
        }
      }
    }
    throw new Failure("unbalanced parentheses", open);
  }

  private void skipParens() {
    if (is(TokenType.LEFT_PAREN)) {
      pos = matchParen(pos) + 1;
    }
  }

  /** Skips to the next depth-0 comma (not consumed) or the end; returns the last skipped. */
  private int skipToComma() {
    int depth = 0;
    int lastSkipped = pos - 1;
    while (pos <= last) {
      TokenType type = t.type(pos);
      if (depth == 0 && (type == TokenType.COMMA || type == TokenType.RIGHT_PAREN)) {
        break;
      }
      if (type == TokenType.LEFT_PAREN || type == TokenType.LEFT_BRACKET) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN || type == TokenType.RIGHT_BRACKET) {
        depth--;
      }
      lastSkipped = pos;
      pos++;
    }
    return lastSkipped;
  }

  private String upperWords(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to && i <= last; i++) {
      if (t.type(i) != TokenType.WORD) {
        break;
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(t.text(i).toUpperCase(Locale.ROOT));
    }
    return b.toString();
  }

  private String text(int from, int to) {
    if (to < from) {
      return "";
    }
    return t.source().text().substring(t.start(from), t.end(to));
  }

  /**
   * An expression from the cursor up to (not including) a depth-0 comma, closing parenthesis, end
   * of statement, or one of {@code stops} (checked after the first token).
   */
  private Expression expression(Set<String> stops) {
    int start = pos;
    int depth = 0;
    int cases = 0;
    while (pos <= last) {
      TokenType type = t.type(pos);
      if (depth == 0 && cases == 0) {
        if (type == TokenType.COMMA || type == TokenType.RIGHT_PAREN) {
          break;
        }
        if (pos > start && type == TokenType.WORD && wordIn(pos, stops)) {
          break;
        }
      }
      if (type == TokenType.LEFT_PAREN || type == TokenType.LEFT_BRACKET) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN || type == TokenType.RIGHT_BRACKET) {
        depth--;
      } else if (type == TokenType.WORD) {
        if (t.isWord(pos, "case")) {
          cases++;
        } else if (t.isWord(pos, "end") && cases > 0) {
          cases--;
        }
      }
      pos++;
    }
    if (pos == start) {
      throw fail("expected an expression");
    }
    return Expression.from(t, start, pos - 1);
  }

  /** The expression inside the parentheses at the cursor; the cursor moves past them. */
  private Expression parenthesized() {
    if (!is(TokenType.LEFT_PAREN)) {
      throw fail("expected '('");
    }
    int close = matchParen(pos);
    Expression e = Expression.from(t, pos + 1, close - 1);
    pos = close + 1;
    return e;
  }

  /**
   * Whether token {@code i} is one of the lower-case {@code words}; compares in place instead of
   * lower-casing the token (this runs for every word of every expression).
   */
  private boolean wordIn(int i, Set<String> words) {
    if (i > last || t.type(i) != TokenType.WORD) {
      return false;
    }
    int len = t.end(i) - t.start(i);
    for (String w : words) {
      if (w.length() == len && t.isWord(i, w)) {
        return true;
      }
    }
    return false;
  }

  private String lower(int i) {
    return t.text(i).toLowerCase(Locale.ROOT);
  }

  private List<Name> nameList() {
    expect(TokenType.LEFT_PAREN, "'('");
    List<Name> names = new ArrayList<>();
    if (accept(TokenType.RIGHT_PAREN)) {
      return names;
    }
    do {
      names.add(name());
    } while (accept(TokenType.COMMA));
    expect(TokenType.RIGHT_PAREN, "')'");
    return names;
  }

  // ---------------------------------------------------------------- statements

  private Statement statement() {
    if (t.type(first) != TokenType.WORD) {
      if (t.type(first) == TokenType.LEFT_PAREN) {
        return select();
      }
      throw new Failure("a statement cannot start with '" + t.text(first) + "'", first);
    }
    TransactionCommand tc = TransactionCommand.recognize(t, first, last);
    if (tc != null && !(tc == TransactionCommand.END && last > first + 1)) {
      return transaction(tc);
    }
    String w = lower(first);
    switch (w) {
      case "create":
        return create();
      case "alter":
        return alter();
      case "drop":
        return drop();
      case "reindex":
        return reindex();
      case "vacuum":
        return vacuum();
      case "analyze":
      case "analyse":
        return analyze();
      case "cluster":
        return cluster();
      case "truncate":
        return truncate();
      case "lock":
        return lock();
      case "refresh":
        return refresh();
      case "set":
        return set();
      case "reset":
        return reset();
      case "comment":
        return comment();
      case "grant":
      case "revoke":
        return grant();
      case "do":
        return doBlock();
      case "call":
        return call();
      case "copy":
        return copy();
      case "with":
        return with();
      case "insert":
        return insert();
      case "update":
        return update();
      case "delete":
        return delete();
      case "merge":
        return merge();
      case "select":
      case "values":
      case "table":
        return select();
      default:
        return other();
    }
  }

  private Statement other() {
    String command = commandWords();
    if (!Classifier.isKnownCommand(t, first, last)) {
      throw new Failure("unknown command '" + t.text(first) + "'", first);
    }
    pos = last + 1;
    return new OtherStatement(command, Classifier.requiresNoTransaction(t, first, last), span());
  }

  private Statement transaction(TransactionCommand tc) {
    Name savepoint = null;
    if (tc == TransactionCommand.SAVEPOINT
        || tc == TransactionCommand.RELEASE_SAVEPOINT
        || tc == TransactionCommand.ROLLBACK_TO_SAVEPOINT) {
      if (isNameToken(last)) {
        savepoint = new Name(Names.resolve(t, last), t.span(last));
      }
    }
    pos = last + 1;
    return new TransactionStatement(tc, savepoint, span());
  }

  private Statement create() {
    pos = first + 1;
    boolean orReplace = accept("or", "replace");
    boolean temporary = false;
    boolean unlogged = false;
    if (accept("global") || accept("local")) {
      temporary = true;
    }
    if (accept("temporary") || accept("temp")) {
      temporary = true;
    }
    if (accept("unlogged")) {
      unlogged = true;
    }
    if (word("table")) {
      return createTable(temporary, unlogged);
    }
    if (accept("unique")) {
      if (!word("index")) {
        throw fail("expected INDEX after CREATE UNIQUE");
      }
      return createIndex(true);
    }
    if (word("index")) {
      return createIndex(false);
    }
    if (accept("recursive")) {
      return createView(orReplace, false, temporary);
    }
    if (word("view")) {
      return createView(orReplace, false, temporary);
    }
    if (accept("materialized")) {
      return createView(orReplace, true, temporary);
    }
    if (word("type")) {
      return createType();
    }
    if (word("domain")) {
      return createDomain();
    }
    if (word("function")) {
      return createFunction(orReplace, false);
    }
    if (word("procedure")) {
      return createFunction(orReplace, true);
    }
    if (word("trigger") || (word("constraint") && wordAt(pos + 1, "trigger"))) {
      return createTrigger(orReplace);
    }
    if (word("sequence")) {
      pos++;
      boolean ifNotExists = accept("if", "not", "exists");
      QualifiedName n = qualifiedName();
      pos = last + 1;
      return new CreateSequence(n, ifNotExists, temporary, span());
    }
    if (accept("extension")) {
      boolean ifNotExists = accept("if", "not", "exists");
      Name n = name();
      Name schema = null;
      while (!atEnd()) {
        if (accept("schema")) {
          schema = name();
        } else {
          pos++;
        }
      }
      return new CreateExtension(n, ifNotExists, schema, span());
    }
    if (accept("schema")) {
      boolean ifNotExists = accept("if", "not", "exists");
      Name n = null;
      Name auth = null;
      if (!word("authorization")) {
        n = name();
      }
      if (accept("authorization")) {
        auth = name();
        if (n == null) {
          n = auth;
        }
      }
      pos = last + 1;
      return new CreateSchema(n, ifNotExists, auth, span());
    }
    return other();
  }

  // ---------------------------------------------------------------- CREATE TABLE

  private static final Set<String> TABLE_CONSTRAINT_START =
      Set.of("constraint", "check", "unique", "primary", "foreign", "exclude");

  private Statement createTable(boolean temporary, boolean unlogged) {
    expect("table");
    boolean ifNotExists = accept("if", "not", "exists");
    QualifiedName name = qualifiedName();
    List<ColumnDefinition> columns = new ArrayList<>();
    List<TableConstraint> constraints = new ArrayList<>();
    QualifiedName partitionOf = null;
    boolean partitioned = false;
    if (is(TokenType.LEFT_PAREN)) {
      int close = matchParen(pos);
      if (wordAt(close + 1, "as")
          || (wordAt(close + 1, "with") && !t.is(close + 2, TokenType.LEFT_PAREN))) {
        pos = last + 1;
        return new CreateTableAs(name, ifNotExists, temporary, !hasWithNoData(), span());
      }
    }
    if (accept("as")) {
      pos = last + 1;
      return new CreateTableAs(name, ifNotExists, temporary, !hasWithNoData(), span());
    }
    if (accept("partition", "of")) {
      partitionOf = qualifiedName();
    } else if (accept("of")) {
      qualifiedName();
    }
    if (is(TokenType.LEFT_PAREN)) {
      pos++;
      if (!is(TokenType.RIGHT_PAREN)) {
        do {
          tableElement(columns, constraints, partitionOf != null);
        } while (accept(TokenType.COMMA));
      }
      expect(TokenType.RIGHT_PAREN, "',' or ')'");
    }
    while (!atEnd()) {
      if (accept("partition", "by")) {
        partitioned = true;
      } else if (is(TokenType.LEFT_PAREN)) {
        skipParens();
      } else {
        pos++;
      }
    }
    return new CreateTable(
        name,
        ifNotExists,
        temporary,
        unlogged,
        List.copyOf(columns),
        List.copyOf(constraints),
        partitionOf,
        partitioned,
        span());
  }

  private boolean hasWithNoData() {
    return last >= first + 2
        && t.isWord(last, "data")
        && t.isWord(last - 1, "no")
        && t.isWord(last - 2, "with");
  }

  private void tableElement(
      List<ColumnDefinition> columns, List<TableConstraint> constraints, boolean partition) {
    if (word("like")) {
      pos++;
      qualifiedName();
      skipToComma();
      return;
    }
    if (isTableConstraintStart()) {
      constraints.add(tableConstraint());
      return;
    }
    columns.add(columnDefinition(partition));
  }

  private boolean isTableConstraintStart() {
    if (!is(TokenType.WORD)) {
      return false;
    }
    String w = lower(pos);
    if (!TABLE_CONSTRAINT_START.contains(w)) {
      return false;
    }
    if (w.equals("primary")) {
      return wordAt(pos + 1, "key");
    }
    if (w.equals("foreign")) {
      return wordAt(pos + 1, "key");
    }
    return true;
  }

  private static final Set<String> COLUMN_EXPRESSION_STOPS =
      Set.of(
          "not",
          "null",
          "constraint",
          "check",
          "unique",
          "primary",
          "references",
          "generated",
          "collate",
          "default",
          "deferrable",
          "initially",
          "compression",
          "storage");

  /** {@code name type [constraints]}; types are optional in PARTITION OF / OF type tables. */
  private ColumnDefinition columnDefinition(boolean typeOptional) {
    int start = pos;
    Name name = name();
    TypeName type = null;
    if (!(typeOptional && (atColumnConstraint() || atElementEnd()))) {
      type = typeName();
    }
    boolean notNull = false;
    Expression defaultValue = null;
    ColumnDefinition.Generated generated = null;
    List<TableConstraint> constraints = new ArrayList<>();
    String collation = null;
    while (!atElementEnd()) {
      int cStart = pos;
      Name constraintName = null;
      if (accept("constraint")) {
        constraintName = name();
      }
      if (accept("not", "null")) {
        notNull = true;
        constraints.add(
            new TableConstraint(
                constraintName,
                ConstraintType.NOT_NULL,
                List.of(name),
                null,
                null,
                null,
                false,
                spanFrom(cStart)));
      } else if (accept("null")) {
        notNull = false;
      } else if (accept("default")) {
        defaultValue = expression(COLUMN_EXPRESSION_STOPS);
      } else if (accept("check")) {
        Expression check = parenthesized();
        accept("no", "inherit");
        constraints.add(
            new TableConstraint(
                constraintName,
                ConstraintType.CHECK,
                List.of(name),
                check,
                null,
                null,
                false,
                spanFrom(cStart)));
      } else if (accept("unique")) {
        skipNullsDistinct();
        skipIndexParameters();
        constraints.add(
            new TableConstraint(
                constraintName,
                ConstraintType.UNIQUE,
                List.of(name),
                null,
                null,
                null,
                false,
                spanFrom(cStart)));
      } else if (accept("primary", "key")) {
        notNull = true;
        skipIndexParameters();
        constraints.add(
            new TableConstraint(
                constraintName,
                ConstraintType.PRIMARY_KEY,
                List.of(name),
                null,
                null,
                null,
                false,
                spanFrom(cStart)));
      } else if (accept("references")) {
        ForeignKeyReference ref = references();
        constraints.add(
            new TableConstraint(
                constraintName,
                ConstraintType.FOREIGN_KEY,
                List.of(name),
                null,
                ref,
                null,
                false,
                spanFrom(cStart)));
      } else if (word("generated")) {
        generated = generated();
      } else if (accept("collate")) {
        collation = qualifiedName().toString();
      } else if (accept("compression") || accept("storage")) {
        name();
      } else if (accept("deferrable")
          || accept("not", "deferrable")
          || accept("initially", "deferred")
          || accept("initially", "immediate")
          || accept("not", "enforced")
          || accept("enforced")) {
        // constraint attributes: nothing to model
      } else if (accept("with", "options")) {
        // typed-table column options follow
      } else {
        throw fail("unexpected text in the definition of column " + name.value());
      }
    }
    return new ColumnDefinition(
        name,
        type,
        notNull,
        defaultValue,
        generated,
        List.copyOf(constraints),
        collation,
        spanFrom(start));
  }

  private boolean atColumnConstraint() {
    return wordIn(pos, COLUMN_EXPRESSION_STOPS);
  }

  private boolean atElementEnd() {
    return atEnd() || is(TokenType.COMMA) || is(TokenType.RIGHT_PAREN);
  }

  private ColumnDefinition.Generated generated() {
    int start = pos;
    expect("generated");
    boolean always;
    if (accept("always")) {
      always = true;
    } else if (accept("by", "default")) {
      always = false;
    } else {
      throw fail("expected ALWAYS or BY DEFAULT after GENERATED");
    }
    expect("as");
    if (accept("identity")) {
      skipParens();
      return new ColumnDefinition.Generated(true, always, null, false, spanFrom(start));
    }
    Expression e = parenthesized();
    boolean stored = true;
    if (accept("virtual")) {
      stored = false;
    } else {
      accept("stored");
    }
    return new ColumnDefinition.Generated(false, always, e, stored, spanFrom(start));
  }

  private void skipNullsDistinct() {
    if (accept("nulls", "not", "distinct") || accept("nulls", "distinct")) {
      return;
    }
  }

  private void skipIndexParameters() {
    while (true) {
      if (accept("include")) {
        skipParens();
      } else if (accept("with") && is(TokenType.LEFT_PAREN)) {
        skipParens();
      } else if (accept("using", "index", "tablespace")) {
        name();
      } else {
        return;
      }
    }
  }

  private ForeignKeyReference references() {
    QualifiedName table = qualifiedName();
    List<Name> cols = List.of();
    if (is(TokenType.LEFT_PAREN)) {
      cols = List.copyOf(nameList());
    }
    String onDelete = null;
    String onUpdate = null;
    while (true) {
      if (accept("match")) {
        name();
      } else if (accept("on", "delete")) {
        onDelete = referentialAction();
      } else if (accept("on", "update")) {
        onUpdate = referentialAction();
      } else {
        break;
      }
    }
    return new ForeignKeyReference(table, cols, onDelete, onUpdate);
  }

  private String referentialAction() {
    if (accept("no", "action")) {
      return "NO ACTION";
    }
    if (accept("restrict")) {
      return "RESTRICT";
    }
    if (accept("cascade")) {
      return "CASCADE";
    }
    if (accept("set", "null")) {
      if (is(TokenType.LEFT_PAREN)) {
        skipParens();
      }
      return "SET NULL";
    }
    if (accept("set", "default")) {
      if (is(TokenType.LEFT_PAREN)) {
        skipParens();
      }
      return "SET DEFAULT";
    }
    throw fail("expected a referential action");
  }

  /** {@code [CONSTRAINT name] CHECK|UNIQUE|PRIMARY KEY|FOREIGN KEY|EXCLUDE|NOT NULL ...}. */
  private TableConstraint tableConstraint() {
    int start = pos;
    Name name = null;
    if (accept("constraint")) {
      name = name();
    }
    ConstraintType type;
    List<Name> columns = List.of();
    Expression check = null;
    ForeignKeyReference ref = null;
    Name usingIndex = null;
    if (accept("check")) {
      type = ConstraintType.CHECK;
      check = parenthesized();
    } else if (accept("unique")) {
      type = ConstraintType.UNIQUE;
      skipNullsDistinct();
      if (accept("using", "index")) {
        usingIndex = name();
      } else {
        columns = List.copyOf(nameList());
        skipIndexParameters();
      }
    } else if (accept("primary", "key")) {
      type = ConstraintType.PRIMARY_KEY;
      if (accept("using", "index")) {
        usingIndex = name();
      } else {
        columns = List.copyOf(nameList());
        skipIndexParameters();
      }
    } else if (accept("foreign", "key")) {
      type = ConstraintType.FOREIGN_KEY;
      columns = List.copyOf(nameList());
      expect("references");
      ref = references();
    } else if (accept("exclude")) {
      type = ConstraintType.EXCLUDE;
      if (accept("using")) {
        name();
      }
      columns = excludeElements();
      skipIndexParameters();
      if (accept("where")) {
        parenthesized();
      }
    } else if (accept("not", "null")) {
      type = ConstraintType.NOT_NULL;
      columns = List.of(name());
    } else {
      throw fail("expected CHECK, UNIQUE, PRIMARY KEY, FOREIGN KEY or EXCLUDE");
    }
    boolean notValid = false;
    while (true) {
      if (accept("not", "valid")) {
        notValid = true;
      } else if (accept("no", "inherit")
          || accept("deferrable")
          || accept("not", "deferrable")
          || accept("initially", "deferred")
          || accept("initially", "immediate")
          || accept("not", "enforced")
          || accept("enforced")) {
        // attributes without effect on the model
      } else {
        break;
      }
    }
    return new TableConstraint(
        name, type, columns, check, ref, usingIndex, notValid, spanFrom(start));
  }

  private List<Name> excludeElements() {
    expect(TokenType.LEFT_PAREN, "'('");
    List<Name> cols = new ArrayList<>();
    while (!atEnd() && !is(TokenType.RIGHT_PAREN)) {
      if (isNameToken(pos) && (wordAt(pos + 1, "with") || t.is(pos + 1, TokenType.WORD))) {
        cols.add(name());
      }
      skipToComma();
      accept(TokenType.COMMA);
    }
    expect(TokenType.RIGHT_PAREN, "')'");
    return List.copyOf(cols);
  }

  // ---------------------------------------------------------------- types

  private TypeName typeName() {
    int start = pos;
    if (accept("setof")) {
      // SETOF in function signatures; kept in the text
    }
    if (!isNameToken(pos)) {
      throw fail("expected a data type");
    }
    StringBuilder canonical = new StringBuilder();
    String w = lower(pos);
    List<String> modifiers = new ArrayList<>(2);
    boolean quotedOrQualified = t.type(pos) != TokenType.WORD || t.is(pos + 1, TokenType.DOT);
    if (quotedOrQualified) {
      QualifiedName q = qualifiedName();
      canonical.append(q.toString());
    } else {
      pos++;
      switch (w) {
        case "double":
          expect("precision");
          canonical.append("double precision");
          break;
        case "character":
        case "char":
          canonical.append(accept("varying") ? "varchar" : "char");
          break;
        case "national":
          accept("character");
          accept("char");
          canonical.append(accept("varying") ? "varchar" : "char");
          break;
        case "bit":
          canonical.append(accept("varying") ? "varbit" : "bit");
          break;
        case "timestamp":
        case "time":
          {
            if (is(TokenType.LEFT_PAREN)) {
              modifiers(modifiers);
            }
            boolean tz = false;
            if (accept("with", "time", "zone")) {
              tz = true;
            } else {
              accept("without", "time", "zone");
            }
            canonical.append(tz ? (w.equals("time") ? "timetz" : "timestamptz") : w);
            break;
          }
        case "interval":
          canonical.append("interval");
          while (is(TokenType.WORD) && INTERVAL_FIELDS.contains(lower(pos))) {
            pos++;
          }
          break;
        default:
          canonical.append(TYPE_ALIASES.getOrDefault(w, Names.resolve(t, pos - 1)));
      }
    }
    if (is(TokenType.LEFT_PAREN) && modifiers.isEmpty()) {
      modifiers(modifiers);
    }
    if (canonical.toString().equals("interval")) {
      while (is(TokenType.WORD) && INTERVAL_FIELDS.contains(lower(pos))) {
        pos++;
      }
    }
    int dims = 0;
    while (true) {
      if (is(TokenType.LEFT_BRACKET)) {
        pos = matchParen(pos) + 1;
        dims++;
      } else if (word("array")) {
        pos++;
        if (is(TokenType.LEFT_BRACKET)) {
          pos = matchParen(pos) + 1;
        }
        dims++;
      } else {
        break;
      }
    }
    if (is(TokenType.OPERATOR) && t.text(pos).equals("%") && wordAt(pos + 1, "type")) {
      pos += 2;
    }
    return new TypeName(
        text(start, pos - 1), canonical.toString(), List.copyOf(modifiers), dims, spanFrom(start));
  }

  private void modifiers(List<String> out) {
    int close = matchParen(pos);
    int s = pos + 1;
    for (int i = pos + 1; i <= close; i++) {
      if (i == close || t.type(i) == TokenType.COMMA) {
        out.add(text(s, i - 1).trim());
        s = i + 1;
      }
    }
    pos = close + 1;
  }

  private static final Set<String> INTERVAL_FIELDS =
      Set.of("year", "month", "day", "hour", "minute", "second", "to");

  private static final Map<String, String> TYPE_ALIASES =
      Map.ofEntries(
          Map.entry("int", "integer"),
          Map.entry("int4", "integer"),
          Map.entry("integer", "integer"),
          Map.entry("int8", "bigint"),
          Map.entry("bigint", "bigint"),
          Map.entry("int2", "smallint"),
          Map.entry("smallint", "smallint"),
          Map.entry("varchar", "varchar"),
          Map.entry("bpchar", "char"),
          Map.entry("bool", "boolean"),
          Map.entry("boolean", "boolean"),
          Map.entry("float8", "double precision"),
          Map.entry("float4", "real"),
          Map.entry("real", "real"),
          Map.entry("float", "double precision"),
          Map.entry("decimal", "numeric"),
          Map.entry("numeric", "numeric"),
          Map.entry("timestamptz", "timestamptz"),
          Map.entry("timetz", "timetz"),
          Map.entry("serial", "serial"),
          Map.entry("serial4", "serial"),
          Map.entry("bigserial", "bigserial"),
          Map.entry("serial8", "bigserial"),
          Map.entry("smallserial", "smallserial"),
          Map.entry("serial2", "smallserial"),
          Map.entry("varbit", "varbit"),
          Map.entry("text", "text"),
          Map.entry("json", "json"),
          Map.entry("jsonb", "jsonb"),
          Map.entry("uuid", "uuid"));

  // ---------------------------------------------------------------- ALTER TABLE

  private Statement alter() {
    pos = first + 1;
    if (word("table")) {
      pos++;
      return alterTable(ObjectKind.TABLE);
    }
    if (accept("foreign", "table")) {
      return alterTable(ObjectKind.FOREIGN_TABLE);
    }
    if (accept("type")) {
      return alterType();
    }
    if (accept("domain")) {
      return alterDomain();
    }
    if (word("system") || word("default") || word("large")) {
      return other();
    }
    int kindStart = pos;
    ObjectKind kind = objectKind();
    if (kind == null) {
      return other();
    }
    if (accept("all", "in")) {
      return other();
    }
    boolean ifExists = accept("if", "exists");
    QualifiedName name;
    if (kind == ObjectKind.USER_MAPPING
        || kind == ObjectKind.OPERATOR
        || kind == ObjectKind.CAST
        || kind == ObjectKind.LARGE_OBJECT
        || kind == ObjectKind.OTHER) {
      pos = kindStart;
      return other();
    }
    name = qualifiedName();
    skipParens();
    QualifiedName onTable = null;
    if (accept("on")) {
      onTable = qualifiedName();
    }
    int opStart = pos;
    AlterObject.Operation op = AlterObject.Operation.OTHER;
    Name newName = null;
    if (accept("rename", "to")) {
      op = AlterObject.Operation.RENAME;
      newName = name();
    } else if (word("rename")) {
      pos++;
      accept("column");
      name();
      expect("to");
      op = AlterObject.Operation.RENAME_COLUMN;
      newName = name();
    } else if (accept("owner", "to")) {
      op = AlterObject.Operation.OWNER;
      newName = name();
    } else if (accept("set", "schema")) {
      op = AlterObject.Operation.SET_SCHEMA;
      newName = name();
    }
    String opText = upperWords(opStart, Math.min(last, opStart + 2));
    pos = last + 1;
    return new AlterObject(kind, name, ifExists, onTable, op, newName, opText, span());
  }

  private Statement alterTable(ObjectKind kind) {
    if (accept("all", "in")) {
      pos = last + 1;
      return other();
    }
    boolean ifExists = accept("if", "exists");
    boolean only = accept("only");
    QualifiedName table = qualifiedName();
    if (is(TokenType.OPERATOR) && t.text(pos).equals("*")) {
      pos++;
    }
    List<AlterTableAction> actions = new ArrayList<>();
    do {
      actions.add(alterTableAction());
      if (!atEnd() && !is(TokenType.COMMA)) {
        throw fail("expected ',' or end of statement after an ALTER TABLE action");
      }
    } while (accept(TokenType.COMMA));
    return new AlterTable(table, kind, ifExists, only, List.copyOf(actions), span());
  }

  private AlterTableAction alterTableAction() {
    int start = pos;
    if (accept("add")) {
      if (accept("column")) {
        boolean ifNotExists = accept("if", "not", "exists");
        ColumnDefinition c = columnDefinition(false);
        return new AddColumn(c, ifNotExists, spanFrom(start));
      }
      if (isTableConstraintStart()) {
        TableConstraint c = tableConstraint();
        return new AddConstraint(c, spanFrom(start));
      }
      boolean ifNotExists = accept("if", "not", "exists");
      ColumnDefinition c = columnDefinition(false);
      return new AddColumn(c, ifNotExists, spanFrom(start));
    }
    if (accept("drop")) {
      if (accept("constraint")) {
        boolean ifExists = accept("if", "exists");
        Name n = name();
        boolean cascade = dropBehaviour();
        return new DropConstraint(n, ifExists, cascade, spanFrom(start));
      }
      accept("column");
      boolean ifExists = accept("if", "exists");
      Name n = name();
      boolean cascade = dropBehaviour();
      return new DropColumn(n, ifExists, cascade, spanFrom(start));
    }
    if (word("alter")) {
      pos++;
      if (word("constraint")) {
        pos++;
        name();
        skipToComma();
        return new OtherAction("ALTER CONSTRAINT", spanFrom(start));
      }
      accept("column");
      Name column = name();
      return alterColumn(start, column);
    }
    if (accept("validate", "constraint")) {
      return new ValidateConstraint(name(), spanFrom(start));
    }
    if (accept("rename")) {
      if (accept("to")) {
        return new RenameTable(name(), spanFrom(start));
      }
      if (accept("constraint")) {
        Name from = name();
        expect("to");
        return new RenameConstraint(from, name(), spanFrom(start));
      }
      accept("column");
      Name from = name();
      expect("to");
      return new RenameColumn(from, name(), spanFrom(start));
    }
    if (word("set")) {
      if (accept("set", "logged")) {
        return new SetPersistence(true, spanFrom(start));
      }
      if (accept("set", "unlogged")) {
        return new SetPersistence(false, spanFrom(start));
      }
      if (accept("set", "tablespace")) {
        return new SetTablespace(name(), spanFrom(start));
      }
      if (accept("set", "access", "method")) {
        return new SetAccessMethod(name(), spanFrom(start));
      }
      if (accept("set", "schema")) {
        return new SetSchema(name(), spanFrom(start));
      }
    }
    if (accept("attach", "partition")) {
      QualifiedName p = qualifiedName();
      int boundStart = pos;
      int lastBound = skipToComma();
      return new AttachPartition(p, text(boundStart, lastBound), spanFrom(start));
    }
    if (accept("detach", "partition")) {
      QualifiedName p = qualifiedName();
      boolean concurrently = accept("concurrently");
      boolean finalizeDetach = accept("finalize");
      return new DetachPartition(p, concurrently, finalizeDetach, spanFrom(start));
    }
    if (accept("owner", "to")) {
      return new OwnerTo(name(), spanFrom(start));
    }
    if (accept("replica", "identity")) {
      int s = pos;
      int e = skipToComma();
      return new ReplicaIdentity(
          text(s, e).toUpperCase(Locale.ROOT).replaceAll("\\s+", " "), spanFrom(start));
    }
    if (is(TokenType.WORD) && OTHER_ACTIONS.contains(lower(pos))) {
      String op = upperWords(pos, pos + 1);
      skipToComma();
      return new OtherAction(op, spanFrom(start));
    }
    throw fail("expected an ALTER TABLE action");
  }

  private static final Set<String> OTHER_ACTIONS =
      Set.of("enable", "disable", "force", "no", "cluster", "set", "reset", "inherit", "of", "not");

  private AlterTableAction alterColumn(int start, Name column) {
    if (accept("set", "data", "type") || accept("type")) {
      TypeName type = typeName();
      String collation = null;
      if (accept("collate")) {
        collation = qualifiedName().toString();
      }
      Expression using = null;
      if (accept("using")) {
        using = expression(Set.of());
      }
      return new AlterColumnType(column, type, collation, using, spanFrom(start));
    }
    if (accept("set", "default")) {
      return new SetDefault(column, expression(Set.of()), spanFrom(start));
    }
    if (accept("drop", "default")) {
      return new DropDefault(column, spanFrom(start));
    }
    if (accept("set", "not", "null")) {
      return new SetNotNull(column, spanFrom(start));
    }
    if (accept("drop", "not", "null")) {
      return new DropNotNull(column, spanFrom(start));
    }
    if (accept("add", "generated")) {
      boolean always;
      if (accept("always")) {
        always = true;
      } else {
        expect("by");
        expect("default");
        always = false;
      }
      expect("as");
      expect("identity");
      skipParens();
      return new AddIdentity(column, always, spanFrom(start));
    }
    if (word("set") || word("drop") || word("reset") || word("restart") || word("add")) {
      String op = upperWords(pos, pos + 1);
      skipToComma();
      return new AlterColumnOther(column, op, spanFrom(start));
    }
    throw fail("expected a column alteration for " + column.value());
  }

  private boolean dropBehaviour() {
    if (accept("cascade")) {
      return true;
    }
    accept("restrict");
    return false;
  }

  // ---------------------------------------------------------------- object kinds and DROP

  /** Consumes the words of an object kind; null (nothing consumed) when none is there. */
  private ObjectKind objectKind() {
    if (!is(TokenType.WORD)) {
      return null;
    }
    String w = lower(pos);
    String w2 = pos + 1 <= last && t.type(pos + 1) == TokenType.WORD ? lower(pos + 1) : "";
    ObjectKind kind;
    int words = 1;
    switch (w) {
      case "table":
        kind = ObjectKind.TABLE;
        break;
      case "foreign":
        if (w2.equals("table")) {
          kind = ObjectKind.FOREIGN_TABLE;
          words = 2;
        } else if (w2.equals("data")) {
          kind = ObjectKind.FOREIGN_DATA_WRAPPER;
          words = 3;
        } else {
          return null;
        }
        break;
      case "view":
        kind = ObjectKind.VIEW;
        break;
      case "materialized":
        kind = ObjectKind.MATERIALIZED_VIEW;
        words = 2;
        break;
      case "index":
        kind = ObjectKind.INDEX;
        break;
      case "sequence":
        kind = ObjectKind.SEQUENCE;
        break;
      case "type":
        kind = ObjectKind.TYPE;
        break;
      case "domain":
        kind = ObjectKind.DOMAIN;
        break;
      case "function":
        kind = ObjectKind.FUNCTION;
        break;
      case "procedure":
        kind = ObjectKind.PROCEDURE;
        break;
      case "routine":
        kind = ObjectKind.ROUTINE;
        break;
      case "aggregate":
        kind = ObjectKind.AGGREGATE;
        break;
      case "trigger":
        kind = ObjectKind.TRIGGER;
        break;
      case "event":
        kind = ObjectKind.EVENT_TRIGGER;
        words = 2;
        break;
      case "schema":
        kind = ObjectKind.SCHEMA;
        break;
      case "database":
        kind = ObjectKind.DATABASE;
        break;
      case "extension":
        kind = ObjectKind.EXTENSION;
        break;
      case "column":
        kind = ObjectKind.COLUMN;
        break;
      case "constraint":
        kind = ObjectKind.CONSTRAINT;
        break;
      case "policy":
        kind = ObjectKind.POLICY;
        break;
      case "rule":
        kind = ObjectKind.RULE;
        break;
      case "role":
        kind = ObjectKind.ROLE;
        break;
      case "user":
        if (w2.equals("mapping")) {
          kind = ObjectKind.USER_MAPPING;
          words = 2;
        } else {
          kind = ObjectKind.USER;
        }
        break;
      case "group":
        kind = ObjectKind.GROUP;
        break;
      case "tablespace":
        kind = ObjectKind.TABLESPACE;
        break;
      case "server":
        kind = ObjectKind.SERVER;
        break;
      case "publication":
        kind = ObjectKind.PUBLICATION;
        break;
      case "subscription":
        kind = ObjectKind.SUBSCRIPTION;
        break;
      case "collation":
        kind = ObjectKind.COLLATION;
        break;
      case "conversion":
        kind = ObjectKind.CONVERSION;
        break;
      case "operator":
        kind = ObjectKind.OPERATOR;
        if (w2.equals("class") || w2.equals("family")) {
          words = 2;
        }
        break;
      case "cast":
        kind = ObjectKind.CAST;
        break;
      case "statistics":
        kind = ObjectKind.STATISTICS;
        break;
      case "language":
        kind = ObjectKind.LANGUAGE;
        break;
      case "procedural":
        kind = ObjectKind.LANGUAGE;
        words = 2;
        break;
      case "text":
        if (!w2.equals("search")) {
          return null;
        }
        kind = ObjectKind.TEXT_SEARCH;
        words = 3;
        break;
      case "access":
        kind = ObjectKind.ACCESS_METHOD;
        words = 2;
        break;
      case "transform":
        kind = ObjectKind.TRANSFORM;
        break;
      case "owned":
        kind = ObjectKind.OWNED;
        words = 2;
        break;
      case "large":
        kind = ObjectKind.LARGE_OBJECT;
        words = 2;
        break;
      case "large_object":
        return null;
      default:
        return null;
    }
    pos += words;
    return kind;
  }

  private Statement drop() {
    pos = first + 1;
    int kindStart = pos;
    ObjectKind kind = objectKind();
    if (kind == null) {
      return other();
    }
    boolean concurrently = accept("concurrently");
    boolean ifExists = accept("if", "exists");
    List<QualifiedName> names = new ArrayList<>();
    QualifiedName onTable = null;
    boolean cascade = false;
    if (kind == ObjectKind.CAST
        || kind == ObjectKind.OWNED
        || kind == ObjectKind.USER_MAPPING
        || kind == ObjectKind.TRANSFORM
        || kind == ObjectKind.OPERATOR) {
      pos = last + 1;
      return new DropStatement(
          kind, List.of(), ifExists, t.isWord(last, "cascade"), concurrently, null, span());
    }
    if (kindStart == pos) {
      throw fail("expected an object kind after DROP");
    }
    do {
      names.add(qualifiedName());
      skipParens();
    } while (accept(TokenType.COMMA));
    if (accept("on")) {
      onTable = qualifiedName();
    }
    if (kind == ObjectKind.DATABASE && is(TokenType.LEFT_PAREN)) {
      skipParens();
    }
    cascade = dropBehaviour();
    return new DropStatement(
        kind, List.copyOf(names), ifExists, cascade, concurrently, onTable, span());
  }

  // ---------------------------------------------------------------- CREATE INDEX

  private Statement createIndex(boolean unique) {
    expect("index");
    boolean concurrently = accept("concurrently");
    boolean ifNotExists = accept("if", "not", "exists");
    Name name = null;
    if (!word("on")) {
      name = name();
    }
    expect("on");
    boolean only = accept("only");
    QualifiedName table = qualifiedName();
    String method = "btree";
    if (accept("using")) {
      method = name().value();
    }
    expect(TokenType.LEFT_PAREN, "'(' before the index columns");
    List<Expression> elements = new ArrayList<>();
    while (true) {
      int s = pos;
      int e = skipToComma();
      if (e < s) {
        throw fail("expected an index column");
      }
      elements.add(Expression.from(t, s, e));
      if (!accept(TokenType.COMMA)) {
        break;
      }
    }
    expect(TokenType.RIGHT_PAREN, "')'");
    List<Name> include = List.of();
    Expression where = null;
    while (!atEnd()) {
      if (accept("include")) {
        include = List.copyOf(nameList());
      } else if (accept("nulls")) {
        accept("not");
        expect("distinct");
      } else if (accept("with")) {
        skipParens();
      } else if (accept("tablespace")) {
        name();
      } else if (accept("where")) {
        where = expression(Set.of());
      } else {
        throw fail("unexpected text after the index columns");
      }
    }
    return new CreateIndex(
        name,
        table,
        unique,
        concurrently,
        ifNotExists,
        only,
        method,
        List.copyOf(elements),
        include,
        where,
        span());
  }

  // ---------------------------------------------------------------- maintenance

  private Statement reindex() {
    pos = first + 1;
    skipParens();
    if (!is(TokenType.WORD)) {
      throw fail("expected INDEX, TABLE, SCHEMA, DATABASE or SYSTEM");
    }
    String target = t.text(pos).toUpperCase(Locale.ROOT);
    pos++;
    boolean concurrently = accept("concurrently");
    QualifiedName name = null;
    if (!atEnd()) {
      name = qualifiedName();
    }
    return new Reindex(target, name, concurrently, span());
  }

  private Statement vacuum() {
    pos = first + 1;
    boolean full = false;
    boolean analyze = false;
    if (is(TokenType.LEFT_PAREN)) {
      int close = matchParen(pos);
      for (int i = pos + 1; i < close; i++) {
        if (t.isWord(i, "full") && !t.isWord(i + 1, "false") && !t.isWord(i + 1, "off")) {
          full = true;
        }
        if (t.isWord(i, "analyze") || t.isWord(i, "analyse")) {
          analyze = true;
        }
      }
      pos = close + 1;
    }
    while (is(TokenType.WORD)
        && (word("full")
            || word("freeze")
            || word("verbose")
            || word("analyze")
            || word("analyse"))) {
      if (word("full")) {
        full = true;
      } else if (word("analyze") || word("analyse")) {
        analyze = true;
      }
      pos++;
    }
    return new Vacuum(full, analyze, tableList(), span());
  }

  private List<QualifiedName> tableList() {
    List<QualifiedName> tables = new ArrayList<>();
    while (!atEnd()) {
      accept("only");
      tables.add(qualifiedName());
      if (is(TokenType.OPERATOR) && t.text(pos).equals("*")) {
        pos++;
      }
      skipParens();
      if (!accept(TokenType.COMMA)) {
        break;
      }
    }
    return List.copyOf(tables);
  }

  private Statement analyze() {
    pos = first + 1;
    skipParens();
    accept("verbose");
    return new Analyze(tableList(), span());
  }

  private Statement cluster() {
    pos = first + 1;
    skipParens();
    accept("verbose");
    if (atEnd()) {
      return new Cluster(null, null, span());
    }
    QualifiedName a = qualifiedName();
    if (accept("on")) {
      QualifiedName table = qualifiedName();
      return new Cluster(table, new Name(a.name(), a.span()), span());
    }
    Name index = null;
    if (accept("using")) {
      index = name();
    }
    return new Cluster(a, index, span());
  }

  private Statement truncate() {
    pos = first + 1;
    accept("table");
    List<QualifiedName> tables = new ArrayList<>();
    do {
      accept("only");
      tables.add(qualifiedName());
      if (is(TokenType.OPERATOR) && t.text(pos).equals("*")) {
        pos++;
      }
    } while (accept(TokenType.COMMA));
    boolean restart = false;
    boolean cascade = false;
    while (!atEnd()) {
      if (accept("restart", "identity")) {
        restart = true;
      } else if (accept("continue", "identity")) {
        restart = false;
      } else if (accept("cascade")) {
        cascade = true;
      } else if (accept("restrict")) {
        cascade = false;
      } else {
        throw fail("unexpected text in TRUNCATE");
      }
    }
    return new Truncate(List.copyOf(tables), cascade, restart, span());
  }

  private Statement lock() {
    pos = first + 1;
    accept("table");
    List<QualifiedName> tables = new ArrayList<>();
    do {
      accept("only");
      tables.add(qualifiedName());
      if (is(TokenType.OPERATOR) && t.text(pos).equals("*")) {
        pos++;
      }
    } while (accept(TokenType.COMMA));
    String mode = "ACCESS EXCLUSIVE";
    if (accept("in")) {
      int s = pos;
      while (!atEnd() && !word("mode")) {
        pos++;
      }
      mode = upperWords(s, pos - 1);
      expect("mode");
    }
    boolean nowait = accept("nowait");
    return new LockTable(List.copyOf(tables), mode, nowait, span());
  }

  private Statement refresh() {
    pos = first + 1;
    if (!accept("materialized", "view")) {
      return other();
    }
    boolean concurrently = accept("concurrently");
    QualifiedName name = qualifiedName();
    boolean withData = true;
    if (accept("with", "no", "data")) {
      withData = false;
    } else {
      accept("with", "data");
    }
    return new RefreshMaterializedView(name, concurrently, withData, span());
  }

  // ---------------------------------------------------------------- types and domains

  private Statement createType() {
    expect("type");
    QualifiedName name = qualifiedName();
    if (atEnd()) {
      return new CreateType(name, CreateType.Variant.SHELL, List.of(), List.of(), span());
    }
    if (accept("as", "enum")) {
      expect(TokenType.LEFT_PAREN, "'('");
      List<String> values = new ArrayList<>();
      while (!is(TokenType.RIGHT_PAREN)) {
        if (!is(TokenType.STRING) && !is(TokenType.ESCAPE_STRING)) {
          throw fail("expected an enum label string");
        }
        values.add(Literals.stringValue(t, pos));
        pos++;
        if (!accept(TokenType.COMMA)) {
          break;
        }
      }
      expect(TokenType.RIGHT_PAREN, "')'");
      return new CreateType(name, CreateType.Variant.ENUM, List.copyOf(values), List.of(), span());
    }
    if (accept("as", "range")) {
      skipParens();
      return new CreateType(name, CreateType.Variant.RANGE, List.of(), List.of(), span());
    }
    if (accept("as")) {
      expect(TokenType.LEFT_PAREN, "'('");
      List<ColumnDefinition> attributes = new ArrayList<>();
      if (!is(TokenType.RIGHT_PAREN)) {
        do {
          attributes.add(columnDefinition(false));
        } while (accept(TokenType.COMMA));
      }
      expect(TokenType.RIGHT_PAREN, "')'");
      return new CreateType(
          name, CreateType.Variant.COMPOSITE, List.of(), List.copyOf(attributes), span());
    }
    if (is(TokenType.LEFT_PAREN)) {
      skipParens();
      return new CreateType(name, CreateType.Variant.BASE, List.of(), List.of(), span());
    }
    throw fail("expected AS ENUM, AS (...), AS RANGE or (...)");
  }

  private Statement alterType() {
    QualifiedName name = qualifiedName();
    if (accept("add", "value")) {
      boolean ifNotExists = accept("if", "not", "exists");
      String value = stringLiteral();
      String neighbor = null;
      boolean before = false;
      if (accept("before")) {
        before = true;
        neighbor = stringLiteral();
      } else if (accept("after")) {
        neighbor = stringLiteral();
      }
      return new AlterType(
          name,
          AlterType.Operation.ADD_VALUE,
          value,
          null,
          ifNotExists,
          neighbor,
          before,
          null,
          span());
    }
    if (accept("rename", "value")) {
      String from = stringLiteral();
      expect("to");
      String to = stringLiteral();
      return new AlterType(
          name, AlterType.Operation.RENAME_VALUE, from, to, false, null, false, null, span());
    }
    if (accept("rename", "to")) {
      return new AlterType(
          name, AlterType.Operation.RENAME, null, null, false, null, false, name(), span());
    }
    if (accept("owner", "to")) {
      return new AlterType(
          name, AlterType.Operation.OWNER, null, null, false, null, false, name(), span());
    }
    if (accept("set", "schema")) {
      return new AlterType(
          name, AlterType.Operation.SET_SCHEMA, null, null, false, null, false, name(), span());
    }
    if (accept("rename", "attribute")) {
      Name from = name();
      expect("to");
      Name to = name();
      pos = last + 1;
      return new AlterType(
          name,
          AlterType.Operation.RENAME_ATTRIBUTE,
          from.value(),
          to.value(),
          false,
          null,
          false,
          to,
          span());
    }
    AlterType.Operation op = AlterType.Operation.OTHER;
    if (word("add") && wordAt(pos + 1, "attribute")) {
      op = AlterType.Operation.ADD_ATTRIBUTE;
    } else if (word("drop") && wordAt(pos + 1, "attribute")) {
      op = AlterType.Operation.DROP_ATTRIBUTE;
    } else if (word("alter") && wordAt(pos + 1, "attribute")) {
      op = AlterType.Operation.ALTER_ATTRIBUTE;
    }
    String value = null;
    if (op != AlterType.Operation.OTHER) {
      pos += 2;
      accept("if", "exists");
      value = name().value();
    }
    pos = last + 1;
    return new AlterType(name, op, value, null, false, null, false, null, span());
  }

  private String stringLiteral() {
    if (!is(TokenType.STRING) && !is(TokenType.ESCAPE_STRING) && !is(TokenType.DOLLAR_STRING)) {
      throw fail("expected a string literal");
    }
    String v = Literals.stringValue(t, pos);
    pos++;
    return v;
  }

  private Statement createDomain() {
    expect("domain");
    QualifiedName name = qualifiedName();
    accept("as");
    TypeName type = typeName();
    Expression defaultValue = null;
    boolean notNull = false;
    List<TableConstraint> checks = new ArrayList<>();
    while (!atEnd()) {
      int s = pos;
      Name cname = null;
      if (accept("constraint")) {
        cname = name();
      }
      if (accept("collate")) {
        qualifiedName();
      } else if (accept("default")) {
        defaultValue = expression(COLUMN_EXPRESSION_STOPS);
      } else if (accept("not", "null")) {
        notNull = true;
      } else if (accept("null")) {
        notNull = false;
      } else if (accept("check")) {
        Expression check = parenthesized();
        boolean notValid = accept("not", "valid");
        checks.add(
            new TableConstraint(
                cname, ConstraintType.CHECK, List.of(), check, null, null, notValid, spanFrom(s)));
      } else {
        throw fail("unexpected text in CREATE DOMAIN");
      }
    }
    return new CreateDomain(name, type, defaultValue, notNull, List.copyOf(checks), span());
  }

  private Statement alterDomain() {
    QualifiedName name = qualifiedName();
    AlterDomain.Operation op;
    TableConstraint constraint = null;
    Name constraintName = null;
    Expression defaultValue = null;
    Name newName = null;
    if (accept("set", "default")) {
      op = AlterDomain.Operation.SET_DEFAULT;
      defaultValue = expression(Set.of());
    } else if (accept("drop", "default")) {
      op = AlterDomain.Operation.DROP_DEFAULT;
    } else if (accept("set", "not", "null")) {
      op = AlterDomain.Operation.SET_NOT_NULL;
    } else if (accept("drop", "not", "null")) {
      op = AlterDomain.Operation.DROP_NOT_NULL;
    } else if (accept("add")) {
      op = AlterDomain.Operation.ADD_CONSTRAINT;
      constraint = tableConstraint();
    } else if (accept("drop", "constraint")) {
      op = AlterDomain.Operation.DROP_CONSTRAINT;
      accept("if", "exists");
      constraintName = name();
      dropBehaviour();
    } else if (accept("rename", "constraint")) {
      op = AlterDomain.Operation.RENAME_CONSTRAINT;
      constraintName = name();
      expect("to");
      newName = name();
    } else if (accept("validate", "constraint")) {
      op = AlterDomain.Operation.VALIDATE_CONSTRAINT;
      constraintName = name();
    } else if (accept("owner", "to")) {
      op = AlterDomain.Operation.OWNER;
      newName = name();
    } else if (accept("rename", "to")) {
      op = AlterDomain.Operation.RENAME;
      newName = name();
    } else if (accept("set", "schema")) {
      op = AlterDomain.Operation.SET_SCHEMA;
      newName = name();
    } else {
      throw fail("expected an ALTER DOMAIN action");
    }
    return new AlterDomain(name, op, constraint, constraintName, defaultValue, newName, span());
  }

  // ---------------------------------------------------------------- views, functions, triggers

  private Statement createView(boolean orReplace, boolean materialized, boolean temporary) {
    expect(materialized ? "view" : "view");
    boolean ifNotExists = accept("if", "not", "exists");
    QualifiedName name = qualifiedName();
    List<Name> columns = List.of();
    if (is(TokenType.LEFT_PAREN)) {
      columns = List.copyOf(nameList());
    }
    while (!atEnd() && !word("as")) {
      if (is(TokenType.LEFT_PAREN)) {
        skipParens();
      } else {
        pos++;
      }
    }
    expect("as");
    int queryStart = pos;
    int queryEnd = last;
    boolean withData = true;
    if (materialized && hasWithNoData()) {
      withData = false;
      queryEnd = last - 3;
    } else if (materialized
        && last >= first + 1
        && t.isWord(last, "data")
        && t.isWord(last - 1, "with")) {
      queryEnd = last - 2;
    } else if (!materialized && t.isWord(last, "option") && t.isWord(last - 1, "check")) {
      queryEnd = last - 2;
      while (queryEnd > queryStart
          && (t.isWord(queryEnd, "with")
              || t.isWord(queryEnd, "cascaded")
              || t.isWord(queryEnd, "local"))) {
        queryEnd--;
      }
    }
    if (queryEnd < queryStart) {
      throw fail("expected the view's query");
    }
    pos = last + 1;
    return new CreateView(
        name,
        orReplace,
        materialized,
        temporary,
        ifNotExists,
        columns,
        text(queryStart, queryEnd),
        t.span(queryStart, queryEnd),
        referencedTables(queryStart, queryEnd),
        withData,
        span());
  }

  private List<QualifiedName> referencedTables(int from, int to) {
    List<QualifiedName> out = new ArrayList<>();
    int saved = pos;
    for (int i = from; i <= to; i++) {
      if ((t.isWord(i, "from") || t.isWord(i, "join")) && i + 1 <= to && isNameToken(i + 1)) {
        int j = i + 1;
        do {
          if (!isNameToken(j) || Classifier.RESERVED_AFTER_FROM.contains(lower(j))) {
            break;
          }
          pos = j;
          QualifiedName q = qualifiedName();
          if (!out.contains(q)) {
            boolean seen = false;
            for (QualifiedName o : out) {
              if (o.toString().equals(q.toString())) {
                seen = true;
              }
            }
            if (!seen) {
              out.add(q);
            }
          }
          j = pos;
          // optional alias
          if (t.isWord(j, "as")) {
            j++;
          }
          if (j <= to && isNameToken(j) && !Classifier.RESERVED_AFTER_FROM.contains(lower(j))) {
            j++;
          }
          if (j <= to && t.is(j, TokenType.COMMA)) {
            j++;
            continue;
          }
          break;
        } while (j <= to);
      }
    }
    pos = saved;
    return List.copyOf(out);
  }

  private Statement createFunction(boolean orReplace, boolean procedure) {
    pos++;
    QualifiedName name = qualifiedName();
    if (!is(TokenType.LEFT_PAREN)) {
      throw fail("expected '(' after the function name");
    }
    int close = matchParen(pos);
    String arguments = text(pos + 1, close - 1);
    pos = close + 1;
    String returns = null;
    String language = null;
    String body = null;
    Span bodySpan = null;
    String volatility = null;
    while (!atEnd()) {
      if (accept("returns")) {
        int s = pos;
        if (accept("table")) {
          skipParens();
        } else {
          typeName();
        }
        returns = text(s, pos - 1);
      } else if (accept("language")) {
        language = nameOrString().value().toLowerCase(Locale.ROOT);
      } else if (accept("as")) {
        if (is(TokenType.DOLLAR_STRING) || is(TokenType.STRING) || is(TokenType.ESCAPE_STRING)) {
          int[] content = Literals.contentRange(t, pos);
          body = Literals.stringValue(t, pos);
          bodySpan = t.source().span(content[0], content[1]);
          pos++;
          if (accept(TokenType.COMMA)) {
            pos++;
          }
        } else {
          throw fail("expected the function body");
        }
      } else if (word("begin") && wordAt(pos + 1, "atomic")) {
        body = text(pos, last);
        bodySpan = t.span(pos, last);
        pos = last + 1;
      } else if (word("immutable") || word("stable") || word("volatile")) {
        volatility = t.text(pos).toUpperCase(Locale.ROOT);
        pos++;
      } else if (is(TokenType.LEFT_PAREN)) {
        skipParens();
      } else {
        pos++;
      }
    }
    return new CreateFunction(
        name,
        procedure,
        orReplace,
        arguments,
        returns,
        language,
        body,
        bodySpan,
        volatility,
        span());
  }

  private Statement createTrigger(boolean orReplace) {
    boolean constraint = accept("constraint");
    expect("trigger");
    Name name = name();
    String timing;
    if (accept("before")) {
      timing = "BEFORE";
    } else if (accept("after")) {
      timing = "AFTER";
    } else if (accept("instead", "of")) {
      timing = "INSTEAD OF";
    } else {
      throw fail("expected BEFORE, AFTER or INSTEAD OF");
    }
    List<String> events = new ArrayList<>();
    do {
      if (!is(TokenType.WORD)) {
        throw fail("expected a trigger event");
      }
      events.add(t.text(pos).toUpperCase(Locale.ROOT));
      pos++;
      if (accept("of")) {
        do {
          name();
        } while (accept(TokenType.COMMA));
      }
    } while (accept("or"));
    expect("on");
    QualifiedName table = qualifiedName();
    QualifiedName function = null;
    while (!atEnd()) {
      if (accept("execute")) {
        if (!accept("function")) {
          expect("procedure");
        }
        function = qualifiedName();
        skipParens();
      } else if (is(TokenType.LEFT_PAREN)) {
        skipParens();
      } else {
        pos++;
      }
    }
    if (function == null) {
      throw fail("expected EXECUTE FUNCTION");
    }
    return new CreateTrigger(
        name, table, orReplace, constraint, timing, List.copyOf(events), function, span());
  }

  // ---------------------------------------------------------------- SET, COMMENT, GRANT

  private Statement set() {
    pos = first + 1;
    boolean local = false;
    if (accept("local")) {
      local = true;
    } else if (word("session")
        && !wordAt(pos + 1, "authorization")
        && !wordAt(pos + 1, "characteristics")) {
      pos++;
    }
    String parameter;
    if (accept("time", "zone")) {
      parameter = "timezone";
    } else if (accept("session", "authorization")) {
      parameter = "session_authorization";
    } else if (accept("session", "characteristics")) {
      accept("as");
      parameter = "session_characteristics";
    } else if (accept("role")) {
      parameter = "role";
    } else if (accept("constraints")) {
      parameter = "constraints";
    } else if (accept("transaction")) {
      parameter = "transaction";
    } else if (accept("names")) {
      parameter = "client_encoding";
    } else if (accept("schema")) {
      parameter = "search_path";
    } else {
      StringBuilder b = new StringBuilder(name().value());
      while (accept(TokenType.DOT)) {
        b.append('.').append(name().value());
      }
      parameter = b.toString();
      if (!accept("to") && !(is(TokenType.OPERATOR) && t.text(pos).equals("="))) {
        throw fail("expected TO or = after SET " + parameter);
      }
      if (is(TokenType.OPERATOR)) {
        pos++;
      }
    }
    if (atEnd()) {
      throw fail("expected a value for SET " + parameter);
    }
    String value = settingValue(pos, last);
    pos = last + 1;
    return new SetStatement(local, parameter, value, false, span());
  }

  private String settingValue(int from, int to) {
    if (from == to) {
      TokenType type = t.type(from);
      if (type == TokenType.STRING || type == TokenType.ESCAPE_STRING) {
        return Literals.stringValue(t, from);
      }
      if (type == TokenType.WORD) {
        return lower(from);
      }
      return t.text(from);
    }
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      TokenType type = t.type(i);
      if (type == TokenType.COMMA) {
        b.append(", ");
      } else if (type == TokenType.STRING || type == TokenType.ESCAPE_STRING) {
        b.append(Literals.stringValue(t, i));
      } else {
        if (b.length() > 0
            && !b.toString().endsWith(" ")
            && type != TokenType.DOT
            && !t.is(i - 1, TokenType.DOT)) {
          b.append(' ');
        }
        b.append(t.text(i));
      }
    }
    return b.toString();
  }

  private Statement reset() {
    pos = first + 1;
    String parameter;
    if (accept("all")) {
      parameter = "all";
    } else if (accept("time", "zone")) {
      parameter = "timezone";
    } else if (accept("session", "authorization")) {
      parameter = "session_authorization";
    } else if (accept("role")) {
      parameter = "role";
    } else {
      StringBuilder b = new StringBuilder(name().value());
      while (accept(TokenType.DOT)) {
        b.append('.').append(name().value());
      }
      parameter = b.toString();
    }
    return new SetStatement(false, parameter, null, true, span());
  }

  private Statement comment() {
    pos = first + 1;
    expect("on");
    ObjectKind kind = objectKind();
    if (kind == null) {
      throw fail("expected the kind of object to comment on");
    }
    int targetStart = pos;
    int is = -1;
    int depth = 0;
    for (int i = pos; i <= last; i++) {
      TokenType type = t.type(i);
      if (type == TokenType.LEFT_PAREN) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN) {
        depth--;
      } else if (depth == 0 && t.isWord(i, "is")) {
        is = i;
      }
    }
    if (is < 0 || is == last) {
      throw fail("expected IS 'text'");
    }
    String target = text(targetStart, is - 1);
    String value = null;
    pos = is + 1;
    if (!accept("null")) {
      value = stringLiteral();
    }
    return new CommentOn(kind, target, value, span());
  }

  private Statement grant() {
    boolean grant = t.isWord(first, "grant");
    pos = first + 1;
    int on = -1;
    int to = -1;
    int depth = 0;
    for (int i = pos; i <= last; i++) {
      TokenType type = t.type(i);
      if (type == TokenType.LEFT_PAREN) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN) {
        depth--;
      } else if (depth == 0 && on < 0 && to < 0 && t.isWord(i, "on")) {
        on = i;
      } else if (depth == 0 && to < 0 && (t.isWord(i, grant ? "to" : "from"))) {
        to = i;
      }
    }
    if (to < 0) {
      throw fail(grant ? "expected TO" : "expected FROM");
    }
    String privileges = text(pos, (on >= 0 ? on : to) - 1);
    ObjectKind kind = null;
    String targets = null;
    if (on >= 0) {
      pos = on + 1;
      if (accept("all")) {
        int s = pos;
        while (pos < to && !word("in")) {
          pos++;
        }
        String plural = lower(s);
        kind =
            plural.startsWith("sequence")
                ? ObjectKind.SEQUENCE
                : plural.startsWith("function")
                    ? ObjectKind.FUNCTION
                    : plural.startsWith("procedure")
                        ? ObjectKind.PROCEDURE
                        : plural.startsWith("routine") ? ObjectKind.ROUTINE : ObjectKind.TABLE;
        pos = on + 1;
      } else {
        kind = objectKind();
        if (kind == null) {
          kind = ObjectKind.TABLE;
        }
      }
      targets = text(pos, to - 1);
    }
    int end = last;
    String grantees = text(to + 1, end);
    pos = last + 1;
    return new GrantRevoke(grant, privileges.trim(), kind, targets, grantees, span());
  }

  // ---------------------------------------------------------------- DO, CALL, COPY

  private Statement doBlock() {
    pos = first + 1;
    String language = "plpgsql";
    int bodyToken = -1;
    while (!atEnd()) {
      if (accept("language")) {
        language = nameOrString().value().toLowerCase(Locale.ROOT);
      } else if (is(TokenType.DOLLAR_STRING)
          || is(TokenType.STRING)
          || is(TokenType.ESCAPE_STRING)) {
        bodyToken = pos;
        pos++;
      } else {
        throw fail("expected the DO block's body");
      }
    }
    if (bodyToken < 0) {
      throw fail("expected the DO block's body");
    }
    int[] content = Literals.contentRange(t, bodyToken);
    String body = Literals.stringValue(t, bodyToken);
    Span bodySpan = t.source().span(content[0], content[1]);
    List<DoBlock.Embedded> embedded = new ArrayList<>();
    List<Span> dynamic = new ArrayList<>();
    if (language.equals("plpgsql")) {
      SourceText bodySource =
          t.type(bodyToken) == TokenType.DOLLAR_STRING
              ? t.source()
              : Literals.unescapedSource(t, bodyToken);
      Tokens bodyTokens =
          t.type(bodyToken) == TokenType.DOLLAR_STRING
              ? Lexer.lex(t.source(), content[0], content[1])
              : Lexer.lex(bodySource);
      Procedural.extract(bodyTokens, embedded, dynamic);
    }
    return new DoBlock(
        language, body, bodySpan, List.copyOf(embedded), List.copyOf(dynamic), span());
  }

  private Statement call() {
    pos = first + 1;
    QualifiedName name = qualifiedName();
    skipParens();
    return new Call(name, span());
  }

  private Statement copy() {
    pos = first + 1;
    QualifiedName table = null;
    if (is(TokenType.LEFT_PAREN)) {
      skipParens();
    } else {
      table = qualifiedName();
      skipParens();
    }
    boolean from;
    if (accept("from")) {
      from = true;
    } else if (accept("to")) {
      from = false;
    } else {
      throw fail("expected FROM or TO");
    }
    String source = atEnd() ? "" : t.text(pos).toUpperCase(Locale.ROOT);
    if (is(TokenType.STRING)) {
      source = Literals.stringValue(t, pos);
    }
    pos = last + 1;
    return new Copy(table, from, source, span());
  }

  // ---------------------------------------------------------------- DML

  private Statement with() {
    pos = first + 1;
    accept("recursive");
    do {
      name();
      skipParens();
      expect("as");
      accept("not");
      accept("materialized");
      if (!is(TokenType.LEFT_PAREN)) {
        throw fail("expected '(' after AS in WITH");
      }
      skipParens();
      if (accept("search") || accept("cycle")) {
        while (!atEnd() && !is(TokenType.COMMA) && !isDmlStart()) {
          pos++;
        }
      }
    } while (accept(TokenType.COMMA));
    if (word("insert")) {
      return insertAt(pos);
    }
    if (word("update")) {
      return updateAt(pos);
    }
    if (word("delete")) {
      return deleteAt(pos);
    }
    if (word("merge")) {
      return mergeAt(pos);
    }
    if (word("select") || word("values") || word("table") || is(TokenType.LEFT_PAREN)) {
      return selectAt(pos);
    }
    throw fail("expected SELECT, INSERT, UPDATE, DELETE or MERGE after WITH");
  }

  private boolean isDmlStart() {
    return word("insert") || word("update") || word("delete") || word("select") || word("merge");
  }

  private Statement insert() {
    return insertAt(first);
  }

  private Statement insertAt(int start) {
    pos = start + 1;
    expect("into");
    QualifiedName table = qualifiedName();
    if (accept("as")) {
      name();
    }
    if (is(TokenType.LEFT_PAREN) && !isSelectParen(pos)) {
      skipParens();
    }
    accept("overriding", "system", "value");
    accept("overriding", "user", "value");
    boolean fromQuery = !word("values") && !word("default");
    int depth0Limit = findWordAtDepth0(pos, "limit");
    boolean onConflict = false;
    for (int i = pos; i < last; i++) {
      if (t.isWord(i, "on") && t.isWord(i + 1, "conflict")) {
        onConflict = true;
        break;
      }
    }
    boolean bounded = !fromQuery || depth0Limit >= 0 || findWordAtDepth0(pos, "where") >= 0;
    pos = last + 1;
    return new DataStatement.Insert(table, fromQuery, onConflict, bounded, span());
  }

  private boolean isSelectParen(int open) {
    return t.isWord(open + 1, "select") || t.isWord(open + 1, "with");
  }

  private int findWordAtDepth0(int from, String w) {
    return Procedural.findWord(t, from, last, w);
  }

  private boolean containsWord(int from, String w) {
    for (int i = from; i <= last; i++) {
      if (t.isWord(i, w)) {
        return true;
      }
    }
    return false;
  }

  private Expression whereClause(int from) {
    int where = findWordAtDepth0(from, "where");
    if (where < 0 || where == last) {
      return null;
    }
    int end = last;
    int returning = findWordAtDepth0(where, "returning");
    if (returning > where) {
      end = returning - 1;
    }
    return Expression.from(t, where + 1, end);
  }

  private Statement update() {
    return updateAt(first);
  }

  private Statement updateAt(int start) {
    pos = start + 1;
    boolean only = accept("only");
    QualifiedName table = qualifiedName();
    if (is(TokenType.OPERATOR) && t.text(pos).equals("*")) {
      pos++;
    }
    if (!word("set")) {
      accept("as");
      if (!word("set")) {
        name();
      }
    }
    expect("set");
    Expression where = whereClause(pos);
    boolean limited = containsWord(pos, "limit");
    pos = last + 1;
    return new DataStatement.Update(table, only, where, limited, span());
  }

  private Statement delete() {
    return deleteAt(first);
  }

  private Statement deleteAt(int start) {
    pos = start + 1;
    expect("from");
    boolean only = accept("only");
    QualifiedName table = qualifiedName();
    Expression where = whereClause(pos);
    boolean limited = containsWord(pos, "limit");
    pos = last + 1;
    return new DataStatement.Delete(table, only, where, limited, span());
  }

  private Statement merge() {
    return mergeAt(first);
  }

  private Statement mergeAt(int start) {
    pos = start + 1;
    expect("into");
    accept("only");
    QualifiedName table = qualifiedName();
    boolean limited = containsWord(pos, "limit");
    pos = last + 1;
    return new DataStatement.Merge(table, limited, span());
  }

  private Statement select() {
    return selectAt(first);
  }

  private Statement selectAt(int start) {
    QualifiedName table = null;
    int from = findWordAtDepth0(start, "from");
    if (t.isWord(start, "table") && start + 1 <= last) {
      pos = start + 1;
      table = qualifiedName();
    } else if (from >= 0 && from < last && isNameToken(from + 1)) {
      pos = from + 1;
      accept("only");
      if (isNameToken(pos)) {
        table = qualifiedName();
      }
    }
    List<String> functions = new ArrayList<>();
    int depth = 0;
    int stop = from >= 0 ? from : last + 1;
    for (int i = start; i < stop; i++) {
      TokenType type = t.type(i);
      if (type == TokenType.LEFT_PAREN) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN) {
        depth--;
      } else if (depth == 0 && type == TokenType.WORD && t.is(i + 1, TokenType.LEFT_PAREN)) {
        functions.add(lower(i));
      }
    }
    boolean bounded =
        from < 0
            || findWordAtDepth0(start, "where") >= 0
            || findWordAtDepth0(start, "limit") >= 0
            || findWordAtDepth0(start, "fetch") >= 0;
    pos = last + 1;
    return new DataStatement.Select(table, bounded, List.copyOf(functions), span());
  }
}
