package dev.greenlight.linter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.ddl.Parser;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.sql.Script;
import dev.greenlight.linter.sql.Segment;
import dev.greenlight.linter.sql.SourceText;
import dev.greenlight.linter.sql.StatementSlice;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Robustness: random and mutated SQL never makes the front end throw, and every char of the input
 * belongs to exactly one statement, comment, whitespace run or empty statement.
 */
class FuzzTest {

  private static final List<String> FRAGMENTS =
      List.of(
          "ALTER TABLE orders ADD COLUMN c int NOT NULL DEFAULT 0;",
          "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a) WHERE b IS NULL;",
          "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id) NOT VALID;",
          "DO $$ BEGIN EXECUTE 'ALTER TABLE t ADD x int'; EXCEPTION WHEN others THEN NULL; END $$;",
          "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;",
          "COMMENT ON TABLE t IS 'a;b''c';",
          "SET LOCAL lock_timeout = '2s';",
          "BEGIN; UPDATE t SET a = 1 WHERE id < 10; COMMIT;",
          "CREATE TYPE mood AS ENUM ('a', 'b');",
          "ALTER TYPE mood ADD VALUE 'c' BEFORE 'a';",
          "/* block /* nested */ comment */",
          "-- line comment\n",
          "SELECT E'\\'' , U&'x', $tag$ ; $tag$, \"q\"\"i\";",
          "CREATE TABLE t (a int GENERATED ALWAYS AS IDENTITY, b text CHECK (b <> ''));",
          "DROP TABLE IF EXISTS a, b CASCADE;",
          "VACUUM (FULL, ANALYZE) t;",
          "\n\n",
          ";",
          "${placeholder}",
          "(((",
          ")))",
          "'",
          "$$",
          "\"",
          "/*",
          "E'\\",
          "\u0000\u0007",
          "ünïcödé ident",
          "\r\n",
          "COPY t (a) FROM stdin;\n1\n2;3\n\\.\n",
          "COPY t FROM STDIN;");

  @Provide
  Arbitrary<String> sqlish() {
    Arbitrary<String> fragments =
        Arbitraries.of(FRAGMENTS).list().ofMinSize(0).ofMaxSize(12).map(l -> String.join(" ", l));
    Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(60);
    Arbitrary<String> mutated =
        Combinators.combine(
                fragments,
                Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 5),
                noise)
            .as(
                (s, at, cut, insert) -> {
                  int p = s.isEmpty() ? 0 : at % (s.length() + 1);
                  int q = Math.min(s.length(), p + cut);
                  return s.substring(0, p) + insert + s.substring(q);
                });
    return Arbitraries.oneOf(fragments, noise, mutated);
  }

  @Property(tries = 400)
  void everyCharBelongsToExactlyOneSegment(@ForAll("sqlish") String sql) {
    Script script = Script.split(SourceText.of(sql));
    List<Segment> segments = script.segments();
    int pos = 0;
    int statementSegments = 0;
    for (Segment s : segments) {
      assertThat(s.start()).isEqualTo(pos);
      assertThat(s.end()).isGreaterThan(s.start());
      if (s.kind() == Segment.Kind.WHITESPACE) {
        assertThat(sql.substring(s.start(), s.end()).isBlank()).isTrue();
      }
      if (s.kind() == Segment.Kind.STATEMENT) {
        statementSegments++;
      }
      pos = s.end();
    }
    assertThat(pos).isEqualTo(sql.length());
    assertThat(statementSegments).isEqualTo(script.statements().size());
  }

  @Property(tries = 400)
  void parsingNeverThrowsAndEveryStatementKeepsItsSpan(@ForAll("sqlish") String sql) {
    Script script = Script.split(SourceText.of(sql));
    List<Statement> parsed = Parser.parseAll(script);
    assertThat(parsed).hasSize(script.statements().size());
    for (int i = 0; i < parsed.size(); i++) {
      StatementSlice slice = script.statements().get(i);
      assertThat(parsed.get(i).span()).isEqualTo(slice.span());
      assertThat(parsed.get(i).kind()).isNotNull();
    }
  }

  @Property(tries = 150)
  void theWholeFrontEndNeverThrows(@ForAll("sqlish") String a, @ForAll("sqlish") String b) {
    MigrationSet set =
        FrontEnd.loadTexts(Map.of("V1__a.sql", a, "V2__b.sql", b), FrontEndOptions.defaults());
    assertThat(set.migrations()).hasSize(2);
    for (MigrationStatement s : set.analyzedStatements()) {
      assertThat(s.schema()).isNotNull();
      assertThat(s.transaction()).isNotNull();
    }
  }
}
