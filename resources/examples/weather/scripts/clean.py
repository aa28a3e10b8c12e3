#!/usr/bin/python3
"""Clean the raw weather table: parse dates, drop duplicates and incomplete rows.

Reads fetch/seattle-weather.csv. Writes clean.csv (sorted by date, one row per day) and
summary.json (row counts, date range and the count of each weather type).
"""

import pandas as pd

import cairn_step as cs
from common import LABELS, fail

COLUMNS = ["date", "precipitation", "temp_max", "temp_min", "wind", "weather"]


def main():
    raw = pd.read_csv(cs.input_path("fetch", "seattle-weather.csv"))
    missing = [column for column in COLUMNS if column not in raw.columns]
    if missing:
        fail(f"seattle-weather.csv lacks the columns {', '.join(missing)}; "
             f"expected {', '.join(COLUMNS)}")

    frame = raw[COLUMNS].copy()
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    frame["weather"] = frame["weather"].str.strip().str.lower()
    rows_read = len(frame)

    # Exact duplicate rows first, then rows that repeat a date with other values:
    # the first row of each day is kept.
    frame = frame.drop_duplicates()
    duplicates = rows_read - len(frame)
    frame = frame.drop_duplicates(subset="date", keep="first")
    repeated_dates = rows_read - duplicates - len(frame)

    before = len(frame)
    frame = frame.dropna()
    incomplete = before - len(frame)

    before = len(frame)
    frame = frame[frame["weather"].isin(LABELS)]
    unknown_labels = before - len(frame)

    frame = frame.sort_values("date").reset_index(drop=True)
    if frame.empty:
        fail("no rows left after cleaning seattle-weather.csv")

    frame.to_csv(cs.output_path("clean.csv"), index=False, date_format="%Y-%m-%d")
    cs.save_json("summary.json", {
        "rows_read": rows_read,
        "rows_kept": len(frame),
        "duplicates_dropped": duplicates,
        "repeated_dates_dropped": repeated_dates,
        "incomplete_dropped": incomplete,
        "unknown_weather_dropped": unknown_labels,
        "first_date": frame["date"].min().strftime("%Y-%m-%d"),
        "last_date": frame["date"].max().strftime("%Y-%m-%d"),
        "weather_counts": {label: int((frame["weather"] == label).sum()) for label in LABELS},
    })
    print(f"clean: kept {len(frame)} of {rows_read} rows")


if __name__ == "__main__":
    main()
