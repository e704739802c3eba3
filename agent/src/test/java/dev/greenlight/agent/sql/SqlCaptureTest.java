package dev.greenlight.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlCaptureTest {
  @Test
  void countsDistinctTextsAndStopsAtTheBound() {
    SqlCapture c = new SqlCapture();
    c.configure(2, 100, 1000);
    c.record("SELECT 1");
    c.record("SELECT 1");
    c.record("SELECT 2");
    c.record("SELECT 3");
    c.record("x".repeat(101));
    assertThat(c.distinct()).isEqualTo(2);
    assertThat(c.truncated()).isTrue();
    assertThat(c.dropped()).isEqualTo(2);
    assertThat(c.snapshot().get(0)).isEqualTo(Map.entry("SELECT 1", 2L));
  }

  @Test
  void allTextsTogetherStayWithinTheCharacterBudget() {
    SqlCapture c = new SqlCapture();
    c.configure(100, 100, 250);
    for (int i = 0; i < 10; i++) {
      c.record("SELECT " + "x".repeat(90) + i);
    }
    assertThat(c.distinct()).isEqualTo(2);
    assertThat(c.dropped()).isEqualTo(8);
  }

  @Test
  void versionChangesOnlyWithNewTexts() {
    SqlCapture c = new SqlCapture();
    c.record("SELECT 1");
    long v = c.version();
    c.record("SELECT 1");
    assertThat(c.version()).isEqualTo(v);
    c.record("SELECT 2");
    assertThat(c.version()).isGreaterThan(v);
  }

  @Test
  void sqlFileHasOneRewrittenStatementPerEntrySortedByText() {
    SqlCapture c = new SqlCapture();
    c.record("UPDATE t SET a = ? WHERE id = ?;");
    c.record("SELECT * FROM t WHERE id = ?");
    c.record("SELECT * FROM t WHERE id = ?");
    assertThat(c.sqlFile())
        .isEqualTo(
            "-- Captured by the Greenlight agent: 2 distinct statements\n"
                + "-- count: 2\nSELECT * FROM t WHERE id = $1;\n"
                + "-- count: 1\nUPDATE t SET a = $1 WHERE id = $2;\n");
  }

  @Test
  void onePrepareThroughDelegatingOverloadsCountsOnce() {
    Object statement = new Object();
    SqlCapture.get().clear();
    SqlCapture.prepared("SELECT 42", statement);
    SqlCapture.prepared("SELECT 42", statement);
    SqlCapture.prepared("SELECT 42", new Object());
    assertThat(SqlCapture.get().snapshot()).containsExactly(Map.entry("SELECT 42", 2L));
    SqlCapture.get().clear();
  }
}
