def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 6
// 1: dvc diff --json --show-hash
assert runs[0].contains('{"added": [{"path": "data/c.csv", "hash": "') : runs[0]
assert runs[0] =~ /"modified": \[\{"path": "data\/", "hash": \{"old": "[0-9a-f]{32}\.dir", "new": "[0-9a-f]{32}\.dir"\}\}, \{"path": "model.bin"/
assert runs[0].contains('"not in cache": []}')
// 2: Markdown for a pull-request comment
assert runs[1].contains('| Status   | Path       |')
assert runs[1].contains('| added    | data/c.csv |')
assert runs[1].contains('| modified | model.bin  |')
// 3, 4: data status
assert runs[2].contains('{"uncommitted": {"modified": ["data/", "model.bin"], "added": ["data/c.csv"]}}')
assert runs[3].contains('DVC uncommitted changes:')
assert runs[3].contains('        modified: model.bin')
// 5: hooks installed, calling the plugin by its coordinates; 6: not twice
['post-checkout', 'pre-commit', 'pre-push'].each { name ->
    def hook = new File(basedir, ".git/hooks/${name}")
    assert hook.canExecute()
    assert hook.text.startsWith('#!/bin/sh\n')
    assert hook.text.contains("mvn -B -ntp ${pluginCoordinates}:")
}
assert new File(basedir, '.git/hooks/pre-push').text.contains(":push")
assert runs[5].contains("Hook 'post-checkout' already exists")

// the hooks at work, through a `mvn` on the PATH that is the Maven running these tests, offline
def shim = new File(basedir, 'shim')
shim.mkdirs()
new File(shim, 'mvn').text = "#!/bin/sh\nexec '${System.getProperty('maven.home')}/bin/mvn' -o -Dmaven.repo.local='${localRepositoryPath}' \"\$@\"\n"
new File(shim, 'mvn').setExecutable(true)
def git = { String... args ->
    def pb = new ProcessBuilder(['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com'] + args.toList())
            .directory(basedir).redirectErrorStream(true)
    pb.environment().put('PATH', shim.absolutePath + File.pathSeparator + System.getenv('PATH'))
    def p = pb.start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : "git ${args}: ${out}"
    out
}
// pre-commit reports what is not committed to dvc, without blocking the commit
def commitOut = git('commit', '-qam', 'code only')
assert commitOut.contains('modified:           model.bin') : commitOut
// pre-push pushes the data before git pushes the commits
git('init', '-q', '--bare', new File(basedir, 'origin.git').absolutePath)
def pushOut = git('push', '-q', new File(basedir, 'origin.git').absolutePath, 'HEAD:refs/heads/main')
assert pushOut.contains('files pushed') : pushOut
assert new File(basedir, 'remote/files/md5').isDirectory()
// post-checkout restores the data of the branch checked out (the uncommitted edits dropped first: a
// checkout never overwrites them without -Ddvc.force=true)
new File(basedir, 'model.bin').with { it.delete(); it.text = 'weights v1' }
['data/c.csv', 'data/a.csv'].each { new File(basedir, it).with { f -> f.parentFile.setWritable(true); f.delete() } }
def checkoutOut = git('checkout', '-q', '-b', 'other')
assert new File(basedir, 'data/a.csv').text == 'x\n1\n' : checkoutOut
return true
