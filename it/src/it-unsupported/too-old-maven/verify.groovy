// no repository is needed: the refusal comes before anything looks for one
def log = new File(basedir, 'build.log').text
assert log.count('dvc-maven-plugin needs Maven 3.6.3 or newer; this is Maven 3.5.4') == 2
assert !log.contains('dvc: dvc:status bound to verify') : 'nothing may run on an unsupported Maven'
assert !log.contains('BUILD SUCCESS')
return true
