package dev.greenlight.linter.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "random()|VOLATILE",
        "clock_timestamp()|VOLATILE",
        "gen_random_uuid()|VOLATILE",
        "nextval('s')|VOLATILE",
        "uuid_generate_v4()|VOLATILE",
        "(random() * 100)::int|VOLATILE",
        "now()|NON_VOLATILE",
        "CURRENT_TIMESTAMP|NON_VOLATILE",
        "current_date|NON_VOLATILE",
        "'x'|NON_VOLATILE",
        "42|NON_VOLATILE",
        "'2020-01-01'::date|NON_VOLATILE",
        "CAST('1' AS int)|NON_VOLATILE",
        "ARRAY[]::text[]|NON_VOLATILE",
        "ARRAY['a', 'b']|NON_VOLATILE",
        "true|NON_VOLATILE",
        "NULL|NON_VOLATILE",
        "now() + interval '1 day'|NON_VOLATILE",
        "lower('X')|NON_VOLATILE",
        "my_schema.make_code()|UNKNOWN",
        "compute()|UNKNOWN",
      })
  void volatilityOfDefaults(String sql, Volatility expected) {
    assertThat(Expression.of(sql).volatility()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} constant={1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "'x'|true",
        "0|true",
        "'{}'::jsonb|true",
        "ARRAY[1,2]|true",
        "now()|false",
        "CURRENT_TIMESTAMP|false",
        "a + 1|false",
      })
  void constants(String sql, boolean constant) {
    assertThat(Expression.of(sql).isConstant()).isEqualTo(constant);
  }

  @Test
  void notNullChecksAreRecognisedOnlyInTheirExactForm() {
    assertThat(Expression.of("email IS NOT NULL").notNullCheckColumn()).contains("email");
    assertThat(Expression.of("((Email IS NOT NULL))").notNullCheckColumn()).contains("email");
    assertThat(Expression.of("\"Email\" NOTNULL").notNullCheckColumn()).contains("Email");
    assertThat(Expression.of("email IS NOT NULL AND x > 0").notNullCheckColumn()).isEmpty();
    assertThat(Expression.of("email IS NULL").notNullCheckColumn()).isEmpty();
  }

  @Test
  void functionsAndColumnReferencesAreListed() {
    Expression e = Expression.of("coalesce(t.a, b) > s.f(c)");
    assertThat(e.functions()).containsExactly("coalesce", "s.f");
    assertThat(e.columnReferences()).containsExactly("a", "b", "c");
  }

  @Test
  void jsqlparserTreeIsAvailableLazilyAndFailureIsEmpty() {
    assertThat(Expression.of("a + 1 > 2").jsqlParsed()).isPresent();
    assertThat(Expression.of(")))").jsqlParsed()).isEmpty();
  }

  @Test
  void nullLiteralIsRecognised() {
    assertThat(Expression.of("NULL").isNull()).isTrue();
    assertThat(Expression.of("NULL::text").isNull()).isTrue();
    assertThat(Expression.of("'null'").isNull()).isFalse();
  }
}
