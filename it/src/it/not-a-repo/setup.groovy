new File(basedir, 'just-a-dir.txt').text = 'no .dvc here\n'
return true
