package dev.greenlight.linter.schema;

import java.util.List;

/** A view or materialized view of the replayed schema; referencedTables as written in FROM/JOIN. */
public record View(
    String schema, String name, boolean materialized, List<String> referencedTables, Origin origin)
    implements SchemaObject {}
