package dev.greenlight.agent.testapps;

import jakarta.servlet.Filter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring Session JDBC on PostgreSQL, wired by hand (no Spring Boot). */
final class SpringSessionSetup {
  private SpringSessionSetup() {}

  static Filter filter(String jdbcUrl) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl);
    ds.setUser(System.getProperty("app.jdbcUser", "postgres"));
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    try (InputStream schema =
        JdbcIndexedSessionRepository.class.getResourceAsStream(
            "/org/springframework/session/jdbc/schema-postgresql.sql")) {
      String sql = new String(schema.readAllBytes(), StandardCharsets.UTF_8);
      Integer exists =
          jdbc.queryForObject(
              "SELECT count(*) FROM information_schema.tables WHERE table_name = 'spring_session'",
              Integer.class);
      if (exists == null || exists == 0) {
        for (String statement : sql.split(";")) {
          if (!statement.isBlank()) {
            jdbc.execute(statement);
          }
        }
      }
    }
    JdbcIndexedSessionRepository repository =
        new JdbcIndexedSessionRepository(
            jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)));
    return new SessionRepositoryFilter<>(repository);
  }
}
