import java.security.MessageDigest

def git = { File dir, String... args ->
    def p = (['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com'] + args.toList()).execute(null, dir)
    p.waitFor()
    assert p.exitValue() == 0 : p.err.text
}
// the data repository, in dvc's layout: a pointer in git, the object on its local remote; v2 is newer
def src = new File(basedir, '../build-inputs-src')
src.deleteDir()
new File(src, '.dvc').mkdirs()
new File(src, 'models').mkdirs()
def remote = new File(basedir, '../build-inputs-remote')
remote.deleteDir()
def version = { String text ->
    def bytes = text.bytes
    def md5 = MessageDigest.getInstance('MD5').digest(bytes).encodeHex().toString()
    def object = new File(remote, "files/md5/${md5.substring(0, 2)}/${md5.substring(2)}")
    object.parentFile.mkdirs()
    object.bytes = bytes
    new File(src, 'models/churn.bin.dvc').text = "outs:\n- md5: ${md5}\n  size: ${bytes.length}\n  hash: md5\n  path: churn.bin\n"
}
new File(src, '.dvc/config').text = "[core]\n    remote = store\n['remote \"store\"']\n    url = ../../build-inputs-remote\n"
new File(src, '.dvcignore').text = ''
new File(src, 'models/.gitignore').text = '/churn.bin\n'
version('churn model v1\n')
git(src, 'init', '-q')
git(src, 'add', '-A')
git(src, 'commit', '-qm', 'v1')
git(src, 'tag', 'v1')
version('churn model v2\n')
git(src, 'commit', '-qam', 'v2')
return true
