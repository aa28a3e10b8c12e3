#!/bin/sh
# Run the steps of resources/examples/weather one after another without the Cairn engine,
# giving each step the folders and variables that Cairn gives it, and check the outputs.
#
# Usage: tests/data/python/run_weather_by_hand.sh [WORK_DIR]
# WORK_DIR (default: a new temporary folder) receives in/<step>/ and out/<step>/ for
# every step and is kept for inspection. TREES and TEST_YEAR override the parameters.
# The steps must stay in sync with flow.json: ids, commands, args, env and edges.
set -eu

repo=$(cd "$(dirname "$0")/../../.." && pwd)
example="$repo/resources/examples/weather"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/cairn-weather.XXXXXX")}"
trees="${TREES:-200}"
test_year="${TEST_YEAR:-2015}"
source_csv=/usr/lib/python3/dist-packages/vega_datasets/_data/seattle-weather.csv

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# Print a seed that is stable for a step id, as CAIRN_SEED is for a flow and step.
step_seed() {
    printf 'weather/%s' "$1" | cksum | cut -d ' ' -f 1
}

# run_step STEP "UPSTREAM..." COMMAND [ARG...]
# Copies the outputs of each upstream step into in/STEP/<upstream>/, makes them
# read-only, then runs COMMAND in the example folder with the step's variables set and
# returns its exit status. Extra variables (the step's env, its parameters) come from
# the caller's environment.
run_step() {
    step=$1
    upstream=$2
    shift 2

    input="$work/in/$step"
    output="$work/out/$step"
    [ ! -d "$input" ] || chmod -R u+w "$input"
    rm -rf "$input" "$output"
    mkdir -p "$input" "$output"
    for from in $upstream; do
        cp -R "$work/out/$from" "$input/$from"
    done
    chmod -R a-w "$input"

    echo "== $step"
    (
        cd "$example"
        CAIRN_OUTPUT_DIR="$output" CAIRN_INPUT_DIR="$input" CAIRN_RUN_ID=1 \
        CAIRN_STEP_ID="$step" CAIRN_ATTEMPT=1 CAIRN_SEED="$(step_seed "$step")" \
        PYTHONPATH="$repo/resources/python${PYTHONPATH:+:$PYTHONPATH}" \
            "$@"
    )
}

# must_run: run a step with run_step and end the script when the step fails.
must_run() {
    run_step "$@" || fail "step $1 exited with status $?"
}

# expect_files STEP FILE...: fail unless each FILE exists and is not empty in out/STEP/.
expect_files() {
    step=$1
    shift
    for file in "$@"; do
        [ -s "$work/out/$step/$file" ] || fail "step $step did not write $file"
    done
}

echo "work folder: $work"
mkdir -p "$work"

# The fetch step's error when the source file is missing names the package to install.
if SOURCE_CSV="$work/absent.csv" run_step fetch "" sh scripts/fetch.sh 2>"$work/fetch-missing.err"; then
    fail "fetch succeeded with a missing SOURCE_CSV"
fi
grep -q "apt-get install python3-vega-datasets" "$work/fetch-missing.err" \
    || fail "fetch's message for a missing file does not name the package"

SOURCE_CSV="$source_csv" must_run fetch "" sh scripts/fetch.sh
expect_files fetch seattle-weather.csv
cmp -s "$source_csv" "$work/out/fetch/seattle-weather.csv" || fail "fetch changed the file"

must_run clean "fetch" ./scripts/clean.py
expect_files clean clean.csv summary.json

must_run features "clean" ./scripts/features.py
expect_files features features.csv

CAIRN_PARAM_TREES="$trees" CAIRN_PARAM_TEST_YEAR="$test_year" \
    must_run train "features" ./scripts/train.py
expect_files train model.pkl test.csv train_summary.json

CAIRN_PARAM_TEST_YEAR="$test_year" \
    must_run baseline "features" ./scripts/baseline.py --strategy most_frequent
expect_files baseline predictions.csv

MPLBACKEND=Agg must_run evaluate "train baseline" ./scripts/evaluate.py
expect_files evaluate metrics.json predictions.csv feature_importance.json confusion.png

must_run report "evaluate" ./scripts/report.py --top 10
expect_files report report.md confusion.png

# metrics.json has the documented keys, and the forest beats the baseline.
/usr/bin/python3 - "$work/out/evaluate/metrics.json" <<'PYTHON' || fail "metrics.json check failed"
import json
import sys

metrics = json.load(open(sys.argv[1]))
for key in ("accuracy", "macro_f1", "labels", "confusion_matrix"):
    assert key in metrics, f"metrics.json lacks {key}"
labels = metrics["labels"]
matrix = metrics["confusion_matrix"]
assert len(matrix) == len(labels) and all(len(row) == len(labels) for row in matrix)
assert sum(map(sum, matrix)) == metrics["test_rows"], "confusion matrix does not sum to test_rows"
assert metrics["accuracy"] > metrics["baseline"]["accuracy"], "forest is not better than baseline"
print(f"accuracy {metrics['accuracy']}, macro F1 {metrics['macro_f1']}, "
      f"baseline accuracy {metrics['baseline']['accuracy']}, test rows {metrics['test_rows']}")
PYTHON

echo "all weather steps passed; outputs are in $work/out"
