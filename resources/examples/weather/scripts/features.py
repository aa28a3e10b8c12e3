#!/usr/bin/python3
"""Compute the model's features from the cleaned daily table.

Reads clean/clean.csv. Writes features.csv: date, weather and one column per feature.
Lags and rolling means use the previous calendar days, so a missing day gives missing
values instead of shifting the series. The first days of the table lack a full history
and are dropped.
"""

import numpy as np

import cairn_step as cs
from common import read_table

LAG_DAYS = [1, 2, 3]
ROLLING_WINDOWS = [3, 7]
MEASUREMENTS = ["precipitation", "temp_max", "temp_min", "wind"]


def main():
    clean = read_table(cs.input_path("clean", "clean.csv"))
    # One row per calendar day, with missing days as empty rows, so that shift(1) is
    # always "the day before".
    daily = clean.set_index("date").asfreq("D")

    features = daily[["weather"] + MEASUREMENTS].copy()
    features["temp_range"] = daily["temp_max"] - daily["temp_min"]
    features["wet"] = (daily["precipitation"] > 0).astype(float)
    add_calendar(features)

    for lag in LAG_DAYS:
        features[f"precipitation_lag{lag}"] = daily["precipitation"].shift(lag)
        features[f"temp_max_lag{lag}"] = daily["temp_max"].shift(lag)

    # Rolling means over the days before, never including the day predicted.
    previous = daily[["precipitation", "temp_max"]].shift(1)
    for window in ROLLING_WINDOWS:
        rolling = previous.rolling(window).mean()
        features[f"precipitation_mean{window}"] = rolling["precipitation"]
        features[f"temp_max_mean{window}"] = rolling["temp_max"]

    features = features.dropna().reset_index()
    features.to_csv(cs.output_path("features.csv"), index=False, date_format="%Y-%m-%d")
    print(f"features: {len(features)} rows, {features.shape[1] - 2} features")


def add_calendar(features):
    """Add year, month and the day of the year as a point on a circle."""
    dates = features.index
    # The labelling of the data set changes over the years: most wet days of 2012 are
    # "rain", most wet days of 2014 and 2015 are "fog". The year lets the model learn
    # the convention of the latest years.
    features["year"] = dates.year
    features["month"] = dates.month
    angle = 2 * np.pi * (dates.dayofyear - 1) / 365.25
    features["day_sin"] = np.sin(angle)
    features["day_cos"] = np.cos(angle)


if __name__ == "__main__":
    main()
