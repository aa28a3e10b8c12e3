#!/usr/bin/python3
"""Train a random forest that predicts the weather type of a day.

Reads features/features.csv. The parameter trees sets the number of trees. The rows of
the year test_year are held out, and the earlier rows train the model. The forest's
random_state is the step's CAIRN_SEED, so a rerun with the same inputs gives the same
model. Writes model.pkl (the fitted RandomForestClassifier), test.csv (the held-out
rows) and train_summary.json.
"""

from sklearn.ensemble import RandomForestClassifier

import cairn_step as cs
from common import feature_columns, fail, read_table, split_by_year


def main():
    trees = cs.param("trees", type=int)
    test_year = cs.param("test_year", type=int)
    if trees < 1:
        fail(f"parameter trees is {trees}; it must be at least 1")
    # scikit-learn accepts seeds below 2**32 only.
    random_state = cs.seed() % 2**32

    table = read_table(cs.input_path("features", "features.csv"))
    columns = feature_columns(table)
    train, test = split_by_year(table, test_year)

    # One job, because the flow's other steps use the remaining cores. Leaves of at least
    # 5 days score about as well here as fully grown trees, in less than half the size.
    model = RandomForestClassifier(n_estimators=trees, min_samples_leaf=5,
                                   random_state=random_state, n_jobs=1)
    model.fit(train[columns], train["weather"])

    cs.save_pickle("model.pkl", model)
    test.to_csv(cs.output_path("test.csv"), index=False, date_format="%Y-%m-%d")
    cs.save_json("train_summary.json", {
        "trees": trees,
        "random_state": random_state,
        "test_year": test_year,
        "train_rows": len(train),
        "test_rows": len(test),
        "first_train_date": train["date"].min().strftime("%Y-%m-%d"),
        "features": columns,
        "classes": [str(label) for label in model.classes_],
    })
    print(f"train: {trees} trees on {len(train)} rows, {len(test)} rows held out")


if __name__ == "__main__":
    main()
