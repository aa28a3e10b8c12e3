"""Helpers for Python steps that Cairn runs.

Cairn runs each step of a flow as a subprocess and describes the run in environment
variables. This module reads them so that a step script can find its inputs, write its
artifacts and read its parameters without handling paths by hand::

    import cairn_step as cs

    rows = cs.load_json("clean", "summary.json")["rows"]
    trees = cs.param("trees", type=int)
    cs.save_json("metrics.json", {"rows": rows, "trees": trees})

Variables read:

``CAIRN_OUTPUT_DIR``
    The step's output folder. Cairn stores every file written there as an artifact.
``CAIRN_INPUT_DIR``
    One read-only subfolder per upstream step id, holding that step's artifacts with
    their relative paths.
``CAIRN_RUN_ID``, ``CAIRN_STEP_ID``, ``CAIRN_ATTEMPT``, ``CAIRN_SEED``
    The run number, the step id, the attempt number and a seed that stays the same for
    this flow and step across runs.
``CAIRN_PARAM_<NAME>``
    The value of each parameter the step uses, as text.

Only the standard library is used, so the module works with any Python 3.11 or later.
Functions that need a variable raise :class:`CairnEnvironmentError` when it is not set,
which happens when a script runs outside Cairn.
"""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path
from typing import Any, Callable

__all__ = [
    "CairnEnvironmentError",
    "MissingParameterError",
    "attempt",
    "input_dir",
    "input_files",
    "input_path",
    "load_json",
    "load_pickle",
    "load_text",
    "output_dir",
    "output_path",
    "param",
    "param_variable",
    "run_id",
    "save_json",
    "save_pickle",
    "save_text",
    "seed",
    "step_id",
    "upstream_steps",
]

# Maximum number of existing files listed in a "file not found" message.
_MAX_LISTED_FILES = 20

# Marks "no default given" in param(), so that None can be a real default.
_NO_DEFAULT = object()

_TRUE_WORDS = frozenset({"true", "1", "yes"})
_FALSE_WORDS = frozenset({"false", "0", "no"})


class CairnEnvironmentError(RuntimeError):
    """A variable that Cairn sets for every step is missing or invalid."""


class MissingParameterError(KeyError):
    """A parameter that param() was asked for without a default is not set."""

    def __str__(self) -> str:
        # KeyError's own __str__ shows the repr of the message, with quotes and escapes.
        return str(self.args[0]) if self.args else ""


# --- Environment ---------------------------------------------------------------------


def _variable(name: str) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        raise CairnEnvironmentError(
            f"environment variable {name} is not set: this script must run as a Cairn "
            f"step (for example with 'cairn-cli run FLOW'). To try it by hand, set "
            f"{name} and the other CAIRN_* variables yourself."
        )
    return value


def _int_variable(name: str) -> int:
    text = _variable(name)
    try:
        return int(text)
    except ValueError:
        raise CairnEnvironmentError(
            f"environment variable {name} is {text!r}, which is not an integer"
        ) from None


def run_id() -> int:
    """Return the number of the current run (``CAIRN_RUN_ID``)."""
    return _int_variable("CAIRN_RUN_ID")


def step_id() -> str:
    """Return the id of the running step (``CAIRN_STEP_ID``)."""
    return _variable("CAIRN_STEP_ID")


def attempt() -> int:
    """Return the attempt number of this step run (``CAIRN_ATTEMPT``).

    A step with ``retries`` set in the flow runs again after a failure, with a higher
    attempt number and a clean output folder.
    """
    return _int_variable("CAIRN_ATTEMPT")


def seed() -> int:
    """Return the step's seed (``CAIRN_SEED``).

    The seed is the same on every run of the same flow and step, so results that depend
    on random numbers are reproducible. Libraries that need a 32-bit seed, such as
    scikit-learn and NumPy's legacy generators, accept ``seed() % 2**32``.
    """
    return _int_variable("CAIRN_SEED")


# --- Paths -----------------------------------------------------------------------------


