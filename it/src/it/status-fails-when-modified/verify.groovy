def log = new File(basedir, 'build.log').text
assert log.contains('data.txt.dvc:')
assert log.contains('\tchanged outs:')
assert log.contains('\t\tmodified:           data.txt')
// the failure lists each stale item with why, then the command that fixes it
assert log.contains('dvc status: 1 stage(s) or tracked file(s) are not up to date:')
assert log.contains('  data.txt.dvc: data.txt modified')
assert log.contains("mvn ${pluginCoordinates}:commit -Ddvc.targets=data.txt")
assert !log.contains('at io.github.dvcmaven') : 'no stack traces for user errors'
return true
