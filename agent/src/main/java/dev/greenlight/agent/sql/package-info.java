/** Capture of the distinct SQL texts the application sends through JDBC. */
package dev.greenlight.agent.sql;
