try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
    assert runs.size() == 3
    assert runs[0].contains('2 files pushed') && runs[0].contains('BUILD SUCCESS')
    assert runs[1].contains("Cache and remote 'storage' are in sync.")
    assert runs[2].contains("remote 'other'") && runs[2].contains('BUILD FAILURE')
    // the committed config holds an access key id: warned about, by name
    assert runs[2].contains("remote 'other': access_key_id, remote 'other': secret_access_key")
    assert runs[2].contains('refused the credentials')
    assert !log.contains('notTheRightKeyButCommitted') : 'a committed secret reached the log'
    assert !log.contains('testSecretKeyThatMustNeverBeLogged000001') : 'a secret reached the log'
    assert !log.contains('at io.github.dvcmaven') : 'no stack traces for user errors'
    return true
} finally {
    ProcessHandle.of(new File(basedir, 's3-server.pid').text as long).ifPresent { it.destroy() }
}
