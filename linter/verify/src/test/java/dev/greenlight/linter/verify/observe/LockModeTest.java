package dev.greenlight.linter.verify.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The conflict matrix against the PostgreSQL manual's table "Conflicting Lock Modes". */
class LockModeTest {
  @Test
  void theMatrixIsSymmetric() {
    for (LockMode a : LockMode.values()) {
      for (LockMode b : LockMode.values()) {
        assertThat(a.conflictsWith(b)).as(a + " vs " + b).isEqualTo(b.conflictsWith(a));
      }
    }
  }

  @Test
  void trafficIsBlockedExactlyByTheDocumentedModes() {
    assertThat(LockMode.ACCESS_EXCLUSIVE.blockedTraffic()).isEqualTo("reads and writes");
    assertThat(LockMode.EXCLUSIVE.blockedTraffic()).isEqualTo("writes");
    assertThat(LockMode.SHARE_ROW_EXCLUSIVE.blockedTraffic()).isEqualTo("writes");
    assertThat(LockMode.SHARE.blockedTraffic()).isEqualTo("writes");
    assertThat(LockMode.SHARE_UPDATE_EXCLUSIVE.blocksTraffic()).isFalse();
    assertThat(LockMode.ROW_EXCLUSIVE.blocksTraffic()).isFalse();
    assertThat(LockMode.ROW_SHARE.blocksTraffic()).isFalse();
    assertThat(LockMode.ACCESS_SHARE.blocksTraffic()).isFalse();
    assertThat(LockMode.SHARE_UPDATE_EXCLUSIVE.conflictsWith(LockMode.SHARE_UPDATE_EXCLUSIVE))
        .isTrue(); // two VALIDATEs or autovacuum on one table wait for each other
    assertThat(LockMode.SHARE.conflictsWith(LockMode.SHARE)).isFalse();
  }

  @Test
  void parsesPgLocksModeNames() {
    assertThat(LockMode.fromPgName("ShareUpdateExclusiveLock"))
        .isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE);
    assertThat(LockMode.fromPgName("AccessExclusiveLock").label()).isEqualTo("ACCESS EXCLUSIVE");
    assertThat(LockMode.fromPgName("SIReadLock")).isNull();
  }
}
