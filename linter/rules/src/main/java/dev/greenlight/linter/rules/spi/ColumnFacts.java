package dev.greenlight.linter.rules.spi;

import dev.greenlight.linter.ddl.TypeName;

/**
 * A column of the replayed schema just before the statement under check.
 *
 * @param name the column name
 * @param type its type, null when the schema does not know it
 * @param notNull whether the column is NOT NULL (or part of the primary key)
 * @param hasDefault whether it has a default (identity and serial columns count)
 * @param existing whether the column is live with data (see {@link RuleContext}); a column added
 *     earlier in the same file or change is new
 */
public record ColumnFacts(
    String name, TypeName type, boolean notNull, boolean hasDefault, boolean existing) {}
