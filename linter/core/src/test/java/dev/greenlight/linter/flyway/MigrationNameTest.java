package dev.greenlight.linter.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationNameTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "V1__init.sql|VERSIONED|1|init",
        "V1.2__add_orders_table.sql|VERSIONED|1.2|add orders table",
        "V1_3__x.sql|VERSIONED|1.3|x",
        "V20261126093000__big.sql|VERSIONED|20261126093000|big",
        "U2__undo_it.sql|UNDO|2|undo it",
        "R__views.sql|REPEATABLE||views",
        "V3.sql|VERSIONED|3|''",
        "afterMigrate.sql|OTHER||afterMigrate",
        "Vx__bad.sql|OTHER||Vx  bad",
        "V1__init.txt|OTHER||V1  init",
      })
  void defaultNaming(String file, MigrationName.Kind kind, String version, String description) {
    MigrationName n = MigrationName.parse(file, FlywaySettings.defaults());
    assertThat(n.kind()).isEqualTo(kind);
    assertThat(n.versionString()).isEqualTo(version);
    assertThat(n.description()).isEqualTo(description);
  }

  @Test
  void customPrefixesSeparatorAndSuffixes() {
    FlywaySettings s =
        FlywaySettings.defaults()
            .withPrefixes("M", "B", "A")
            .withSeparator("-")
            .withSuffixes(java.util.List.of(".pgsql", ".sql"));
    MigrationName v = MigrationName.parse("M7-create-table.pgsql", s);
    assertThat(v.kind()).isEqualTo(MigrationName.Kind.VERSIONED);
    assertThat(v.versionString()).isEqualTo("7");
    assertThat(v.description()).isEqualTo("create-table");
    assertThat(MigrationName.parse("A-views.sql", s).kind())
        .isEqualTo(MigrationName.Kind.REPEATABLE);
    assertThat(MigrationName.parse("V1__init.sql", s).kind()).isEqualTo(MigrationName.Kind.OTHER);
  }
}
