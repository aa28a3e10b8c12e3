"""Unit tests of resources/python/cairn_step.py.

Run from the repository root with: /usr/bin/python3 -m unittest discover -s tests/python
Each test builds the folders and variables that Cairn gives a step in a temporary folder.
"""

import os
import pickle
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "resources" / "python"))

import cairn_step as cs  # noqa: E402  (the path above must be set first)


def cairn_free_environment():
    """Return a copy of os.environ without any CAIRN_* variable."""
    return {key: value for key, value in os.environ.items() if not key.startswith("CAIRN_")}


class StepEnvironmentTest(unittest.TestCase):
    """Base class: a step 'train' with upstream steps 'clean' and 'features'."""

    def setUp(self):
        temp = tempfile.TemporaryDirectory()
        self.addCleanup(temp.cleanup)
        self.root = Path(temp.name)
        self.output = self.root / "out"
        self.inputs = self.root / "in"
        self.output.mkdir()
        (self.inputs / "clean").mkdir(parents=True)
        (self.inputs / "features" / "tables").mkdir(parents=True)
        (self.inputs / "clean" / "summary.json").write_text('{"rows": 3}\n')
        (self.inputs / "features" / "features.csv").write_text("a,b\n1,2\n")
        (self.inputs / "features" / "tables" / "extra.csv").write_text("x\n")

        environment = cairn_free_environment()
        environment.update({
            "CAIRN_OUTPUT_DIR": str(self.output),
            "CAIRN_INPUT_DIR": str(self.inputs),
            "CAIRN_RUN_ID": "12",
            "CAIRN_STEP_ID": "train",
            "CAIRN_ATTEMPT": "2",
            "CAIRN_SEED": "3735928559",
        })
        patcher = mock.patch.dict(os.environ, environment, clear=True)
        patcher.start()
        self.addCleanup(patcher.stop)

    def set_param(self, name, text):
        os.environ[cs.param_variable(name)] = text


class RunInfoTest(StepEnvironmentTest):
    def test_run_step_attempt_seed(self):
        self.assertEqual(cs.run_id(), 12)
        self.assertEqual(cs.step_id(), "train")
        self.assertEqual(cs.attempt(), 2)
        self.assertEqual(cs.seed(), 3735928559)

    def test_seed_not_integer(self):
        os.environ["CAIRN_SEED"] = "abc"
        with self.assertRaises(cs.CairnEnvironmentError) as caught:
            cs.seed()
        self.assertIn("CAIRN_SEED", str(caught.exception))
        self.assertIn("'abc'", str(caught.exception))


class OutsideCairnTest(unittest.TestCase):
    """Every function that needs a variable names it when run outside Cairn."""

    def setUp(self):
        patcher = mock.patch.dict(os.environ, cairn_free_environment(), clear=True)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_missing_variables(self):
        calls = [
            ("CAIRN_OUTPUT_DIR", cs.output_dir),
            ("CAIRN_OUTPUT_DIR", lambda: cs.output_path("a.txt")),
            ("CAIRN_OUTPUT_DIR", lambda: cs.save_json("a.json", {})),
            ("CAIRN_INPUT_DIR", cs.input_dir),
            ("CAIRN_INPUT_DIR", cs.upstream_steps),
            ("CAIRN_INPUT_DIR", lambda: cs.load_json("clean", "summary.json")),
            ("CAIRN_RUN_ID", cs.run_id),
            ("CAIRN_STEP_ID", cs.step_id),
            ("CAIRN_ATTEMPT", cs.attempt),
            ("CAIRN_SEED", cs.seed),
        ]
        for variable, call in calls:
            with self.subTest(variable=variable):
                with self.assertRaises(cs.CairnEnvironmentError) as caught:
                    call()
                message = str(caught.exception)
                self.assertIn(variable, message)
                self.assertIn("must run as a Cairn step", message)

    def test_empty_variable_counts_as_missing(self):
        os.environ["CAIRN_OUTPUT_DIR"] = ""
        with self.assertRaises(cs.CairnEnvironmentError):
            cs.output_dir()


