def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 2
assert !log.contains('dvc: dvc:status bound to verify') : 'the pom declares the goal: nothing to bind'
assert runs[0].count(':status (data-gate) @ declared-status') == 1
assert runs[0].contains('modified:           data.csv')
assert runs[0].contains('BUILD SUCCESS')
assert runs[1].contains('BUILD FAILURE')
assert runs[1].contains('mvn dvc:commit -Ddvc.targets=data.csv')
return true
