#!/bin/sh
# Copy the Seattle weather table into the step's output folder, as a download would.
# SOURCE_CSV comes from the step's env in flow.json. Point it at another copy of
# seattle-weather.csv to use other data.
set -eu

: "${CAIRN_OUTPUT_DIR:?is not set: this script must run as a Cairn step}"
source_csv="${SOURCE_CSV:-/usr/lib/python3/dist-packages/vega_datasets/_data/seattle-weather.csv}"

if [ ! -f "$source_csv" ]; then
    echo "fetch: $source_csv not found." >&2
    echo "The file is shipped by the Debian package python3-vega-datasets. Install it with" >&2
    echo "    apt-get install python3-vega-datasets" >&2
    echo "or set SOURCE_CSV in the env of the fetch step to another copy of seattle-weather.csv." >&2
    exit 1
fi

cp "$source_csv" "$CAIRN_OUTPUT_DIR/seattle-weather.csv"
echo "fetch: copied $source_csv"
