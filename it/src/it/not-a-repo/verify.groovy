def log = new File(basedir, 'build.log').text
assert log.contains('you are not inside of a DVC repository')
assert log.contains("mvn ${pluginCoordinates}:init")
return true
