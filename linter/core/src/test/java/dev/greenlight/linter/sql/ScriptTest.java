package dev.greenlight.linter.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScriptTest {

  private static Script split(String sql) {
    return Script.split(SourceText.of(sql));
  }

  private static List<String> texts(String sql) {
    Script s = split(sql);
    return s.statements().stream().map(st -> st.span().text(sql)).collect(Collectors.toList());
  }

  @Test
  void splitsAtTopLevelSemicolonsOnly() {
    String sql =
        "insert into t values ('a;b'); -- c;d\n"
            + "/* e; f */ select \"x;y\" from t;\n"
            + "do $$ begin perform 1; end $$;\n"
            + "select (select 1; ) ;";
    assertThat(texts(sql))
        .containsExactly(
            "insert into t values ('a;b')",
            "select \"x;y\" from t",
            "do $$ begin perform 1; end $$",
            "select (select 1; )");
  }

  @Test
  void beginAtomicFunctionBodiesKeepTheirSemicolons() {
    String sql =
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql\n"
            + "BEGIN ATOMIC\n  SELECT 1;\n  SELECT CASE WHEN true THEN 2 END;\nEND;\n"
            + "SELECT 3;";
    List<String> t = texts(sql);
    assertThat(t).hasSize(2);
    assertThat(t.get(0)).startsWith("CREATE FUNCTION").endsWith("END");
    assertThat(t.get(1)).isEqualTo("SELECT 3");
  }

  @Test
  void spanExcludesTheSemicolonAndIsExact() {
    String sql = "\n  ALTER TABLE orders DROP COLUMN legacy_ref;\nSELECT 1";
    Script s = split(sql);
    assertThat(s.statements().get(0).span().toString()).isEqualTo("2:3-2:43");
    assertThat(s.statements().get(0).unterminated()).isFalse();
    assertThat(s.statements().get(1).span().toString()).isEqualTo("3:1-3:8");
    assertThat(s.statements().get(1).unterminated()).isTrue();
  }

  @Test
  void emptyStatementsAreNotStatements() {
    assertThat(texts(";;select 1;;;select 2;")).containsExactly("select 1", "select 2");
  }

  @Test
  void segmentsPartitionTheWholeText() {
    String sql = "-- head\n;select 1 /* in */;\n\n/* between */ select 2 ; ; -- tail";
    List<Segment> segments = split(sql).segments();
    int pos = 0;
    StringBuilder kinds = new StringBuilder();
    for (Segment seg : segments) {
      assertThat(seg.start()).isEqualTo(pos);
      pos = seg.end();
      kinds.append(seg.kind().name().charAt(0));
    }
    assertThat(pos).isEqualTo(sql.length());
    assertThat(kinds.toString()).isEqualTo("CWESWCWSWEWC");
  }

  @Test
  void transactionControlIsRecognised() {
    assertThat(recognize("BEGIN")).isEqualTo(TransactionCommand.BEGIN);
    assertThat(recognize("begin transaction isolation level serializable"))
        .isEqualTo(TransactionCommand.BEGIN);
    assertThat(recognize("START TRANSACTION")).isEqualTo(TransactionCommand.START_TRANSACTION);
    assertThat(recognize("COMMIT AND CHAIN")).isEqualTo(TransactionCommand.COMMIT);
    assertThat(recognize("END")).isEqualTo(TransactionCommand.END);
    assertThat(recognize("ROLLBACK")).isEqualTo(TransactionCommand.ROLLBACK);
    assertThat(recognize("ABORT")).isEqualTo(TransactionCommand.ROLLBACK);
    assertThat(recognize("ROLLBACK TO SAVEPOINT s1"))
        .isEqualTo(TransactionCommand.ROLLBACK_TO_SAVEPOINT);
    assertThat(recognize("SAVEPOINT s1")).isEqualTo(TransactionCommand.SAVEPOINT);
    assertThat(recognize("RELEASE SAVEPOINT s1")).isEqualTo(TransactionCommand.RELEASE_SAVEPOINT);
    assertThat(recognize("PREPARE TRANSACTION 'x'"))
        .isEqualTo(TransactionCommand.PREPARE_TRANSACTION);
    assertThat(recognize("COMMIT PREPARED 'x'")).isEqualTo(TransactionCommand.COMMIT_PREPARED);
    assertThat(recognize("SELECT 1")).isNull();
  }

  private static TransactionCommand recognize(String sql) {
    Tokens t = Lexer.lex(SourceText.of(sql));
    return TransactionCommand.recognize(t, 0, t.size() - 1);
  }

  @Test
  void inlineCopyDataBelongsToItsCopyStatement() {
    String sql =
        "COPY public.countries (code, name) FROM stdin;\n"
            + "DE\tGermany; the land\n"
            + "FR\tFrance ' unbalanced\n"
            + "\\.\n"
            + "SELECT 1;";
    Script s = split(sql);
    assertThat(s.problems()).isEmpty();
    assertThat(texts(sql))
        .containsExactly("COPY public.countries (code, name) FROM stdin", "SELECT 1");
    List<Segment> segments = s.segments();
    assertThat(segments.get(0).kind()).isEqualTo(Segment.Kind.STATEMENT);
    assertThat(sql.substring(segments.get(0).start(), segments.get(0).end())).endsWith("\\.");
  }

  @Test
  void copyDataWithoutItsEndMarkerIsAProblem() {
    Script s = split("COPY t FROM STDIN;\n1\n2\n");
    assertThat(s.statements()).hasSize(1);
    assertThat(s.problems())
        .extracting(LexProblem::message)
        .containsExactly("COPY data without its terminating \\. line");
  }
}
