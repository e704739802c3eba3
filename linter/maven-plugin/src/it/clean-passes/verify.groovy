def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/greenlight')

assert log.contains('Greenlight lint: checking src/main/resources/db/migration')
assert log.contains('Greenlight lint: 0 errors, 0 warnings, 0 infos in 2 files (3 statements), PostgreSQL 17, fail-on error')
assert log.contains('Greenlight lint: no migration, configuration or parameter changed since the last passing run, skipped')
assert log.count('Greenlight lint: checking') == 1 : 'the second build must not lint again'
assert log.count('BUILD SUCCESS') == 2

['greenlight.json', 'greenlight.sarif', 'greenlight-codequality.json', 'TEST-greenlight.xml'].each {
  assert new File(reports, it).isFile() : "missing report $it"
}
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'greenlight.json'))
assert json.tool.name == 'greenlight'
assert json.postgresVersion == 17
assert json.migrations*.path == ['src/main/resources/db/migration/V1__create_orders.sql',
                                 'src/main/resources/db/migration/V2__add_note.sql']
assert json.summary.errors == 0
assert new File(reports, 'lint.fingerprint').text.contains('src/main/resources/db/migration/V2__add_note.sql')
true