class PathTest(StepEnvironmentTest):
    def test_output_dir(self):
        self.assertEqual(cs.output_dir(), self.output)

    def test_output_path_creates_parents(self):
        path = cs.output_path("plots/2015/loss.png")
        self.assertEqual(path, self.output / "plots" / "2015" / "loss.png")
        self.assertTrue(path.parent.is_dir())
        self.assertFalse(path.exists())

    def test_output_path_rejects_escape(self):
        for name in ["../x.txt", "/tmp/x.txt", "a/../../x.txt", "", "."]:
            with self.subTest(name=name):
                with self.assertRaises(ValueError) as caught:
                    cs.output_path(name)
                self.assertIn("invalid artifact name", str(caught.exception))

    def test_input_dir_root_and_step(self):
        self.assertEqual(cs.input_dir(), self.inputs)
        self.assertEqual(cs.input_dir("clean"), self.inputs / "clean")

    def test_input_dir_unknown_step(self):
        with self.assertRaises(FileNotFoundError) as caught:
            cs.input_dir("fetch")
        message = str(caught.exception)
        self.assertIn("'fetch'", message)
        self.assertIn("'train'", message)
        self.assertIn("clean, features", message)

    def test_upstream_steps(self):
        (self.inputs / "stray-file.txt").write_text("not a step\n")
        self.assertEqual(cs.upstream_steps(), ["clean", "features"])

    def test_upstream_steps_without_input_folder(self):
        os.environ["CAIRN_INPUT_DIR"] = str(self.root / "absent")
        self.assertEqual(cs.upstream_steps(), [])

    def test_input_path_existing(self):
        self.assertEqual(cs.input_path("features", "tables/extra.csv"),
                         self.inputs / "features" / "tables" / "extra.csv")

    def test_input_path_missing_lists_files(self):
        with self.assertRaises(FileNotFoundError) as caught:
            cs.input_path("features", "model.pkl")
        message = str(caught.exception)
        self.assertIn("step 'features'", message)
        self.assertIn("'model.pkl'", message)
        self.assertIn("features.csv, tables/extra.csv", message)

    def test_input_path_missing_in_empty_step(self):
        (self.inputs / "empty").mkdir()
        with self.assertRaises(FileNotFoundError) as caught:
            cs.input_path("empty", "a.csv")
        self.assertIn("produced no files", str(caught.exception))

    def test_input_path_missing_truncates_listing(self):
        many = self.inputs / "many"
        many.mkdir()
        for index in range(25):
            (many / f"part-{index:02d}.csv").write_text("")
        with self.assertRaises(FileNotFoundError) as caught:
            cs.input_path("many", "a.csv")
        message = str(caught.exception)
        self.assertIn("part-19.csv", message)
        self.assertNotIn("part-20.csv", message)
        self.assertIn("and 5 more", message)

    def test_input_files(self):
        self.assertEqual(cs.input_files("features"), ["features.csv", "tables/extra.csv"])


class ArtifactTest(StepEnvironmentTest):
    def test_json_round_trip(self):
        value = {"accuracy": 0.8, "labels": ["rain", "sun"], "name": "Zürich"}
        path = cs.save_json("metrics/metrics.json", value)
        self.assertEqual(path, self.output / "metrics" / "metrics.json")
        text = path.read_text(encoding="utf-8")
        self.assertTrue(text.endswith("}\n"))
        self.assertIn("Zürich", text)
        self.copy_to_input("metrics/metrics.json")
        self.assertEqual(cs.load_json("evaluate", "metrics/metrics.json"), value)

    def test_json_same_object_same_bytes(self):
        first = cs.save_json("a.json", {"b": 1, "a": [1.5, None]}).read_bytes()
        second = cs.save_json("a.json", {"b": 1, "a": [1.5, None]}).read_bytes()
        self.assertEqual(first, second)

    def test_json_rejects_nan(self):
        with self.assertRaises(ValueError):
            cs.save_json("a.json", {"loss": float("nan")})

    def test_load_json_invalid(self):
        (self.inputs / "clean" / "broken.json").write_text("{not json")
        with self.assertRaises(ValueError) as caught:
            cs.load_json("clean", "broken.json")
        self.assertIn("'broken.json' of step 'clean'", str(caught.exception))

    def test_pickle_round_trip(self):
        value = {"weights": [0.25, 0.75], "classes": ("rain", "sun")}
        path = cs.save_pickle("model.pkl", value)
        with path.open("rb") as file:
            self.assertEqual(pickle.load(file), value)
        self.copy_to_input("model.pkl")
        self.assertEqual(cs.load_pickle("evaluate", "model.pkl"), value)

    def test_text_round_trip(self):
        cs.save_text("report.md", "# Report\n\n95 % done\n")
        self.copy_to_input("report.md")
        self.assertEqual(cs.load_text("evaluate", "report.md"), "# Report\n\n95 % done\n")

    def test_load_missing_artifact(self):
        with self.assertRaises(FileNotFoundError):
            cs.load_text("clean", "absent.txt")

    def copy_to_input(self, name):
        """Copy an output artifact into the input folder of a step 'evaluate'."""
        target = self.inputs / "evaluate" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((self.output / name).read_bytes())


