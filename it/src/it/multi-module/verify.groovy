def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 3
// -T 2: bound once, to the last module of the repository, and it ran once
assert runs[0].count('dvc: dvc:status bound to verify') == 1
assert runs[0].contains('dvc: dvc:status bound to verify in app for the dvc repository')
// Maven 3.9 names the plugin by its prefix in the execution header, 3.6 and 3.8 by its artifactId
assert (runs[0] =~ /(dvc|dvc-maven-plugin):0\.1\.0-SNAPSHOT:status \(dvc-status-auto\)/).size() == 1
assert runs[0].count('Data and pipelines are up to date.') == 1
assert runs[0].contains('BUILD SUCCESS')
// -Ddvc.status.skip: not bound at all
assert runs[1].contains('dvc: status check not bound to verify')
assert !runs[1].contains('(dvc-status-auto)')
assert runs[2].count('Data and pipelines are up to date.') == 1
return true
