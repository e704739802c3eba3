def log = new File(basedir, 'build.log').text

assert log.contains('Greenlight lint: checking db/changes, src/main/resources/db/more from flyway-maven-plugin <locations>')
assert log.contains("'classpath:db/absent' is in no resource folder")
assert log.contains('[ERROR] src/main/resources/db/more/V2__drop_legacy.sql:2:20 error ban-drop-column')
assert log.contains('in 2 files')
assert log.contains('BUILD FAILURE')
true
