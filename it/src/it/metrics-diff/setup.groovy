def run = { List<String> cmd ->
    def p = cmd.execute(null, basedir)
    p.waitFor()
    assert p.exitValue() == 0 : cmd.toString() + '\n' + p.err.text
}
run(['git', 'init', '-q'])
new File(basedir, '.dvc/tmp').mkdirs()
new File(basedir, '.dvc/config').text = ''
new File(basedir, '.dvcignore').text = ''
new File(basedir, 'params.yaml').text = 'train:\n  C: 0.5\n'
new File(basedir, 'dvc.yaml').text = 'stages:\n  eval:\n    cmd: cp m.json metrics.json\n    deps:\n    - m.json\n    params:\n    - train.C\n    metrics:\n    - metrics.json:\n        cache: false\n'
new File(basedir, 'm.json').text = '{"auc": 0.941919, "acc": 0.825}'
new File(basedir, 'metrics.json').text = '{"auc": 0.941919, "acc": 0.825}'
run(['git', 'add', '-A'])
run(['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', 'commit', '-qm', 'base'])
new File(basedir, 'params.yaml').text = 'train:\n  C: 1.5\n'
new File(basedir, 'metrics.json').text = '{"auc": 0.939394, "acc": 0.85}'
return true
