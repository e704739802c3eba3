package dev.greenlight.linter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.CreateIndex;
import dev.greenlight.linter.ddl.OtherStatement;
import dev.greenlight.linter.ddl.Volatility;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file in the style of pg_dump output and hand-written production migrations (94 statements):
 * every statement is understood and classified as the statement it is.
 */
class RealWorldDumpTest {

  @Test
  void everyStatementOfARealisticFileIsUnderstood() throws URISyntaxException {
    Path file = Path.of(getClass().getResource("/realworld/V1__realworld.sql").toURI());
    MigrationSet set =
        FrontEnd.load(
            List.of(file),
            FrontEndOptions.defaults()
                .withBaseDirectory(file.getParent())
                .withReadFlywayConfigFiles(false));
    assertThat(set.problems()).isEmpty();
    Migration m = set.migrations().get(0);
    assertThat(m.unparsedCount()).isZero();
    assertThat(m.statements())
        .extracting(s -> s.statement().getClass().getSimpleName())
        .containsExactly(
            "SetStatement",
            "SetStatement",
            "SetStatement",
            "Select",
            "SetStatement",
            "SetStatement",
            "CreateTable",
            "AlterTable",
            "CreateSequence",
            "AlterObject",
            "AlterTable",
            "AlterTable",
            "CreateIndex",
            "CreateIndex",
            "CreateIndex",
            "CreateIndex",
            "AlterTable",
            "AlterTable",
            "CreateTable",
            "Insert",
            "AlterTable",
            "DropStatement",
            "CreateTable",
            "AlterTable",
            "Select",
            "CommentOn",
            "AlterTable",
            "AlterTable",
            "AlterTable",
            "CreateTable",
            "CreateType",
            "GrantRevoke",
            "CreateExtension",
            "CommentOn",
            "AlterTable",
            "AlterTable",
            "AlterTable",
            "Update",
            "Delete",
            "AlterTable",
            "CreateTable",
            "AlterTable",
            "AlterTable",
            "AlterTable",
            "CreateTable",
            "CreateTable",
            "CreateTable",
            "CreateTrigger",
            "CreateFunction",
            "CreateFunction",
            "AlterTable",
            "AlterTable",
            "AlterTable",
            "AlterTable",
            "AlterTable",
            "OtherStatement",
            "AlterObject",
            "CreateIndex",
            "AlterTable",
            "AlterTable",
            "AlterTable",
            "AlterTable",
            "AlterTable",
            "AlterTable",
            "CreateIndex",
            "AlterTable",
            "AlterTable",
            "DropStatement",
            "DropStatement",
            "AlterTable",
            "CreateTable",
            "Insert",
            "Insert",
            "OtherStatement",
            "OtherStatement",
            "OtherStatement",
            "OtherStatement",
            "OtherStatement",
            "OtherStatement",
            "OtherStatement",
            "OtherStatement",
            "AlterTable",
            "AlterTable",
            "AlterTable",
            "AlterTable",
            "AlterObject",
            "AlterObject",
            "AlterObject",
            "AlterObject",
            "AlterTable",
            "AlterObject",
            "AlterObject",
            "CreateView",
            "CreateIndex");
    // Spot checks on forms that trip other parsers.
    CreateIndex expressionIndex = (CreateIndex) m.statements().get(13).statement();
    assertThat(expressionIndex.elements().get(0).text()).isEqualTo("(data->>'key')");
    AlterTable uuidDefault = (AlterTable) m.statements().get(58).statement();
    assertThat(
            ((AlterTableAction.AddColumn) uuidDefault.actions().get(0))
                .column()
                .defaultValue()
                .volatility())
        .isEqualTo(Volatility.VOLATILE);
    assertThat(((OtherStatement) m.statements().get(75).statement()).requiresNoTransaction())
        .isTrue();
    assertThat(m.transactional()).isFalse();
    assertThat(m.transactionPlan().reason())
        .isEqualTo("contains CREATE INDEX CONCURRENTLY (line 15)");
  }
}
