package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * One SQL statement of a migration, as the typed model describes it. Rules dispatch on the concrete
 * record type ({@code if (s instanceof AlterTable alter) ...}). Every statement carries the exact
 * span it was written at (first token to last token before the semicolon).
 */
public sealed interface Statement
    permits CreateTable,
        CreateTableAs,
        AlterTable,
        DropStatement,
        CreateIndex,
        Reindex,
        Vacuum,
        Analyze,
        Cluster,
        Truncate,
        LockTable,
        CreateType,
        AlterType,
        CreateDomain,
        AlterDomain,
        CreateView,
        RefreshMaterializedView,
        CreateFunction,
        CreateTrigger,
        CreateSequence,
        CreateExtension,
        CreateSchema,
        AlterObject,
        SetStatement,
        CommentOn,
        GrantRevoke,
        DoBlock,
        Call,
        Copy,
        DataStatement,
        TransactionStatement,
        OtherStatement,
        Unparsed {

  /** Where the statement is written. */
  Span span();

  /** The statement's kind. */
  StatementKind kind();
}
