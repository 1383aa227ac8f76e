def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 3
assert runs[0].contains("dvc:push needs the network to reach remote 's3://some-bucket/path', but Maven runs offline (-o)")
assert runs[0].contains('Hint: run without -o')
assert runs[1].contains('1 file pushed') && runs[1].contains('BUILD SUCCESS')
assert new File(basedir, 'offline-remote/files/md5').isDirectory()
assert runs[2].contains('dvc:status needs the network')
return true
