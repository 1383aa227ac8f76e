// expected bytes produced by the real `dvc add data model.bin` (dvc 3.67) on the same files
def dataDvc = new File(basedir, 'data.dvc').text
assert dataDvc == '''outs:
- md5: bed5661bbe0bb4234911bad6973b1793.dir
  size: 11
  nfiles: 2
  hash: md5
  path: data
''' : "unexpected data.dvc:\n${dataDvc}"
def modelDvc = new File(basedir, 'model.bin.dvc').text
assert modelDvc == '''outs:
- md5: e2c865db4162bed963bfaa9ef6ac18f0
  size: 256
  hash: md5
  path: model.bin
''' : "unexpected model.bin.dvc:\n${modelDvc}"
assert new File(basedir, '.gitignore').text == '/data\n/model.bin\n'
assert new File(basedir, '.dvc/cache/files/md5/e2/c865db4162bed963bfaa9ef6ac18f0').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('Data and pipelines are up to date.')
assert log.contains('git add data.dvc model.bin.dvc .gitignore') || log.contains('git add .gitignore data.dvc model.bin.dvc')
return true
