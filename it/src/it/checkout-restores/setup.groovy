import java.security.MessageDigest

def run(String... cmd) {
    def p = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : "${cmd.join(' ')} failed: ${out}"
}
def md5(byte[] b) { MessageDigest.getInstance('MD5').digest(b).encodeHex().toString() }

// a repo as a teammate's `git clone` leaves it: pointer committed, data only in the cache
run('git', 'init', '-q')
new File(basedir, '.dvc/tmp').mkdirs()
new File(basedir, '.dvc/config').text = ''
byte[] content = 'restored by dvc:checkout\n'.bytes
def h = md5(content)
def obj = new File(basedir, ".dvc/cache/files/md5/${h.substring(0, 2)}/${h.substring(2)}")
obj.parentFile.mkdirs()
obj.bytes = content
obj.setWritable(false, false)
new File(basedir, 'data.txt.dvc').text = "outs:\n- md5: ${h}\n  size: ${content.length}\n  hash: md5\n  path: data.txt\n"
new File(basedir, '.gitignore').text = '/data.txt\n'
return true
