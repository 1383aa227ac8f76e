def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 16
runs.eachWithIndex { r, i -> assert r.contains('BUILD SUCCESS') : "step ${i + 1} failed:\n${r}" }
assert runs[0].contains('Initialized DVC repository')
assert runs[1].contains('Wrote data.dvc') && runs[1].contains('Wrote model.bin.dvc')
// a relative remote path is stored relative to .dvc/, as dvc stores it
assert new File(basedir, '.dvc/config').text.contains("['remote \"store\"']\n    url = ../../all-goals-remote\n")
assert runs[3].contains('store\t') && runs[3].contains('all-goals-remote\t(default)')
assert runs[4].contains('4 files pushed')            // a.csv, b.csv, the .dir, model.bin
assert new File(basedir, '../all-goals-remote/files/md5').isDirectory()
assert runs[5].contains('Unprotected model.bin')
assert runs[6].contains('Nothing to commit')
assert runs[7].contains('Dry run: would remove') && runs[8].contains('Removing all cache except')
assert runs[9].contains('Everything is up to date.')  // fetch: the cache already has it all
assert runs[12].contains('| data.dvc |') && runs[12].contains('| model.bin.dvc |')
assert runs[13].contains('{}')                        // status --json: clean
assert runs[14].contains('Removed model.bin.dvc') && !new File(basedir, 'model.bin.dvc').exists()
assert new File(basedir, 'model.bin').text == 'weights v1'  // remove keeps the data
assert runs[15].contains('dvc:gc') && runs[15].contains('dvc:status')
assert new File(basedir, 'data/sub/a.csv').text == 'x\n1\n'
assert !log.contains('at io.github.dvcmaven')
return true
