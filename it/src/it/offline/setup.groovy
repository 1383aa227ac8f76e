new File(basedir, '.dvc/tmp').mkdirs()
new File(basedir, '.dvc/config').text = """[core]
    no_scm = True
    remote = s3
['remote "s3"']
    url = s3://some-bucket/path
    endpointurl = http://192.0.2.1:9000
['remote "nearby"']
    url = ../offline-remote
"""
def content = 'data\n'
def h = java.security.MessageDigest.getInstance('MD5').digest(content.bytes).encodeHex().toString()
def obj = new File(basedir, ".dvc/cache/files/md5/${h.substring(0, 2)}/${h.substring(2)}")
obj.parentFile.mkdirs()
obj.text = content
new File(basedir, 'data.txt').text = content
new File(basedir, 'data.txt.dvc').text = "outs:\n- md5: ${h}\n  size: 5\n  hash: md5\n  path: data.txt\n"
return true
