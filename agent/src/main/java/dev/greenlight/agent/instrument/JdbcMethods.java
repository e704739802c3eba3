package dev.greenlight.agent.instrument;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code java.sql} methods the agent wraps in a driver's classes, as name + descriptor. A class
 * of its own so that the sets are built when the first driver class loads, not in premain.
 */
final class JdbcMethods {
  /** {@code java.sql} methods whose first argument is the SQL text: name + descriptor. */
  static final Set<String> JDBC_PREPARE =
      new HashSet<>(
          Arrays.asList(
              "prepareStatement(Ljava/lang/String;)Ljava/sql/PreparedStatement;",
              "prepareStatement(Ljava/lang/String;I)Ljava/sql/PreparedStatement;",
              "prepareStatement(Ljava/lang/String;[I)Ljava/sql/PreparedStatement;",
              "prepareStatement(Ljava/lang/String;[Ljava/lang/String;)Ljava/sql/PreparedStatement;",
              "prepareStatement(Ljava/lang/String;II)Ljava/sql/PreparedStatement;",
              "prepareStatement(Ljava/lang/String;III)Ljava/sql/PreparedStatement;",
              "prepareCall(Ljava/lang/String;)Ljava/sql/CallableStatement;",
              "prepareCall(Ljava/lang/String;II)Ljava/sql/CallableStatement;",
              "prepareCall(Ljava/lang/String;III)Ljava/sql/CallableStatement;"));

  /** {@code java.sql} methods that execute or batch the text they are given. */
  static final Set<String> JDBC_EXECUTE =
      new HashSet<>(
          Arrays.asList(
              "execute(Ljava/lang/String;)Z",
              "execute(Ljava/lang/String;I)Z",
              "execute(Ljava/lang/String;[I)Z",
              "execute(Ljava/lang/String;[Ljava/lang/String;)Z",
              "executeQuery(Ljava/lang/String;)Ljava/sql/ResultSet;",
              "executeUpdate(Ljava/lang/String;)I",
              "executeUpdate(Ljava/lang/String;I)I",
              "executeUpdate(Ljava/lang/String;[I)I",
              "executeUpdate(Ljava/lang/String;[Ljava/lang/String;)I",
              "executeLargeUpdate(Ljava/lang/String;)J",
              "executeLargeUpdate(Ljava/lang/String;I)J",
              "executeLargeUpdate(Ljava/lang/String;[I)J",
              "executeLargeUpdate(Ljava/lang/String;[Ljava/lang/String;)J",
              "addBatch(Ljava/lang/String;)V"));

  private JdbcMethods() {}
}