def output_dir() -> Path:
    """Return the step's output folder (``CAIRN_OUTPUT_DIR``)."""
    return Path(_variable("CAIRN_OUTPUT_DIR"))


def _input_root() -> Path:
    return Path(_variable("CAIRN_INPUT_DIR"))


def upstream_steps() -> list[str]:
    """Return the ids of the upstream steps whose artifacts are readable, sorted.

    These are the subfolders of ``CAIRN_INPUT_DIR``. The list is empty for a step with
    no upstream steps, even if the input folder does not exist.
    """
    root = _input_root()
    if not root.is_dir():
        return []
    return sorted(entry.name for entry in root.iterdir() if entry.is_dir())


def input_dir(step: str | None = None) -> Path:
    """Return the input folder, or the folder holding the artifacts of ``step``.

    Raises FileNotFoundError naming the upstream steps when ``step`` is not one of them,
    which usually means that the flow lacks an edge from ``step`` to this step.
    """
    root = _input_root()
    if step is None:
        return root

    folder = root / step
    if not folder.is_dir():
        upstream = ", ".join(upstream_steps()) or "none"
        raise FileNotFoundError(
            f"no artifacts of step '{step}' in {root}: '{step}' is not an upstream step "
            f"of '{_current_step_name()}' (upstream steps: {upstream}). Add an edge from "
            f"'{step}' to this step in the flow, or read another step's artifacts."
        )
    return folder


def input_files(step: str) -> list[str]:
    """Return the relative paths of all artifacts of upstream ``step``, sorted.

    Paths use '/' as separator, as in the flow's artifact lists.
    """
    folder = input_dir(step)
    return sorted(
        path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()
    )


def output_path(name: str | os.PathLike[str]) -> Path:
    """Return the path of artifact ``name`` in the output folder, creating its parents.

    ``name`` is relative, such as ``"model.pkl"`` or ``"plots/loss.png"``. Raises
    ValueError when it is absolute or leads outside the output folder.
    """
    folder = output_dir()
    path = folder / _checked_relative(name, "output_path")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def input_path(step: str, name: str | os.PathLike[str]) -> Path:
    """Return the path of artifact ``name`` of upstream ``step``.

    Raises FileNotFoundError when the file does not exist. The message names the step,
    the file and the files that the step did produce.
    """
    folder = input_dir(step)
    relative = _checked_relative(name, "input_path")
    path = folder / relative
    if path.is_file():
        return path

    existing = input_files(step)
    if not existing:
        listing = "it produced no files"
    else:
        listing = "its files are: " + ", ".join(existing[:_MAX_LISTED_FILES])
        if len(existing) > _MAX_LISTED_FILES:
            listing += f" and {len(existing) - _MAX_LISTED_FILES} more"
    raise FileNotFoundError(
        f"step '{step}' has no artifact '{relative.as_posix()}' ({path}): {listing}. "
        f"Check the file name, or make '{step}' write it to its CAIRN_OUTPUT_DIR."
    )


def _checked_relative(name: str | os.PathLike[str], caller: str) -> Path:
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts or str(name) in ("", "."):
        raise ValueError(
            f"{caller}: invalid artifact name {str(name)!r}: use a relative path inside "
            f"the folder, such as 'model.pkl' or 'plots/loss.png'"
        )
    return relative


def _current_step_name() -> str:
    # Only for messages: a missing CAIRN_STEP_ID must not hide the real error.
    return os.environ.get("CAIRN_STEP_ID") or "this step"


# --- Artifacts -------------------------------------------------------------------------


