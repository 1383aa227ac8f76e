// An origin repository made by our core (add, repro, push to a local remote, commit, tag v1.0 and v2.0),
// then fresh clones of it: no cache, no data, only what git has. One object only v1.0 uses is then
// deleted from the remote, and one commit after v2.0 is never pushed.
import io.github.dvcmaven.core.api.AddOptions
import io.github.dvcmaven.core.api.Repo
import io.github.dvcmaven.core.api.RepoOptions
import io.github.dvcmaven.core.api.ReproOptions
import io.github.dvcmaven.core.api.SyncOptions
import io.github.dvcmaven.core.testing.GateLab

def run = { File dir, List<String> cmd ->
    def p = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : "${cmd} in ${dir}: ${out}"
    out
}
def git = { File dir, String... args -> run(dir, ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com'] + args.toList()) }
def open = { File dir -> Repo.open(dir.toPath(), RepoOptions.defaults().withCwd(dir.toPath())) }
def remote = new File(basedir, 'remote')
def origin = new File(basedir, 'origin')

origin.mkdirs()
git(origin, 'init', '-q')
new File(origin, 'pom.xml').text = new File(basedir, 'pom.xml').text
GateLab.write(origin.toPath())
Repo.init(origin.toPath())
new File(origin, '.dvc/config').text = "[core]\n    remote = store\n['remote \"store\"']\n    url = ${remote.absolutePath}\n"
def build = { String tag ->
    def repo = open(origin)
    try {
        repo.add(['data/raw'], AddOptions.defaults())
        repo.repro([], ReproOptions.defaults())
        if (tag != null) {
            repo.push(SyncOptions.of([]))
        }
    } finally {
        repo.close()
    }
    git(origin, 'add', '-A')
    git(origin, 'commit', '-qm', tag ?: 'not pushed')
    if (tag != null) {
        git(origin, 'tag', tag)
    }
}
build('v1.0')
def v1Model = new File(origin, 'model/model.txt').bytes
new File(origin, 'params.yaml').text = 'train:\n  C: 1.5\n'
build('v2.0')
new File(origin, 'params.yaml').text = 'train:\n  C: 2.5\n'
build(null)

// the model only v1.0 uses is lost from the remote
def h = java.security.MessageDigest.getInstance('MD5').digest(v1Model).encodeHex().toString()
def lost = new File(remote, "files/md5/${h.substring(0, 2)}/${h.substring(2)}")
assert lost.delete() : "no remote object ${lost}"
new File(basedir, 'lost-object.txt').text = h

['ok', 'param', 'code', 'nopom'].each { name ->
    git(basedir, 'clone', '-q', '--branch', 'v2.0', origin.absolutePath, "clone-${name}")
}
git(basedir, 'clone', '-q', origin.absolutePath, 'clone-unpushed')
// uncommitted edits a developer pushes by mistake
new File(basedir, 'clone-param/params.yaml').text = 'train:\n  C: 9.9\n'
new File(basedir, 'clone-code/src/train.sh').text = 'mkdir -p model && cat data/prepared/*.csv > model/model.txt\n'
new File(basedir, 'clone-nopom/params.yaml').text = 'train:\n  C: 9.9\n'
new File(basedir, 'clone-nopom/pom.xml').delete()
return true
