package dev.greenlight.linter.ddl;

import java.util.List;

/**
 * The {@code REFERENCES table (cols) [ON DELETE ...] [ON UPDATE ...]} part of a foreign key.
 *
 * @param table the referenced table
 * @param columns the referenced columns (empty: the referenced table's primary key)
 * @param onDelete the ON DELETE action as written upper-case, e.g. {@code CASCADE}, or null
 * @param onUpdate the ON UPDATE action, or null
 */
public record ForeignKeyReference(
    QualifiedName table, List<Name> columns, String onDelete, String onUpdate) {}
