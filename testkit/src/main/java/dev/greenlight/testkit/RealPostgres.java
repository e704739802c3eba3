package dev.greenlight.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real PostgreSQL database of its own.
 *
 * <p>Parameters of type {@link TestDatabase} (constructor, lifecycle or test methods) receive the
 * class's database. The server is chosen once per JVM: {@code GREENLIGHT_TEST_JDBC_URL} when set,
 * else Testcontainers when a Docker engine answers, else an embedded PostgreSQL from Maven.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresExtension.class)
public @interface RealPostgres {}
