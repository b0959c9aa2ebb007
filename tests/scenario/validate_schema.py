#!/usr/bin/env python3
"""Checks scenarios/schema.json: that it is a valid JSON Schema (draft 2020-12),
that every scenario file under the given folders validates against it, that
each example under schema_examples/valid/ validates and that each under
schema_examples/invalid/ does not (each says why in its first line).

    validate_schema.py --schema scenarios/schema.json --examples tests/scenario/schema_examples scenarios/

Needs PyYAML and jsonschema (Debian: python3-yaml, python3-jsonschema).
"""
import argparse
import os
import pathlib
import sys

try:
    import jsonschema
    import yaml
except ImportError as missing:
    # A Python from elsewhere on PATH (pyenv, a venv) may lack what Debian's has.
    system_python = "/usr/bin/python3"
    if os.path.exists(system_python) and os.path.realpath(sys.executable) != os.path.realpath(system_python) \
            and "CONFORMANCE_SCHEMA_REEXEC" not in os.environ:
        os.environ["CONFORMANCE_SCHEMA_REEXEC"] = "1"
        os.execv(system_python, [system_python] + sys.argv)
    sys.exit(f"validate_schema.py: {missing}; install python3-yaml and python3-jsonschema (scripts/bootstrap)")


def scenario_files(root):
    """*.yaml / *.yml below root, leaving out folders named fixtures or deviations, as the loader does."""
    root = pathlib.Path(root)
    if root.is_file():
        return [root]
    files = []
    for path in sorted(root.rglob("*")):
        if path.suffix in (".yaml", ".yml") and path.is_file() and not {"fixtures", "deviations"} & set(path.relative_to(root).parts[:-1]):
            files.append(path)
    return files


def errors_of(validator, path):
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return [f"not YAML: {error}"]
    return [f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
            for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schema", required=True)
    parser.add_argument("--examples", required=True)
    parser.add_argument("folders", nargs="*")
    arguments = parser.parse_args()

    schema = yaml.safe_load(pathlib.Path(arguments.schema).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    passed, failed = 0, 0
    examples = pathlib.Path(arguments.examples)
    for path in scenario_files(examples / "valid") + sum((scenario_files(f) for f in arguments.folders), []):
        problems = errors_of(validator, path)
        if problems:
            failed += 1
            for problem in problems:
                print(f"{path}: {problem}")
        else:
            passed += 1
    for path in scenario_files(examples / "invalid"):
        if errors_of(validator, path):
            passed += 1
        else:
            failed += 1
            why = path.read_text(encoding="utf-8").splitlines()[0]
            print(f"{path}: validates, but must not ({why})")
    print(f"schema check: {passed} files as expected, {failed} not")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
