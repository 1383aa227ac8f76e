new File(basedir, '.dvc/tmp').mkdirs()
new File(basedir, '.dvc/config').text = '[core]\n    no_scm = True\n'
// a pointer whose data is missing everywhere: stale
new File(basedir, 'data.csv.dvc').text = "outs:\n- md5: 0cc175b9c0f1b6a831c399e269772661\n  size: 1\n  hash: md5\n  path: data.csv\n"
return true
