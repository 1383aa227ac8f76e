new File(basedir, '.dvc/tmp').mkdirs()
new File(basedir, '.dvc/config').text = '[core]\n    no_scm = True\n'
// a pointer whose data was changed without a commit (the pointer records "a"): stale, also for a gate
// that allows missing data
new File(basedir, 'data.csv.dvc').text = "outs:\n- md5: 0cc175b9c0f1b6a831c399e269772661\n  size: 1\n  hash: md5\n  path: data.csv\n"
new File(basedir, 'data.csv').text = 'b'
return true
