def log = new File(basedir, 'build.log').text

assert log.contains('[ERROR] src/main/resources/db/migration/V2__drop_legacy.sql:2:20 error ban-drop-column Dropping column orders.legacy_ref')
assert log.contains('Greenlight lint: 1 error, 0 warnings, 0 infos in 2 files')
assert log.contains('BUILD FAILURE')
assert log.contains('Greenlight lint: 1 finding at or above error')
assert !log.contains('\tat dev.greenlight') : 'no stack trace in normal output'
// the report is written even when the build fails
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/greenlight/greenlight.json'))
assert json.findings*.rule == ['ban-drop-column']
// a failing run leaves no fingerprint, so the next build lints (and fails) again
assert !new File(basedir, 'target/greenlight/lint.fingerprint').exists()

assert log.contains('Greenlight lint: skipped (greenlight.skip)')
assert log.contains('BUILD SUCCESS')
true
