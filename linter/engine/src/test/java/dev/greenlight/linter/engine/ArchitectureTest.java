package dev.greenlight.linter.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  // The module's own classes directory: scanning the whole class path for the package is slow.
  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(java.nio.file.Path.of("target", "classes"));

  @Test
  void importedTheEngine() {
    org.assertj.core.api.Assertions.assertThat(ENGINE.contain(Linter.class)).isTrue();
    org.assertj.core.api.Assertions.assertThat(
            ENGINE.contain(dev.greenlight.linter.engine.format.SarifRenderer.class))
        .isTrue();
  }

  @Test
  void engineDoesNotDependOnTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("dev.greenlight.linter.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.greenlight.cli..", "picocli..")
        .check(ENGINE);
  }

  @Test
  void formatsSeeOnlyTheReport() {
    noClasses()
        .that()
        .resideInAPackage("dev.greenlight.linter.engine.format..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.greenlight.linter.engine",
            "dev.greenlight.linter.engine.config..",
            "dev.greenlight.linter.engine.suppress..",
            "dev.greenlight.linter.engine.git..",
            "dev.greenlight.linter.rules..",
            "dev.greenlight.linter.sql..",
            "dev.greenlight.linter.ddl..",
            "com.fasterxml..")
        .check(ENGINE);
  }

  @Test
  void noCyclesBetweenEnginePackages() {
    slices().matching("dev.greenlight.linter.engine.(*)..").should().beFreeOfCycles().check(ENGINE);
  }
}
