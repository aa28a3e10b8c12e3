#!/usr/bin/python3
"""Write a short Markdown report of the evaluation.

Reads evaluate/metrics.json, evaluate/feature_importance.json and evaluate/confusion.png.
Writes report.md with the scores of the forest and the baseline, the confusion matrix
and the top features (--top sets how many, default 10). Writes a copy of confusion.png
beside it, because the report shows the picture.
"""

import argparse
import shutil

import cairn_step as cs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=10,
                        help="number of features listed (default: 10)")
    options = parser.parse_args()

    metrics = cs.load_json("evaluate", "metrics.json")
    importance = cs.load_json("evaluate", "feature_importance.json")

    lines = [
        "# Seattle weather type",
        "",
        f"Random forest tested on the {metrics['test_rows']} days of {metrics['test_year']}, "
        "trained on the earlier days.",
        "",
        "| model | accuracy | macro F1 |",
        "| --- | ---: | ---: |",
        f"| random forest | {metrics['accuracy']:.3f} | {metrics['macro_f1']:.3f} |",
        f"| baseline | {metrics['baseline']['accuracy']:.3f} | "
        f"{metrics['baseline']['macro_f1']:.3f} |",
        "",
        "## Confusion matrix",
        "",
        "Rows are the observed weather, columns the predicted weather.",
        "",
        "| observed | " + " | ".join(metrics["labels"]) + " |",
        "| --- |" + " ---: |" * len(metrics["labels"]),
    ]
    for label, row in zip(metrics["labels"], metrics["confusion_matrix"]):
        lines.append(f"| {label} | " + " | ".join(str(count) for count in row) + " |")

    lines += [
        "",
        "![Confusion matrix](confusion.png)",
        "",
        f"## Top {min(options.top, len(importance))} features",
        "",
        "| feature | importance |",
        "| --- | ---: |",
    ]
    for entry in importance[:options.top]:
        lines.append(f"| {entry['feature']} | {entry['importance']:.3f} |")

    cs.save_text("report.md", "\n".join(lines) + "\n")
    # A copy beside report.md, so that the picture shows when the report is exported.
    shutil.copyfile(cs.input_path("evaluate", "confusion.png"), cs.output_path("confusion.png"))
    print("report: wrote report.md")


if __name__ == "__main__":
    main()
