import java.security.MessageDigest

def md5(byte[] b) { MessageDigest.getInstance('MD5').digest(b).encodeHex().toString() }

new File(basedir, '.dvc/tmp').mkdirs()
new File(basedir, '.dvc/config').text = '[core]\n    no_scm = True\n'
byte[] old = 'old\n'.bytes
def h = md5(old)
def obj = new File(basedir, ".dvc/cache/files/md5/${h.substring(0, 2)}/${h.substring(2)}")
obj.parentFile.mkdirs()
obj.bytes = old
new File(basedir, 'data.txt.dvc').text = "outs:\n- md5: ${h}\n  size: 4\n  hash: md5\n  path: data.txt\n"
new File(basedir, 'data.txt').text = 'new content\n'
return true
