def log = new File(basedir, 'build.log').text
assert log.contains('Checkout failed for following targets:')
assert log.contains('model.pkl')
assert log.contains('Is your cache up to date?')
// no pom here: the hint names the plugin by its coordinates, so it runs as pasted
assert log.contains("mvn ${pluginCoordinates}:pull")
assert !new File(basedir, 'model.pkl').exists()
return true
