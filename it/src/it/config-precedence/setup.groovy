new File(basedir, '.dvc/tmp').mkdirs()
new File(basedir, '.dvc/config').text = """[core]
    no_scm = True
    remote = far
['remote "far"']
    url = ../remote-far
['remote "middle"']
    url = ../remote-middle
['remote "near"']
    url = ../remote-near
"""
def content = 'data\n'
def h = java.security.MessageDigest.getInstance('MD5').digest(content.bytes).encodeHex().toString()
def obj = new File(basedir, ".dvc/cache/files/md5/${h.substring(0, 2)}/${h.substring(2)}")
obj.parentFile.mkdirs()
obj.text = content
new File(basedir, 'data.txt').text = content
new File(basedir, 'data.txt.dvc').text = "outs:\n- md5: ${h}\n  size: 5\n  hash: md5\n  path: data.txt\n"
return true
