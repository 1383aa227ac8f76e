def git = { String... args ->
    def p = (['git'] + args.toList()).execute(null, basedir)
    p.waitFor()
    assert p.exitValue() == 0 : p.err.text
}
git('init', '-q')
new File(basedir, 'data/sub').mkdirs()
new File(basedir, 'data/sub/a.csv').text = 'x\n1\n'
new File(basedir, 'data/b.csv').text = 'x\n2\n'
new File(basedir, 'model.bin').text = 'weights v1'
return true
