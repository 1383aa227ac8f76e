import groovy.json.JsonSlurper
import java.security.MessageDigest

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 3
runs.eachWithIndex { r, i -> assert r.contains('BUILD SUCCESS') : "step ${i + 1} failed:\n${r}" }
assert new File(basedir, 'target/classes/models/churn.bin').text == 'churn model v1\n'
def manifest = new JsonSlurper().parse(new File(basedir, 'target/classes/META-INF/dvc/inputs.json'))
def entry = manifest.inputs[0]
assert entry.repo == '../build-inputs-src' && entry.rev == 'v1' && entry.path == 'models/churn.bin'
assert entry.commit ==~ /[0-9a-f]{40}/
assert entry.md5 == MessageDigest.getInstance('MD5').digest('churn model v1\n'.bytes).encodeHex().toString()
assert entry.size == 15
assert runs[0].contains('1 path(s), 1 fetched')
assert runs[1].contains("Inputs from '../build-inputs-src' at v1 (${entry.commit}) are up to date")
assert runs[1].contains('1 path(s), 0 fetched')
assert runs[2].contains('1 path(s), 0 fetched')
assert !log.contains('at io.github.dvcmaven')
return true
