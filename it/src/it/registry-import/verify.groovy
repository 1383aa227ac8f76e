def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 10
([0, 1, 2, 3, 4, 6, 7, 8]).each { i -> assert runs[i].contains('BUILD SUCCESS') : "step ${i + 1} failed:\n${runs[i]}" }
assert new File(basedir, 'churn.bin').text == 'churn model v1\n'
def pointer = new File(basedir, 'churn.bin.dvc').text
assert pointer.startsWith('md5: ') && pointer.contains('frozen: true\n')
assert pointer.contains("  repo:\n    url: ../registry-import-src\n    rev: v1\n    rev_lock: ")
assert runs[1].contains("Importing 'models/churn.bin (../registry-import-src)' -> 'churn.bin'")
assert runs[2] =~ /15  [0-9a-f]{32}  models\/churn.bin/
assert new File(basedir, 'got.bin').text == 'churn model v1\n'
assert runs[4].contains("Stage 'churn.bin.dvc' didn't change, skipping")
assert runs[5].contains("'models/missing.bin' is not tracked in '../registry-import-src'")
def urlPointer = new File(basedir, 'scores.csv.dvc').text
assert urlPointer =~ /(?s)^md5: [0-9a-f]{32}\nfrozen: true\ndeps:\n- md5: [0-9a-f]{32}\n  size: 15\n  hash: md5\n  path: \.\.\/registry-import-export\/scores\.csv\nouts:\n/
assert new File(basedir, 'scores.csv').text == 'id,score\n1,0.9\n'
assert runs[7].contains("Stage 'scores.csv.dvc' didn't change, skipping")
assert new File(basedir, 'export-copy/sub/more.csv').text == 'id,score\n2,0.1\n'
assert runs[9].contains("the scheme 'ftp://' is not supported")
assert !log.contains('at io.github.dvcmaven')
return true
