// A repository with tracked data (made by our core) and a local remote, committed; then a workspace edit
import io.github.dvcmaven.core.api.AddOptions
import io.github.dvcmaven.core.api.Repo
import io.github.dvcmaven.core.api.RepoOptions

def run = { File dir, List<String> cmd ->
    def p = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : "${cmd} in ${dir}: ${out}"
    out
}
def git = { String... args -> run(basedir, ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com'] + args.toList()) }
git('init', '-q')
new File(basedir, 'data/sub').mkdirs()
new File(basedir, 'data/a.csv').text = 'x\n1\n'
new File(basedir, 'data/sub/b.csv').text = 'x\n2\n'
new File(basedir, 'model.bin').text = 'weights v1'
Repo.init(basedir.toPath())
new File(basedir, '.dvc/config').text = "[core]\n    remote = store\n['remote \"store\"']\n    url = ${new File(basedir, 'remote').absolutePath}\n"
def repo = Repo.open(basedir.toPath(), RepoOptions.defaults().withCwd(basedir.toPath()))
try {
    repo.add(['data', 'model.bin'], AddOptions.defaults())
} finally {
    repo.close()
}
git('add', '-A')
git('commit', '-qm', 'v1')
new File(basedir, 'data/c.csv').text = 'x\n3\n'
new File(basedir, 'model.bin').delete()
new File(basedir, 'model.bin').text = 'weights v2'
return true
