assert new File(basedir, 'remote-near/files/md5').isDirectory() : 'pom <remote> must beat core.remote'
assert new File(basedir, 'remote-middle/files/md5').isDirectory() : '-Ddvc.remote must beat the pom'
assert !new File(basedir, 'remote-far').exists()
return true
