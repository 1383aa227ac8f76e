// tracked data in a module's directory: the dvc root is the reactor root
new File(basedir, '.dvc/tmp').mkdirs()
new File(basedir, '.dvc/config').text = '[core]\n    no_scm = True\n'
def content = 'a,b\n1,2\n'
def h = java.security.MessageDigest.getInstance('MD5').digest(content.bytes).encodeHex().toString()
def obj = new File(basedir, ".dvc/cache/files/md5/${h.substring(0, 2)}/${h.substring(2)}")
obj.parentFile.mkdirs()
obj.text = content
new File(basedir, 'app/data.csv').text = content
new File(basedir, 'app/data.csv.dvc').text = "outs:\n- md5: ${h}\n  size: ${content.length()}\n  hash: md5\n  path: data.csv\n"
return true
