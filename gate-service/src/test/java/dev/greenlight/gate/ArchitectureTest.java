package dev.greenlight.gate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "dev.greenlight.gate",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule decisionEngineIsPure =
      noClasses()
          .that()
          .resideInAPackage("dev.greenlight.gate.decision..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.greenlight.gate.http..",
              "dev.greenlight.gate.store..",
              "dev.greenlight.gate.evaluation..",
              "dev.greenlight.gate.router..",
              "dev.greenlight.gate.config..",
              "io.javalin..",
              "com.fasterxml.jackson..",
              "java.sql..",
              "java.net..",
              "java.io..",
              "java.nio.file..")
          .because("the engine is a pure function of evidence, policy and clock");

  @ArchTest
  static final ArchRule httpUsesOnlyTheStoreInterface =
      noClasses()
          .that()
          .resideInAPackage("dev.greenlight.gate.http..")
          .should()
          .dependOnClassesThat()
          .haveSimpleName("PostgresGateStore")
          .orShould()
          .dependOnClassesThat()
          .haveSimpleName("GateDatabase")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer..", "io.zonky..")
          .because("the HTTP layer maps requests to the engine and the store's interface only");

  @ArchTest
  static final ArchRule onlyTheHttpLayerKnowsJavalin =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.greenlight.gate.http..", "dev.greenlight.gate")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.javalin..");

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("dev.greenlight.gate.(*)..").should().beFreeOfCycles();
}
