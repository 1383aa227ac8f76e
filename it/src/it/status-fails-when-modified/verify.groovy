def log = new File(basedir, 'build.log').text
assert log.contains('data.txt.dvc:')
assert log.contains('\tchanged outs:')
assert log.contains('\t\tmodified:           data.txt')
assert log.contains('dvc status: 1 stage(s) changed: data.txt.dvc')
assert log.contains('run `mvn dvc:commit`')
assert !log.contains('at io.github.dvcmaven') : 'no stack traces for user errors'
return true
