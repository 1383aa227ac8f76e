"""Dumps each JSON-encoded case from stdin with dvc's own YAML dumper; prints a JSON list of texts."""
import json
import sys

from dvc.utils.serialize._yaml import dumps_yaml

cases = json.load(sys.stdin)
print(json.dumps([dumps_yaml(case) for case in cases]))