class ParamTest(StepEnvironmentTest):
    def test_param_variable_names(self):
        cases = {
            "trees": "CAIRN_PARAM_TREES",
            "test_year": "CAIRN_PARAM_TEST_YEAR",
            "learning-rate": "CAIRN_PARAM_LEARNING_RATE",
            "max.depth 2": "CAIRN_PARAM_MAX_DEPTH_2",
            "Ärger": "CAIRN_PARAM__RGER",
        }
        for name, variable in cases.items():
            with self.subTest(name=name):
                self.assertEqual(cs.param_variable(name), variable)

    def test_types(self):
        cases = [
            ("200", int, 200),
            (" 200 ", int, 200),
            ("-3", int, -3),
            ("0.1", float, 0.1),
            ("1e-05", float, 1e-05),
            ("300", float, 300.0),
            ("hello world", str, "hello world"),
            ("hello world", None, "hello world"),
        ]
        for text, type_, expected in cases:
            with self.subTest(text=text, type=type_):
                self.set_param("value", text)
                result = cs.param("value", type=type_)
                self.assertEqual(result, expected)
                self.assertIs(result.__class__, expected.__class__)

    def test_bool_words(self):
        cases = {"true": True, "True": True, "1": True, "yes": True, "YES": True,
                 "false": False, "FALSE": False, "0": False, "no": False, " no ": False}
        for text, expected in cases.items():
            with self.subTest(text=text):
                self.set_param("flag", text)
                self.assertIs(cs.param("flag", type=bool), expected)

    def test_bool_invalid(self):
        self.set_param("flag", "maybe")
        with self.assertRaises(ValueError) as caught:
            cs.param("flag", type=bool)
        self.assertIn("CAIRN_PARAM_FLAG", str(caught.exception))
        self.assertIn("'maybe'", str(caught.exception))

    def test_int_invalid(self):
        self.set_param("trees", "2.5")
        with self.assertRaises(ValueError) as caught:
            cs.param("trees", type=int)
        message = str(caught.exception)
        self.assertIn("CAIRN_PARAM_TREES", message)
        self.assertIn("not a valid int", message)

    def test_type_from_default(self):
        self.set_param("trees", "300")
        self.set_param("rate", "0.5")
        self.set_param("flag", "no")
        self.assertEqual(cs.param("trees", 200), 300)
        self.assertEqual(cs.param("rate", 1.0), 0.5)
        self.assertIs(cs.param("flag", True), False)
        self.assertEqual(cs.param("trees", None), "300")

    def test_explicit_type_overrides_default(self):
        self.set_param("trees", "300")
        self.assertEqual(cs.param("trees", "200", type=int), 300)

    def test_custom_callable(self):
        self.set_param("columns", "a,b,c")
        self.assertEqual(cs.param("columns", type=lambda text: text.split(",")), ["a", "b", "c"])

    def test_missing_with_default(self):
        self.assertEqual(cs.param("trees", 200), 200)
        self.assertIsNone(cs.param("trees", None))
        self.assertEqual(cs.param("trees", "x", type=int), "x")

    def test_missing_without_default(self):
        with self.assertRaises(KeyError) as caught:
            cs.param("test_year", type=int)
        self.assertIsInstance(caught.exception, cs.MissingParameterError)
        message = str(caught.exception)
        self.assertTrue(message.startswith("parameter 'test_year' is not set"), message)
        self.assertIn("CAIRN_PARAM_TEST_YEAR", message)
        self.assertIn('"params"', message)

    def test_missing_outside_cairn(self):
        del os.environ["CAIRN_STEP_ID"]
        with self.assertRaises(KeyError) as caught:
            cs.param("trees")
        message = str(caught.exception)
        self.assertIn("CAIRN_PARAM_TREES", message)
        self.assertIn("must run as a Cairn step", message)


if __name__ == "__main__":
    unittest.main()
