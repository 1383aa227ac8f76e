assert new File(basedir, 'data.txt').text == 'restored by dvc:checkout\n'
def log = new File(basedir, 'build.log').text
assert log.contains('A\tdata.txt')
assert log.contains('Data and pipelines are up to date.')
return true
