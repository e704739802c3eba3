package dev.greenlight.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** JUnit extension behind {@link RealPostgres}: one fresh database per test class. */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    database(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    return database(context);
  }

  private static TestDatabase database(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NS)
        .computeIfAbsent(
            "db",
            key -> new ClassDatabase(classContext.getRequiredTestClass().getSimpleName()),
            ClassDatabase.class)
        .db;
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  /** Dropped when the class's store closes. */
  private static final class ClassDatabase implements AutoCloseable {
    final TestDatabase db;

    ClassDatabase(String label) {
      this.db = PostgresServer.get().createDatabase(label);
    }

    @Override
    public void close() {
      PostgresServer.get().dropDatabase(db);
    }
  }
}
