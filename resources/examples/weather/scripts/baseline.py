#!/usr/bin/python3
"""Predict the held-out year with a model that ignores the features.

Reads features/features.csv and splits it by test_year as the train step does. The
baseline is scikit-learn's DummyClassifier with the strategy given by --strategy, so
the evaluate step can show how much the forest adds. Writes predictions.csv (date,
weather, predicted) for the held-out rows.
"""

import argparse

from sklearn.dummy import DummyClassifier

import cairn_step as cs
from common import read_table, split_by_year

STRATEGIES = ["most_frequent", "prior", "stratified", "uniform"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategy", choices=STRATEGIES, default="most_frequent",
                        help="DummyClassifier strategy (default: most_frequent)")
    options = parser.parse_args()

    test_year = cs.param("test_year", type=int)
    table = read_table(cs.input_path("features", "features.csv"))
    train, test = split_by_year(table, test_year)

    # DummyClassifier ignores X, so the date column only fills the place of the features.
    model = DummyClassifier(strategy=options.strategy, random_state=cs.seed() % 2**32)
    model.fit(train[["date"]], train["weather"])

    predictions = test[["date", "weather"]].copy()
    predictions["predicted"] = model.predict(test[["date"]])
    predictions.to_csv(cs.output_path("predictions.csv"), index=False, date_format="%Y-%m-%d")
    print(f"baseline: {options.strategy} on {len(test)} rows of {test_year}")


if __name__ == "__main__":
    main()
