def log = new File(basedir, 'build.log').text

assert log.contains("on project config-errors: failOn: 'fatal' is not a level (use error, warning or info) -> [Help 1]")
assert log.contains("on project config-errors: configFile: ")
assert log.contains("broken.toml:1:1: unknown key 'fail_on' (did you mean 'fail-on'?) -> [Help 1]")
assert log.count('BUILD FAILURE') == 2
assert !log.contains('\tat dev.greenlight') : 'no stack trace in normal output'
true
