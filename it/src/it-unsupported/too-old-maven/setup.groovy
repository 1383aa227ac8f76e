// a pipeline whose lock was written for train.C = 0.5; params.yaml now says 1.5
new File(basedir, '.dvc/tmp').mkdirs()
new File(basedir, '.dvc/config').text = '[core]\n    no_scm = True\n'
new File(basedir, 'params.yaml').text = 'train:\n  C: 1.5\n'
new File(basedir, 'dvc.yaml').text = '''stages:
  train:
    cmd: cp params.yaml model.txt
    deps:
    - params.yaml
    params:
    - train.C
    outs:
    - model.txt
'''
def md5 = { String s -> java.security.MessageDigest.getInstance('MD5').digest(s.bytes).encodeHex().toString() }
def oldParams = 'train:\n  C: 0.5\n'
def h = md5(oldParams)
def obj = new File(basedir, ".dvc/cache/files/md5/${h.substring(0, 2)}/${h.substring(2)}")
obj.parentFile.mkdirs()
obj.text = oldParams
new File(basedir, 'model.txt').text = oldParams
new File(basedir, 'dvc.lock').text = """schema: '2.0'
stages:
  train:
    cmd: cp params.yaml model.txt
    deps:
    - path: params.yaml
      hash: md5
      md5: ${h}
      size: ${oldParams.length()}
    params:
      params.yaml:
        train.C: 0.5
    outs:
    - path: model.txt
      hash: md5
      md5: ${h}
      size: ${oldParams.length()}
"""
return true
