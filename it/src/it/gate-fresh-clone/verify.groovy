def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') || it.contains('[ERROR]') }
assert runs.size() == 8 : "expected 8 builds, got ${runs.size()}"
def dataObjects = { String clone ->
    def files = new File(basedir, "${clone}/.dvc/cache/files/md5")
    files.exists() ? files.listFiles().collectMany { d -> d.listFiles().findAll { !it.name.endsWith('.dir') } } : []
}

// 1: data-free gate on the fresh clone
assert runs[0].contains('BUILD SUCCESS') : runs[0]
assert runs[0].contains('Data and pipelines are up to date.')
assert runs[0] =~ /Not in this checkout, checked against dvc\.lock and the \.dvc files instead of byte for byte: 3 outputs/
// 2: release gate: consistent and restorable, only directory manifests read
assert runs[1].contains('BUILD SUCCESS') : runs[1]
assert runs[1] =~ /Remote 'store' has all \d+ object\(s\) used by the workspace \(\d+ directory manifest\(s\) read from the remote, no data downloaded/
assert dataObjects('clone-ok').isEmpty() : "data objects downloaded: ${dataObjects('clone-ok')}"

// 3: stale param
assert runs[2].contains('BUILD FAILURE')
assert runs[2].contains('train: changed deps (params.yaml: train.C modified)')
assert runs[2].contains('mvn dvc:repro -Ddvc.targets=train')
// 4: changed code dependency
assert runs[3].contains('train: changed deps (src/train.sh modified)')
// 5: not pushed: the objects of HEAD are neither in this clone's cache nor on the remote
assert runs[4] =~ /dvc status: \d+ object\(s\) used by the workspace are not on remote 'store'/
assert runs[4].contains('model/model.txt: neither in this cache nor on the remote')
assert runs[4].contains('on the machine that has the data, run mvn dvc:push')
// 6: v1.0's lost model
def lost = new File(basedir, 'lost-object.txt').text
assert runs[5] =~ /object\(s\) used by the workspace and all git tags are not on remote 'store'/
assert runs[5].contains("model/model.txt   (v1.0): neither in this cache nor on the remote (${lost})")
assert runs[5].contains('mvn dvc:push -Ddvc.allTags=true   (or dvc push -T)')
// 7: typo
assert runs[6].contains('unknown property -Ddvc.target: did you mean -Ddvc.targets?')
assert !runs[6].contains('dvc-status-auto')
// 8: no pom: the hint is a command that runs here
assert runs[7].contains("mvn ${pluginCoordinates}:repro -Ddvc.targets=train")
// (setup.groovy runs in the invoker's JVM, where a second run cannot load SQLite's library again: not checked)
assert runs.every { !it.contains('at io.github.dvcmaven') }
return true
