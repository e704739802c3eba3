package dev.greenlight.linter.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Rules know the front end and the report model, never the engine, the CLI or the renderers. */
class ArchitectureTest {

  /** This module's main classes only (no classpath scan: the module's test budget is small). */
  private static final JavaClasses RULES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(mainClasses());

  private static Path mainClasses() {
    try {
      return Path.of(
          RuleRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void rulesDoNotDependOnEngineCliOrRenderers() {
    noClasses()
        .that()
        .resideInAPackage("dev.greenlight.linter.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.greenlight.linter.engine..",
            "dev.greenlight.cli..",
            "dev.greenlight.linter.cli..",
            "dev.greenlight.linter.render..",
            "dev.greenlight.linter.verify..",
            "picocli..",
            "com.fasterxml.jackson..")
        .check(RULES);
  }

  @Test
  void rulePackagesHaveNoCycles() {
    slices().matching("dev.greenlight.linter.rules.(**)").should().beFreeOfCycles().check(RULES);
  }

  @Test
  void rootPackageSitsBetweenRulesAndAnalysisWithoutCycles() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.greenlight.linter.rules.spi..",
            "dev.greenlight.linter.rules.facts..",
            "dev.greenlight.linter.rules.lock..",
            "dev.greenlight.linter.rules.compat..",
            "dev.greenlight.linter.rules.runner..",
            "dev.greenlight.linter.rules.hygiene..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.greenlight.linter.rules", "dev.greenlight.linter.rules.analysis..")
        .check(RULES);
    noClasses()
        .that()
        .resideInAPackage("dev.greenlight.linter.rules")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.greenlight.linter.rules.analysis..")
        .check(RULES);
  }

  @Test
  void rulesDoNotReadFiles() {
    noClasses()
        .that()
        .resideInAPackage("dev.greenlight.linter.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.nio.file..", "java.io..")
        .because("a rule never walks files: the front end loads migrations")
        .check(RULES);
  }
}
