/** Spelling help for users' mistakes: the nearest valid name to an unknown one. */
package dev.greenlight.linter.engine.spelling;
