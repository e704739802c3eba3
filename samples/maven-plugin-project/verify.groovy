// Used by the Greenlight build: what linter/maven-plugin's integration tests check after building
// this sample (see invoker.properties).
def log = new File(basedir, 'build.log').text

// mvn verify: the flyway-maven-plugin's classpath:db/migration is linted and passes
assert log.contains('Greenlight lint: checking src/main/resources/db/migration from flyway-maven-plugin <locations>')
assert log.contains('Greenlight lint: 0 errors, 0 warnings, 0 infos in 3 files (4 statements), PostgreSQL 17, fail-on error')
['greenlight.json', 'greenlight.sarif', 'greenlight-codequality.json', 'TEST-greenlight.xml'].each {
  assert new File(basedir, "target/greenlight/$it").isFile() : "missing report $it"
}

// mvn verify -Dgreenlight.locations=db/unsafe: the unsafe release fails the build
assert log.contains('[ERROR] db/unsafe/V2__drop_legacy_ref.sql:3:20 error ban-drop-column Dropping column orders.legacy_ref')
assert log.contains('[ERROR] db/unsafe/V3__index_orders_by_email.sql:2:1 error require-concurrent-index')
assert log.contains('Greenlight lint: 2 findings at or above error, listed above')
assert log.contains('BUILD FAILURE')
true
