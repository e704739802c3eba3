def log = new File(basedir, 'build.log').text
def finding = '[WARNING] src/main/resources/db/migration/V2__drop_index.sql:2:12 warning require-concurrent-index-drop Dropping index orders_legacy without CONCURRENTLY'

assert log.count(finding) == 2 : 'the changed failOn must lint again, not skip'
assert log.contains('0 errors, 1 warning, 0 infos in 2 files (4 statements), PostgreSQL 17, fail-on error')
assert log.contains('0 errors, 1 warning, 0 infos in 2 files (4 statements), PostgreSQL 17, fail-on warning')
assert log.contains('BUILD SUCCESS')
assert log.contains('BUILD FAILURE')
assert log.contains('Greenlight lint: 1 finding at or above warning')
true
