package dev.greenlight.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholderRewriterTest {
  @Test
  void numbersPlaceholdersInOrder() {
    assertThat(PlaceholderRewriter.rewrite("SELECT * FROM t WHERE a = ? AND b IN (?, ?)"))
        .isEqualTo("SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)");
  }

  @Test
  void leavesQuotesIdentifiersAndCommentsAlone() {
    assertThat(
            PlaceholderRewriter.rewrite(
                "SELECT '?', 'it''s ?', \"col?\", E'\\'?' FROM t -- why?\n WHERE x = ? /* a ? /* nested ? */ */ AND y = ?"))
        .isEqualTo(
            "SELECT '?', 'it''s ?', \"col?\", E'\\'?' FROM t -- why?\n WHERE x = $1 /* a ? /* nested ? */ */ AND y = $2");
  }

  @Test
  void pgjdbcEscapedDoubleQuestionMarkIsTheJsonbOperator() {
    assertThat(PlaceholderRewriter.rewrite("SELECT doc ?? 'key', doc ??| ? FROM t WHERE id = ?"))
        .isEqualTo("SELECT doc ? 'key', doc ?| $1 FROM t WHERE id = $2");
  }

  @Test
  void dollarQuotedBodiesAreNotRewrittenButPositionalDollarsAre() {
    assertThat(PlaceholderRewriter.rewrite("DO $body$ SELECT ?; $body$; SELECT $$?$$, ?"))
        .isEqualTo("DO $body$ SELECT ?; $body$; SELECT $$?$$, $1");
  }

  @Test
  void unterminatedQuoteKeepsTheRestVerbatim() {
    assertThat(PlaceholderRewriter.rewrite("SELECT ? , 'open ?")).isEqualTo("SELECT $1 , 'open ?");
  }
}
