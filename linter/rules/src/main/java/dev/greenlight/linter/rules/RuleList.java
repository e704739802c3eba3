package dev.greenlight.linter.rules;

import dev.greenlight.linter.rules.compat.BanAddRequiredColumn;
import dev.greenlight.linter.rules.compat.BanDropCascade;
import dev.greenlight.linter.rules.compat.BanDropColumn;
import dev.greenlight.linter.rules.compat.BanDropDatabaseObject;
import dev.greenlight.linter.rules.compat.BanDropDefault;
import dev.greenlight.linter.rules.compat.BanDropNotNull;
import dev.greenlight.linter.rules.compat.BanDropSchema;
import dev.greenlight.linter.rules.compat.BanDropTable;
import dev.greenlight.linter.rules.compat.BanNarrowingConstraint;
import dev.greenlight.linter.rules.compat.BanRenameColumn;
import dev.greenlight.linter.rules.compat.BanRenameEnumValue;
import dev.greenlight.linter.rules.compat.BanRenameSchema;
import dev.greenlight.linter.rules.compat.BanRenameTable;
import dev.greenlight.linter.rules.compat.BanTruncate;
import dev.greenlight.linter.rules.compat.PreferJsonb;
import dev.greenlight.linter.rules.hygiene.BanLongIdentifier;
import dev.greenlight.linter.rules.hygiene.PreferBigint;
import dev.greenlight.linter.rules.hygiene.PreferIdentity;
import dev.greenlight.linter.rules.hygiene.PreferRobustStatements;
import dev.greenlight.linter.rules.hygiene.PreferText;
import dev.greenlight.linter.rules.hygiene.PreferTimestamptz;
import dev.greenlight.linter.rules.lock.BanAddColumnVolatileDefault;
import dev.greenlight.linter.rules.lock.BanAddSerialColumn;
import dev.greenlight.linter.rules.lock.BanAddStoredGeneratedColumn;
import dev.greenlight.linter.rules.lock.BanDomainConstraint;
import dev.greenlight.linter.rules.lock.BanExclusionConstraint;
import dev.greenlight.linter.rules.lock.BanLongHeldExclusiveLock;
import dev.greenlight.linter.rules.lock.BanSetNotNull;
import dev.greenlight.linter.rules.lock.BanTableRewriteAlter;
import dev.greenlight.linter.rules.lock.BanTableRewriteMaintenance;
import dev.greenlight.linter.rules.lock.BanUnbatchedBackfill;
import dev.greenlight.linter.rules.lock.BanUnsafeTypeChange;
import dev.greenlight.linter.rules.lock.BanValidateInSameTransaction;
import dev.greenlight.linter.rules.lock.RequireConcurrentDetachPartition;
import dev.greenlight.linter.rules.lock.RequireConcurrentIndex;
import dev.greenlight.linter.rules.lock.RequireConcurrentIndexDrop;
import dev.greenlight.linter.rules.lock.RequireConcurrentReindex;
import dev.greenlight.linter.rules.lock.RequireLockTimeout;
import dev.greenlight.linter.rules.lock.RequireNotValidCheck;
import dev.greenlight.linter.rules.lock.RequireNotValidForeignKey;
import dev.greenlight.linter.rules.lock.RequirePrimaryKeyUsingIndex;
import dev.greenlight.linter.rules.lock.RequireStatementTimeout;
import dev.greenlight.linter.rules.lock.RequireUniqueUsingIndex;
import dev.greenlight.linter.rules.runner.BanConcurrentlyInTransaction;
import dev.greenlight.linter.rules.runner.BanEditAppliedMigration;
import dev.greenlight.linter.rules.runner.BanMixedTransactionalStatements;
import dev.greenlight.linter.rules.runner.BanUnterminatedTransaction;
import dev.greenlight.linter.rules.runner.RequireMonotonicVersion;
import dev.greenlight.linter.rules.spi.Rule;
import java.util.List;

/** The explicit list of rules, in catalogue order. */
final class RuleList {

  private RuleList() {}

  /** Every runnable rule. */
  static List<Rule> all() {
    return List.of(
        new RequireConcurrentIndex(),
        new RequireConcurrentIndexDrop(),
        new RequireConcurrentReindex(),
        new RequireConcurrentDetachPartition(),
        new BanTableRewriteMaintenance(),
        new BanTableRewriteAlter(),
        new RequireNotValidCheck(),
        new RequireNotValidForeignKey(),
        new BanValidateInSameTransaction(),
        new BanSetNotNull(),
        new BanAddColumnVolatileDefault(),
        new BanAddStoredGeneratedColumn(),
        new BanAddSerialColumn(),
        new BanUnsafeTypeChange(),
        new RequireUniqueUsingIndex(),
        new RequirePrimaryKeyUsingIndex(),
        new BanExclusionConstraint(),
        new BanDomainConstraint(),
        new RequireLockTimeout(),
        new RequireStatementTimeout(),
        new BanLongHeldExclusiveLock(),
        new BanUnbatchedBackfill(),
        new BanDropColumn(),
        new BanDropTable(),
        new BanDropSchema(),
        new BanDropDatabaseObject(),
        new BanDropCascade(),
        new BanRenameColumn(),
        new BanRenameTable(),
        new BanRenameSchema(),
        new BanRenameEnumValue(),
        new BanAddRequiredColumn(),
        new BanDropDefault(),
        new BanDropNotNull(),
        new BanNarrowingConstraint(),
        new BanTruncate(),
        new PreferJsonb(),
        new BanConcurrentlyInTransaction(),
        new BanMixedTransactionalStatements(),
        new BanUnterminatedTransaction(),
        new BanEditAppliedMigration(),
        new RequireMonotonicVersion(),
        new PreferBigint(),
        new PreferIdentity(),
        new PreferTimestamptz(),
        new PreferText(),
        new PreferRobustStatements(),
        new BanLongIdentifier());
  }
}
