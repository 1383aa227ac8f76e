import java.security.MessageDigest

def git = { File dir, String... args ->
    def p = (['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com'] + args.toList()).execute(null, dir)
    p.waitFor()
    assert p.exitValue() == 0 : p.err.text
}
// the registry, written by hand in dvc's layout: a pointer in git, the object on its local remote
def src = new File(basedir, '../registry-import-src')
src.deleteDir()
new File(src, '.dvc').mkdirs()
new File(src, 'models').mkdirs()
def bytes = 'churn model v1\n'.bytes
def md5 = MessageDigest.getInstance('MD5').digest(bytes).encodeHex().toString()
def remote = new File(basedir, '../registry-import-remote')
def object = new File(remote, "files/md5/${md5.substring(0, 2)}/${md5.substring(2)}")
object.parentFile.mkdirs()
object.bytes = bytes
new File(src, '.dvc/config').text = "[core]\n    remote = store\n['remote \"store\"']\n    url = ../../registry-import-remote\n"
new File(src, '.dvcignore').text = ''
new File(src, 'models/churn.bin.dvc').text = "outs:\n- md5: ${md5}\n  size: ${bytes.length}\n  hash: md5\n  path: churn.bin\n"
new File(src, 'models/.gitignore').text = '/churn.bin\n'
git(src, 'init', '-q')
git(src, 'add', '-A')
git(src, 'commit', '-qm', 'v1')
git(src, 'tag', 'v1')
// a plain export, not a repository: what import-url and get-url read
def export = new File(basedir, '../registry-import-export')
export.deleteDir()
new File(export, 'sub').mkdirs()
new File(export, 'scores.csv').text = 'id,score\n1,0.9\n'
new File(export, 'sub/more.csv').text = 'id,score\n2,0.1\n'
git(basedir, 'init', '-q')
return true
