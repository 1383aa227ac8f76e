def run = { List<String> cmd ->
    def p = cmd.execute(null, basedir)
    p.waitFor()
    assert p.exitValue() == 0 : cmd.toString() + '\n' + p.err.text
}
def version = { int v ->
    new File(basedir, 'params.yaml').text = "train:\n  C: ${v == 1 ? '0.5' : '1.5'}\n"
    new File(basedir, 'metrics.json').text = v == 1 ? '{"auc": 0.941919, "acc": 0.825}' : '{"auc": 0.939394, "acc": 0.85}'
    def loss = new StringBuilder('epoch,loss\n')
    (0..9).each { e -> loss.append("${e},${String.format(Locale.ROOT, '%.3f', 1.0 / (e + 1 + v) + 0.1)}\n") }
    new File(basedir, 'loss.csv').text = loss.toString()
    new File(basedir, 'model.svg').text = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"80\" height=\"80\"><circle cx=\"40\" cy=\"40\" r=\"${10 * v}\"/></svg>\n"
}
run(['git', 'init', '-q'])
new File(basedir, '.dvc/tmp').mkdirs()
new File(basedir, '.dvc/config').text = ''
new File(basedir, '.dvcignore').text = ''
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
new File(basedir, 'dvc.yaml').text = 'stages:\n  eval:\n    cmd: "true"\n    params:\n    - train.C\n    metrics:\n    - metrics.json:\n        cache: false\nplots:\n- loss.csv:\n    x: epoch\n    y: loss\n- model.svg\n'
version(1)
run(['git', 'add', '-A'])
run(['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', 'commit', '-qm', 'base'])
version(2)
return true
