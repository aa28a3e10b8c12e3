#!/usr/bin/python3
"""Score the forest and the baseline on the held-out year.

Reads train/model.pkl, train/test.csv and baseline/predictions.csv. Writes:

- metrics.json with accuracy, macro_f1, labels, confusion_matrix, test_rows, test_year
  and the baseline's accuracy and macro_f1. The matrix rows are observed labels and its
  columns predicted labels, both in the order of labels.
- predictions.csv with date, weather and the forest's prediction.
- feature_importance.json with the features sorted by the forest's impurity-based
  importance.
- confusion.png, the confusion matrix as a picture.
"""

import os

# Render to files only, also when the step runs by hand on a machine with a display.
os.environ.setdefault("MPLBACKEND", "Agg")

import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score  # noqa: E402

import cairn_step as cs  # noqa: E402
from common import LABELS, feature_columns, read_table  # noqa: E402


def main():
    model = cs.load_pickle("train", "model.pkl")
    test = read_table(cs.input_path("train", "test.csv"))
    baseline = read_table(cs.input_path("baseline", "predictions.csv"))

    predicted = model.predict(test[feature_columns(test)])
    matrix = confusion_matrix(test["weather"], predicted, labels=LABELS)
    metrics = {
        "accuracy": round(accuracy_score(test["weather"], predicted), 4),
        "macro_f1": macro_f1(test["weather"], predicted),
        "labels": LABELS,
        "confusion_matrix": matrix.tolist(),
        "test_rows": len(test),
        "test_year": int(test["date"].dt.year.iloc[0]),
        "baseline": {
            "accuracy": round(accuracy_score(baseline["weather"], baseline["predicted"]), 4),
            "macro_f1": macro_f1(baseline["weather"], baseline["predicted"]),
        },
    }
    cs.save_json("metrics.json", metrics)

    predictions = test[["date", "weather"]].copy()
    predictions["predicted"] = predicted
    predictions.to_csv(cs.output_path("predictions.csv"), index=False, date_format="%Y-%m-%d")

    importance = sorted(zip(model.feature_names_in_, model.feature_importances_),
                        key=lambda pair: pair[1], reverse=True)
    cs.save_json("feature_importance.json",
                 [{"feature": str(name), "importance": round(float(value), 4)}
                  for name, value in importance])

    plot_confusion(matrix, metrics["test_year"], metrics["accuracy"])
    print(f"evaluate: accuracy {metrics['accuracy']}, macro F1 {metrics['macro_f1']}, "
          f"baseline accuracy {metrics['baseline']['accuracy']}")


def macro_f1(truth, predicted):
    """Return the F1 score averaged over the labels present in truth or predictions."""
    return round(float(f1_score(truth, predicted, average="macro", zero_division=0)), 4)


def plot_confusion(matrix, year, accuracy):
    """Draw the confusion matrix with counts in the cells to confusion.png."""
    figure, axes = plt.subplots(figsize=(5.5, 4.5), dpi=100)
    image = axes.imshow(matrix, cmap="Blues")
    figure.colorbar(image, ax=axes, label="days")
    axes.set_xticks(range(len(LABELS)), LABELS)
    axes.set_yticks(range(len(LABELS)), LABELS)
    axes.set_xlabel("predicted")
    axes.set_ylabel("observed")
    axes.set_title(f"Weather type in {year} (accuracy {accuracy:.2f})")

    threshold = matrix.max() / 2
    for row in range(len(LABELS)):
        for column in range(len(LABELS)):
            count = matrix[row, column]
            axes.text(column, row, str(count), ha="center", va="center",
                      color="white" if count > threshold else "black")

    figure.tight_layout()
    # No Software entry, so the PNG's bytes do not depend on the matplotlib version.
    figure.savefig(cs.output_path("confusion.png"), metadata={"Software": None})
    plt.close(figure)


if __name__ == "__main__":
    main()
