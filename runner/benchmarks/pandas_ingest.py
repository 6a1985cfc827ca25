"""The peer of Lambench's ingest + summary in the benchmark: what users do today with pandas.

Reads raw Lambda log files, extracts the REPORT fields with regular expressions, drops duplicate request ids,
and writes per-configuration and per-start-type statistics. Prints one JSON line: elapsed seconds of the job
(after imports), peak resident memory and counts.
"""
import json
import os
import resource
import sys
import time

import pandas as pd

PATTERN = (
    r"REPORT RequestId: (?P<request_id>\S+)\s+Duration: (?P<duration_ms>[\d.]+) ms\s+"
    r"Billed Duration: (?P<billed_duration_ms>[\d.]+) ms\s+Memory Size: (?P<memory_size_mb>\d+) MB\s+"
    r"Max Memory Used: (?P<max_memory_used_mb>\d+) MB(?:\s+Init Duration: (?P<init_duration_ms>[\d.]+) ms)?"
)


def main(output, paths):
    start = time.perf_counter()
    frames = []
    lines = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            series = pd.Series(handle.read().splitlines())
        lines += len(series)
        report = series[series.str.contains("REPORT RequestId:", regex=False)]
        fields = report.str.extract(PATTERN)
        fields["configuration"] = os.path.basename(path).split(".")[0]
        frames.append(fields)
    data = pd.concat(frames, ignore_index=True).drop_duplicates("request_id")
    for column in ("duration_ms", "billed_duration_ms", "memory_size_mb", "max_memory_used_mb", "init_duration_ms"):
        data[column] = pd.to_numeric(data[column])
    data["start_type"] = data["init_duration_ms"].notna().map({True: "cold", False: "warm"})

    def summarise(frame):
        d = frame["duration_ms"]
        return pd.Series({
            "n": len(d), "mean_duration_ms": d.mean(), "sd_duration_ms": d.std(), "min_duration_ms": d.min(),
            "p50_duration_ms": d.quantile(0.5), "p90_duration_ms": d.quantile(0.9), "p95_duration_ms": d.quantile(0.95),
            "p99_duration_ms": d.quantile(0.99), "max_duration_ms": d.max(),
            "mean_billed_duration_ms": frame["billed_duration_ms"].mean(),
            "mean_init_duration_ms": frame["init_duration_ms"].mean(), "p95_init_duration_ms": frame["init_duration_ms"].quantile(0.95),
            "mean_max_memory_used_mb": frame["max_memory_used_mb"].mean(),
        })

    # Warm and cold apart, as Lambench's summary is (it never pools them).
    data.groupby(["configuration", "start_type"]).apply(summarise).reset_index().to_csv(output, index=False)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"elapsed_s": elapsed, "peak_rss_mb": peak_mb, "lines": lines, "rows": len(data)}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