def save_text(name: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to artifact ``name`` and return its path."""
    path = output_path(name)
    path.write_text(text, encoding=encoding)
    return path


def load_text(step: str, name: str | os.PathLike[str], encoding: str = "utf-8") -> str:
    """Read artifact ``name`` of upstream ``step`` as text."""
    return input_path(step, name).read_text(encoding=encoding)


def save_json(name: str | os.PathLike[str], obj: Any, indent: int | None = 2) -> Path:
    """Write ``obj`` as JSON to artifact ``name`` and return its path.

    The output ends with a newline and keeps non-ASCII characters as UTF-8. The same
    object always gives the same bytes, so an unchanged result lets Cairn keep the
    downstream steps cached.
    """
    text = json.dumps(obj, indent=indent, ensure_ascii=False, allow_nan=False)
    return save_text(name, text + "\n")


def load_json(step: str, name: str | os.PathLike[str]) -> Any:
    """Read artifact ``name`` of upstream ``step`` as JSON.

    Raises ValueError naming the step and the file when the content is not valid JSON.
    """
    path = input_path(step, name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(
            f"artifact '{Path(name).as_posix()}' of step '{step}' is not valid JSON: {error}"
        ) from error


def save_pickle(name: str | os.PathLike[str], obj: Any) -> Path:
    """Write ``obj`` with pickle (highest protocol) to artifact ``name``; return its path."""
    path = output_path(name)
    with path.open("wb") as file:
        pickle.dump(obj, file, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def load_pickle(step: str, name: str | os.PathLike[str]) -> Any:
    """Read a pickled artifact ``name`` of upstream ``step``.

    Unpickling can run any code that the file's writer chose. Upstream steps of the same
    flow are as trusted as the flow itself, but never load pickles from other sources.
    """
    with input_path(step, name).open("rb") as file:
        return pickle.load(file)


# --- Parameters ------------------------------------------------------------------------


def param_variable(name: str) -> str:
    """Return the environment variable that carries parameter ``name``.

    The parameter name is upper-cased and every character other than an ASCII letter,
    digit or '_' becomes '_': ``"learning-rate"`` gives ``CAIRN_PARAM_LEARNING_RATE``.
    """
    # NOTE: only ASCII letters and digits are kept. A parameter name with other letters
    # may map to a different variable than the one Cairn sets, so keep names ASCII.
    converted = "".join(
        char.upper() if (char.isascii() and char.isalnum()) or char == "_" else "_"
        for char in name
    )
    return "CAIRN_PARAM_" + converted


def param(name: str, default: Any = _NO_DEFAULT, type: Callable[[str], Any] | None = None) -> Any:
    """Return the value of flow parameter ``name`` from ``CAIRN_PARAM_<NAME>``.

    ``type`` converts the text: ``int``, ``float``, ``str``, ``bool`` (accepting
    true/false, 1/0 and yes/no in any case) or any other callable that takes the text.
    Without ``type``, the type of ``default`` is used, and text is returned when there is
    no default or the default is None.

    When the variable is not set, ``default`` is returned unchanged. Without a default,
    :class:`MissingParameterError` (a KeyError) is raised naming the variable. The usual
    fix is to list the parameter in the step's ``params`` in the flow. A value that
    ``type`` cannot convert raises ValueError naming the variable and the value.
    """
    variable = param_variable(name)
    text = os.environ.get(variable)
    if text is None:
        if default is not _NO_DEFAULT:
            return default
        if "CAIRN_STEP_ID" not in os.environ:
            hint = "This script must run as a Cairn step, or set the variable by hand."
        else:
            hint = (f"Add \"{name}\" to the step's \"params\" list in the flow (Cairn sets "
                    f"only the parameters a step uses), or pass a default to param().")
        raise MissingParameterError(
            f"parameter '{name}' is not set: environment variable {variable} is missing. {hint}"
        )

    if type is None and default is not _NO_DEFAULT and default is not None:
        type = default.__class__
    return _convert(text, type, variable)


def _convert(text: str, type: Callable[[str], Any] | None, variable: str) -> Any:
    if type is None or type is str:
        return text
    if type is bool:
        return _parse_bool(text, variable)

    try:
        return type(text)
    except (TypeError, ValueError) as error:
        type_name = getattr(type, "__name__", repr(type))
        raise ValueError(
            f"{variable} is {text!r}, which is not a valid {type_name}: {error}"
        ) from None


def _parse_bool(text: str, variable: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise ValueError(
        f"{variable} is {text!r}, which is not a boolean: use true/false, 1/0 or yes/no"
    )
