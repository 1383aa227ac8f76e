def log = new File(basedir, 'build.log').text
// the extension bound the check, and said so once
assert log.count('dvc: dvc:status bound to verify in extension-stale-lock') == 3
// first verify: fails naming the stage, why, and the fix
assert log.contains('train:')
assert log.contains('dvc status: 1 stage(s) or tracked file(s) are not up to date:')
assert log =~ /  train: .*changed deps .*params\.yaml/
assert log.contains('mvn dvc:repro -Ddvc.targets=train')
assert !log.contains('[WARNING] Plugin validation') && !log.contains('Plugin issue') : 'plugin validation warnings'
// repro ran the stage, the last verify passed
assert log.contains("Running stage 'train':")
assert log.contains('Data and pipelines are up to date.')
assert new File(basedir, 'model.txt').text == 'train:\n  C: 1.5\n'
assert new File(basedir, 'dvc.lock').text.contains('train.C: 1.5')
return true
