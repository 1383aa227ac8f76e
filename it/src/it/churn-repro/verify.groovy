def log = new File(basedir, 'build.log').text
['load', 'train', 'eval'].each { stage ->
    assert log.contains("Running stage '${stage}':") : "stage ${stage} did not run"
    assert log.contains("> java src/Churn.java ${stage}")
}
assert log.contains("Generating lock file 'dvc.lock'")
assert log.contains('Data and pipelines are up to date.')
// the second repro changes nothing
['load', 'train', 'eval'].each { stage ->
    assert log.contains("Stage '${stage}' didn't change, skipping")
}
def lock = new File(basedir, 'dvc.lock').text
assert lock.startsWith("schema: '2.0'\nstages:\n  load:\n    cmd: java src/Churn.java load\n")
assert lock.contains('      train.C: 0.5\n')
assert lock.contains('    - path: metrics.json\n      hash: md5\n')
def metrics = new File(basedir, 'metrics.json').text
assert metrics.contains('"holdout_auc"')
assert new File(basedir, 'plots/cm.png').length() > 0
assert new File(basedir, '.gitignore').text.contains('/metrics.json')
return true
