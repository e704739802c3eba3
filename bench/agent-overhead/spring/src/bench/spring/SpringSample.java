package bench.spring;

import java.lang.management.ManagementFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A typical small Spring Boot service for the agent's benchmarks: Spring MVC on embedded Tomcat, a
 * HikariCP pool and one JdbcTemplate query against PostgreSQL per request on /tables; the bytes
 * allocated by all threads so far on /stats (as SampleApp). Started with {@code --server.port=…}
 * and {@code --spring.datasource.url=…}.
 */
@SpringBootApplication
@RestController
public class SpringSample {
  private final JdbcTemplate jdbc;

  public SpringSample(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/tables")
  public String tables() {
    Long count =
        jdbc.queryForObject(
            "SELECT count(*) FROM pg_catalog.pg_class WHERE relkind = ?", Long.class, "r");
    return "{\"tables\":" + count + "}";
  }

  @GetMapping("/stats")
  public String stats() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long id : threads.getAllThreadIds()) {
      long bytes = threads.getThreadAllocatedBytes(id);
      if (bytes > 0) {
        total += bytes;
      }
    }
    return "{\"allocatedBytes\":" + total + "}";
  }

  public static void main(String[] args) {
    SpringApplication.run(SpringSample.class, args);
  }
}
