package dev.greenlight.linter.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexerTest {

  private static Tokens lex(String sql) {
    return Lexer.lex(SourceText.of(sql));
  }

  private static List<String> describe(String sql) {
    Tokens t = lex(sql);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      out.add(t.type(i) + ":" + t.text(i));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "'it''s'|STRING:'it''s'",
        "E'it\\'s'|ESCAPE_STRING:E'it\\'s'",
        "e'a\\\\'|ESCAPE_STRING:e'a\\\\'",
        "U&'d\\0061t'|UNICODE_STRING:U&'d\\0061t'",
        "B'1010'|BIT_STRING:B'1010'",
        "X'1F'|BIT_STRING:X'1F'",
        "N'nat'|STRING:N'nat'",
        "$$a;b$$|DOLLAR_STRING:$$a;b$$",
        "$fn$ x $$ y $fn$|DOLLAR_STRING:$fn$ x $$ y $fn$",
        "\"Mixed \"\"Q\"\"\"|QUOTED_IDENTIFIER:\"Mixed \"\"Q\"\"\"",
        "U&\"d\\0061t\"|QUOTED_IDENTIFIER:U&\"d\\0061t\"",
        "1.5e10|NUMBER:1.5e10",
        ".5|NUMBER:.5",
        "0x1F|NUMBER:0x1F",
        "1_000_000|NUMBER:1_000_000",
        "$1|PARAMETER:$1",
        "${schema}|PLACEHOLDER:${schema}",
        "::|CAST:::",
        "->>|OPERATOR:->>",
        "<>|OPERATOR:<>",
        "a$b|WORD:a$b",
        "_x9|WORD:_x9",
        "café|WORD:café",
      })
  void singleTokens(String sql, String expected) {
    assertThat(describe(sql)).containsExactly(expected);
  }

  @Test
  void trailingPlusMinusSplitOffOperatorsLikePostgres() {
    assertThat(describe("a=-1")).containsExactly("WORD:a", "OPERATOR:=", "OPERATOR:-", "NUMBER:1");
    assertThat(describe("a @- b")).containsExactly("WORD:a", "OPERATOR:@-", "WORD:b");
  }

  @Test
  void castsSlicesAndPunctuation() {
    assertThat(describe("x::int[] , a[1:2];"))
        .containsExactly(
            "WORD:x",
            "CAST:::",
            "WORD:int",
            "LEFT_BRACKET:[",
            "RIGHT_BRACKET:]",
            "COMMA:,",
            "WORD:a",
            "LEFT_BRACKET:[",
            "NUMBER:1",
            "COLON::",
            "NUMBER:2",
            "RIGHT_BRACKET:]",
            "SEMICOLON:;");
  }

  @Test
  void commentsAreKeptApartFromTokens() {
    Tokens t = lex("select /* a /* nested */ still */ 1 -- tail\n;");
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.comments())
        .extracting(Comment::text)
        .containsExactly("/* a /* nested */ still */", "-- tail");
    assertThat(t.comments().get(0).block()).isTrue();
    assertThat(t.comments().get(1).body()).isEqualTo("tail");
  }

  @Test
  void operatorStopsBeforeCommentStart() {
    assertThat(describe("a+--c\nb")).containsExactly("WORD:a", "OPERATOR:+", "WORD:b");
    assertThat(describe("a*/*c*/b")).containsExactly("WORD:a", "OPERATOR:*", "WORD:b");
  }

  @Test
  void positionsAreOneBasedLinesAndColumnsAcrossLineEndings() {
    Tokens t = lex("select\r\n  x,\n\ty\rfrom t");
    assertThat(t.span(0).toString()).isEqualTo("1:1-1:6");
    assertThat(t.span(1).toString()).isEqualTo("2:3-2:3");
    assertThat(t.span(3).toString()).isEqualTo("3:2-3:2");
    assertThat(t.span(4).toString()).isEqualTo("4:1-4:4");
    assertThat(t.span(4).start()).isEqualTo(16);
    assertThat(t.span(4).end()).isEqualTo(20);
  }

  @Test
  void multiLineTokenSpansEndOnItsLastLine() {
    Tokens t = lex("x $$\nab\ncd$$");
    assertThat(t.span(1).toString()).isEqualTo("1:3-3:4");
  }

  @Test
  void unterminatedStringIsAnErrorTokenWithItsStartPosition() {
    Tokens t = lex("select 1;\nselect 'oops;\nselect 2;");
    assertThat(t.problems()).hasSize(1);
    assertThat(t.problems().get(0).message()).isEqualTo("unterminated quoted string");
    assertThat(t.problems().get(0).span().position()).isEqualTo("2:8");
    assertThat(t.type(t.size() - 1)).isEqualTo(TokenType.ERROR);
  }

  @Test
  void unterminatedDollarQuoteCommentAndIdentifierAreReported() {
    assertThat(lex("do $body$ begin").problems().get(0).message())
        .isEqualTo("unterminated dollar-quoted string $body$");
    assertThat(lex("/* never closed").problems().get(0).message())
        .isEqualTo("unterminated /* comment");
    assertThat(lex("select \"abc").problems().get(0).message())
        .isEqualTo("unterminated quoted identifier");
    assertThat(lex("select E'\\'").problems().get(0).message())
        .isEqualTo("unterminated E'' string");
  }

  @Test
  void strayCharactersAreReportedNotThrown() {
    Tokens t = lex("select \u0001 from t");
    assertThat(t.problems())
        .extracting(LexProblem::message)
        .containsExactly("unexpected character '\\u0001'");
  }

  @Test
  void backslashDoesNotEscapeInStandardStrings() {
    assertThat(describe("'a\\' , 'b'")).containsExactly("STRING:'a\\'", "COMMA:,", "STRING:'b'");
  }

  @Test
  void isWordIgnoresCaseButNotQuoting() {
    Tokens t = lex("ALTER \"alter\"");
    assertThat(t.isWord(0, "alter")).isTrue();
    assertThat(t.isWord(1, "alter")).isFalse();
  }

  @Test
  void derivedTextMapsPositionsBackToTheFile() {
    SourceText file = SourceText.of("x\n  'ab''c'");
    // the literal's content "ab'c" starts at offset 5; the doubled quote maps to its first quote
    SourceText derived = SourceText.derived("ab'c", file, new int[] {5, 6, 7, 9, 10});
    assertThat(derived.span(0, 4).toString()).isEqualTo("2:4-2:8");
    assertThat(derived.span(3, 4).toString()).isEqualTo("2:8-2:8");
  }
}
