package dev.greenlight.linter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The front end's package structure: layered sql → ddl → flyway/schema, no cycles. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(classesDirectory());

  /** The module's compiled main classes (importing from the directory skips classpath scans). */
  private static java.nio.file.Path classesDirectory() {
    try {
      return java.nio.file.Path.of(
          FrontEnd.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void packagesHaveNoCycles() {
    // The rules below are only meaningful when the front end's classes were found.
    org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage("dev.greenlight.linter.ddl"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(CLASSES.contain(FrontEnd.class)).isTrue();
    slices().matching("dev.greenlight.linter.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void frontEndPackagesDoNotDependOnTheReportModel() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.greenlight.linter.sql..",
            "dev.greenlight.linter.ddl..",
            "dev.greenlight.linter.schema..",
            "dev.greenlight.linter.flyway..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.greenlight.linter.report..")
        .check(CLASSES);
  }

  @Test
  void theLexerKnowsNothingOfTheModel() {
    noClasses()
        .that()
        .resideInAPackage("dev.greenlight.linter.sql..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.greenlight.linter.ddl..",
            "dev.greenlight.linter.schema..",
            "dev.greenlight.linter.flyway..")
        .check(CLASSES);
  }

  @Test
  void theModelAndTheSchemaDoNotKnowFlywayOrTheFacade() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.greenlight.linter.ddl..", "dev.greenlight.linter.schema..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.greenlight.linter.flyway..")
        .check(CLASSES);
  }
}
