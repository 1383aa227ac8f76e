def run(String... cmd) {
    def p = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : "${cmd.join(' ')} failed: ${out}"
}
run('git', 'init', '-q')
new File(basedir, 'data/sub').mkdirs()
new File(basedir, 'data/a.txt').text = 'alpha\n'
new File(basedir, 'data/sub/b.txt').text = 'beta\n'
new File(basedir, 'model.bin').bytes = (0..255).collect { it as byte } as byte[]
return true
