/** Test support shared by every module: a real PostgreSQL server, one per test JVM. */
package dev.greenlight.testkit;
