// an S3 server (S3Proxy) in its own JVM on a free loopback port, stopped by verify.groovy
def port = new ServerSocket(0, 0, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def cp = new File(s3ServerClasspath).text.trim()
cp = new File(s3ServerClasspath).parentFile.parentFile.parentFile.toString() + '/dvc-core/target/test-classes:' + cp
def java = System.getProperty('java.home') + '/bin/java'
def proc = new ProcessBuilder(java, '-cp', cp, 'io.github.dvcmaven.core.bench.S3ServerMain', "${port}", 'memory')
        .redirectErrorStream(true).redirectOutput(new File(basedir, 's3-server.log')).start()
new File(basedir, 's3-server.pid').text = "${proc.pid()}"
def up = false
for (int i = 0; i < 150 && !up; i++) {
    try { new Socket('127.0.0.1', port).close(); up = true } catch (IOException e) { Thread.sleep(200) }
}
assert up : 'S3 server did not start: ' + new File(basedir, 's3-server.log').text

new File(basedir, '.dvc/tmp').mkdirs()
// no credentials in any dvc config file: they come from settings.xml
new File(basedir, '.dvc/config').text = """[core]
    no_scm = True
    remote = storage
['remote "storage"']
    url = s3://dvc-lab-cache/settings-it
    endpointurl = http://127.0.0.1:${port}
['remote "other"']
    url = s3://dvc-lab-cache/other
    endpointurl = http://127.0.0.1:${port}
    access_key_id = AKIATESTDVCMAVEN0001
    secret_access_key = notTheRightKeyButCommitted
"""
def md5 = { byte[] b -> java.security.MessageDigest.getInstance('MD5').digest(b).encodeHex().toString() }
['a.csv': 'x,y\n1,2\n', 'b.csv': 'x,y\n3,4\n'].each { name, content ->
    def h = md5(content.bytes)
    def obj = new File(basedir, ".dvc/cache/files/md5/${h.substring(0, 2)}/${h.substring(2)}")
    obj.parentFile.mkdirs()
    obj.text = content
    new File(basedir, name).text = content
    new File(basedir, "${name}.dvc").text = "outs:\n- md5: ${h}\n  size: ${content.length()}\n  hash: md5\n  path: ${name}\n"
}
return true
