#!/usr/bin/python3
"""Medians of bench/baseline_measure.sh's measure.tsv, one line per label.

  python3 bench/baseline_summary.py /tmp/synth/measure.tsv
"""
import collections
import statistics
import sys

rows = collections.defaultdict(list)
for line in open(sys.argv[1] if len(sys.argv) > 1 else "/tmp/synth/measure.tsv"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) >= 5:
        rows[parts[0]].append(parts)

for label, runs in rows.items():
    wall = statistics.median(float(r[2]) for r in runs)
    rss = statistics.median(int(r[3]) for r in runs) / 1024
    codes = sorted({r[4] for r in runs})
    line = f"{label:32} n={len(runs)} wall_s={wall:8.2f} (min {min(float(r[2]) for r in runs):.2f}," \
           f" max {max(float(r[2]) for r in runs):.2f}) peak_rss_mb={rss:7.0f} exit={','.join(codes)}"
    qgis = [dict(kv.split("=", 1) for kv in r[5].split()[1:]) for r in runs if len(r) > 5 and r[5]]
    if qgis:
        for key in ("load_s", "first_render_s", "first_frame_s", "since_process_start_s",
                    "window30_ms", "all_ms", "peak_rss_mb"):
            values = [float(q[key]) for q in qgis if q.get(key, "na") != "na"]
            if values:
                line += f" {key}={statistics.median(values):g}"
    print(line)
