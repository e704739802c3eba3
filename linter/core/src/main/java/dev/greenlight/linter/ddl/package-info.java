/** The typed model of migration statements and the hand-written parser that produces it. */
package dev.greenlight.linter.ddl;
