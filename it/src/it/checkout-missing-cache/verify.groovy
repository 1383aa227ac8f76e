def log = new File(basedir, 'build.log').text
assert log.contains('Checkout failed for following targets:')
assert log.contains('model.pkl')
assert log.contains('Is your cache up to date?')
assert log.contains('mvn dvc:pull')
assert !new File(basedir, 'model.pkl').exists()
return true
