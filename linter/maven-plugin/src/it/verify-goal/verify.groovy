def log = new File(basedir, 'build.log').text

assert log.contains('Greenlight verify: checking src/main/resources/db/migration')
assert log =~ /\[ERROR\] src\/main\/resources\/db\/migration\/V2__widen_total.sql:2:1 error observed-table-rewrite /
assert log.contains('on PostgreSQL 17') || log.contains('PostgreSQL 17, fail-on error')
assert log.contains('BUILD FAILURE')
assert !log.contains('initdb') : 'the embedded server start-up stays out of the build log'
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/greenlight/greenlight.json'))
assert json.findings*.rule.contains('observed-table-rewrite')
assert json.migrations*.path == ['src/main/resources/db/migration/V2__widen_total.sql']
true
