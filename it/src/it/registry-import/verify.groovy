def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 6
(0..4).each { i -> assert runs[i].contains('BUILD SUCCESS') : "step ${i + 1} failed:\n${runs[i]}" }
assert new File(basedir, 'churn.bin').text == 'churn model v1\n'
def pointer = new File(basedir, 'churn.bin.dvc').text
assert pointer.startsWith('md5: ') && pointer.contains('frozen: true\n')
assert pointer.contains("  repo:\n    url: ../registry-import-src\n    rev: v1\n    rev_lock: ")
assert runs[1].contains("Importing 'models/churn.bin (../registry-import-src)' -> 'churn.bin'")
assert runs[2] =~ /15  [0-9a-f]{32}  models\/churn.bin/
assert new File(basedir, 'got.bin').text == 'churn model v1\n'
assert runs[4].contains("Stage 'churn.bin.dvc' didn't change, skipping")
assert runs[5].contains("'models/missing.bin' is not tracked in '../registry-import-src'")
assert !log.contains('at io.github.dvcmaven')
return true
