def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Path          acc    auc')
assert log.contains('[INFO] metrics.json  0.85   0.93939')
assert log.contains('[INFO] Path          Metric    HEAD     workspace    Change')
assert log.contains('[INFO] metrics.json  acc       0.825    0.85         0.025')
assert log.contains('[INFO] metrics.json  auc       0.94192  0.93939      -0.00252')
// Markdown on standard output, ready for a pull-request comment
assert log.contains('| Path         | Metric   | HEAD    | workspace   | Change   |\n|--------------|----------|---------|-------------|----------|\n| metrics.json | acc      | 0.825   | 0.85        | 0.025    |\n')
assert log.contains('{"params.yaml": {"train.C": {"old": 0.5, "new": 1.5, "diff": 1.0}}}')
return true
