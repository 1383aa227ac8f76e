def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 2
assert !log.contains('dvc: dvc:status bound to verify') : 'the pom declares the goal: nothing to bind'
assert runs[0].count('dvc:0.1.0-SNAPSHOT:status (data-gate)') == 1
assert runs[0].contains('deleted:            data.csv') || runs[0].contains('not in cache:       data.csv')
assert runs[0].contains('BUILD SUCCESS')
assert runs[1].contains('BUILD FAILURE')
assert runs[1].contains('mvn dvc:pull')
return true
