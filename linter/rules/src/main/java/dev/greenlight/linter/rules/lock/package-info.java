/** Rules about locks and rewrites that block traffic on the live database. */
package dev.greenlight.linter.rules.lock;
