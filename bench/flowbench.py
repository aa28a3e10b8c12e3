#!/usr/bin/python3
"""Time `cairn-cli run` on generated flows of no-op shell steps.

For each shape and size the script writes a flow into a fresh temporary folder and runs
it twice. The first (cold) run starts from an empty store, so every step runs. The second
(cached) run uses the same store, so every step is a cache hit. The script prints the
wall-clock time of both runs, including the start and exit of cairn-cli. Each step writes
one small file into its output folder, so a cold run costs a process per step, hashing
and storing one artifact per step, and the store's bookkeeping. A cached run starts no
step process: it costs computing and looking up each step's cache key and the bookkeeping.

Shapes, for N steps s0 .. s(N-1):
  chain        s0 -> s1 -> ... -> s(N-1); no two steps can run at once.
  fan          s0 -> s1 .. s(N-2) -> s(N-1); one source, N-2 middle steps, one sink.
  independent  N steps and no edges; every step is ready at the start.

The script prints figures and exits 0 even when a run is slow. It prints a WARNING line
when a run fails or when a step of the second run is not `cached`, and then exits 1.
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CLI_PATHS = (
    REPO_ROOT / "build" / "app" / "cairn-cli",
    REPO_ROOT / "build-bench" / "app" / "cairn-cli",
)
SHAPES = ("chain", "fan", "independent")
DEFAULT_SIZES = (100, 1000)
# The fan shape needs a source, at least one middle step and a sink.
MIN_SIZE = 3


def make_step(step_id):
    """Return a shell step that writes its id into one small output file."""
    return {
        "id": step_id,
        "kind": "shell",
        "command": f'echo {step_id} > "$CAIRN_OUTPUT_DIR/out.txt"',
    }


def make_edges(shape, ids):
    """Return the edge list of the given shape over the step ids."""
    if shape == "chain":
        return [{"from": a, "to": b} for a, b in zip(ids, ids[1:])]
    if shape == "fan":
        source, middle, sink = ids[0], ids[1:-1], ids[-1]
        return ([{"from": source, "to": m} for m in middle]
                + [{"from": m, "to": sink} for m in middle])
    if shape == "independent":
        return []
    raise ValueError(f"unknown shape {shape!r}")


def make_flow(shape, size):
    """Return the flow document of `size` steps in the given shape."""
    ids = [f"s{i}" for i in range(size)]
    return {
        "format": "cairn.flow",
        "version": 1,
        "name": f"bench-{shape}-{size}",
        "description": f"{size} no-op shell steps, shape {shape}",
        "parameters": [],
        "steps": [make_step(step_id) for step_id in ids],
        "edges": make_edges(shape, ids),
    }


def run_flow(cli, flow_path, store, workers):
    """Run the flow once and return (seconds, completed process)."""
    command = [str(cli), "run", str(flow_path), "--store", str(store), "--json"]
    if workers:
        command += ["--workers", str(workers)]
    start = time.perf_counter()
    process = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    return seconds, process


def check_run(label, process, size, expected_status):
    """Return warning lines about one run, none when all `size` steps have expected_status."""
    if process.returncode != 0:
        tail = process.stderr.strip().splitlines()[-5:]
        return [f"WARNING: {label}: cairn-cli exited with status {process.returncode}"] + [
            f"  {line}" for line in tail]
    try:
        document = json.loads(process.stdout)
    except json.JSONDecodeError as error:
        return [f"WARNING: {label}: the output of --json is not valid JSON ({error})"]

    steps = document.get("steps", [])
    statuses = {}
    for step in steps:
        status = step.get("status")
        statuses[status] = statuses.get(status, 0) + 1
    if len(steps) == size and statuses.get(expected_status, 0) == size:
        return []
    counts = ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
    return [f"WARNING: {label}: expected {size} steps with status {expected_status}, "
            f"got {len(steps)} steps ({counts})"]


def measure(cli, shape, size, workers, keep):
    """Run one shape and size cold, then cached, and return (cold s, cached s, warnings)."""
    folder = Path(tempfile.mkdtemp(prefix=f"cairn-flowbench-{shape}-{size}-"))
    try:
        flow_path = folder / "flow.json"
        flow_path.write_text(json.dumps(make_flow(shape, size), indent=1), encoding="utf-8")
        store = folder / "store"

        label = f"{shape} N={size}"
        cold_seconds, cold = run_flow(cli, flow_path, store, workers)
        warnings = check_run(f"{label} cold run", cold, size, "succeeded")
        cached_seconds, cached = run_flow(cli, flow_path, store, workers)
        warnings += check_run(f"{label} cached run", cached, size, "cached")
        return cold_seconds, cached_seconds, warnings
    finally:
        if keep:
            print(f"kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def find_cli(requested):
    """Return the cairn-cli to run: the --cli path, else the first default that exists."""
    if requested:
        return Path(requested)
    for path in DEFAULT_CLI_PATHS:
        if path.is_file():
            return path
    return None


def parse_sizes(text):
    """Parse a comma-separated list of step counts, each at least MIN_SIZE."""
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected whole numbers separated by commas, not {text!r}")
    if not sizes or min(sizes) < MIN_SIZE:
        raise argparse.ArgumentTypeError(
            f"every size must be at least {MIN_SIZE}, got {text!r}")
    return sizes


def parse_arguments():
    parser = argparse.ArgumentParser(
        description="Time cairn-cli runs of generated no-op flows, cold and fully cached.")
    parser.add_argument("--cli", help="cairn-cli to run (default: build/app/cairn-cli, "
                        "else build-bench/app/cairn-cli, relative to the repository root)")
    parser.add_argument("--sizes", type=parse_sizes, default=list(DEFAULT_SIZES),
                        help="comma-separated step counts (default: 100,1000)")
    parser.add_argument("--shapes", default=",".join(SHAPES),
                        help=f"comma-separated shapes among {', '.join(SHAPES)} (default: all)")
    parser.add_argument("--workers", type=int, default=0,
                        help="steps run at once, passed to cairn-cli (default: its own, "
                        "one per core)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary flow and store folders and print their paths")
    arguments = parser.parse_args()

    arguments.shapes = [shape for shape in arguments.shapes.split(",") if shape]
    unknown = [shape for shape in arguments.shapes if shape not in SHAPES]
    if unknown:
        parser.error(f"unknown shape {unknown[0]!r}; choose among {', '.join(SHAPES)}")
    if arguments.workers < 0:
        parser.error(f"--workers expects a whole number of at least 1, not {arguments.workers}")
    return arguments


def main():
    arguments = parse_arguments()
    cli = find_cli(arguments.cli)
    if cli is None or not cli.is_file():
        tried = arguments.cli or " or ".join(str(path) for path in DEFAULT_CLI_PATHS)
        print(f"cairn-cli not found at {tried}; build it or pass --cli PATH", file=sys.stderr)
        return 2

    workers = arguments.workers or "cairn-cli default"
    print(f"cairn-cli: {cli}, workers: {workers}")
    header = (f"{'shape':<12} {'N':>6} {'cold s':>9} {'cached s':>9} "
              f"{'cold steps/s':>13} {'cached steps/s':>15}")
    print(header)
    print("-" * len(header), flush=True)

    all_warnings = []
    for shape in arguments.shapes:
        for size in arguments.sizes:
            cold, cached, warnings = measure(cli, shape, size, arguments.workers, arguments.keep)
            print(f"{shape:<12} {size:>6} {cold:>9.2f} {cached:>9.2f} "
                  f"{size / cold:>13.1f} {size / cached:>15.1f}", flush=True)
            all_warnings += warnings

    for line in all_warnings:
        print(line)
    return 1 if all_warnings else 0


if __name__ == "__main__":
    sys.exit(main())
