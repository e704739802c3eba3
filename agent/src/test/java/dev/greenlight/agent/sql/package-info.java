/** Tests of the sql package. */
package dev.greenlight.agent.sql;
