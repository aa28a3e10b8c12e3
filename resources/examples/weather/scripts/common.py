"""Names and helpers shared by the weather steps.

The steps import this module from their own folder, so each step that imports it lists
scripts/common.py in its "inputs" in flow.json: a change here then reruns those steps.
"""

import sys

import pandas as pd

# Weather types of the data set, in the order used for the confusion matrix.
LABELS = ["drizzle", "fog", "rain", "snow", "sun"]

# Columns of the features table that are not features.
ID_COLUMNS = ["date", "weather"]


def fail(message):
    """Print message to stderr and end the step with exit status 1."""
    print(message, file=sys.stderr)
    sys.exit(1)


def read_table(path):
    """Read a CSV artifact that has a 'date' column, parsing the dates."""
    return pd.read_csv(path, parse_dates=["date"])


def feature_columns(frame):
    """Return the feature column names of a features table, in table order."""
    return [column for column in frame.columns if column not in ID_COLUMNS]


def split_by_year(frame, test_year):
    """Split a table by date: rows before test_year train, rows of test_year test.

    Ends the step with a message when either part is empty.
    """
    years = frame["date"].dt.year
    train = frame[years < test_year]
    test = frame[years == test_year]
    if train.empty or test.empty:
        choices = ", ".join(str(year) for year in sorted(years.unique())[1:])
        empty = "training" if train.empty else "test"
        fail(f"test_year {test_year} leaves the {empty} split empty. Choose a year of the "
             f"data that has earlier years before it: {choices or 'none'}.")
    return train, test
