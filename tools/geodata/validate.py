#!/usr/bin/env python3
"""Validate geodata/ and measure the schematic districts (python3 stdlib + GDAL command-line tools).

usage: tools/geodata/validate.py [GEODATA_DIR] [--realdata DIR]

Prints the figures quoted in SOURCES.md.  Exit 1 if a hard check fails.  The geoBoundaries
comparison runs only where ../shared/realdata/boundaries/tjk_geoboundaries_adm2 exists; those files
are read for measurement only and nothing from them is written anywhere.
"""
import argparse
import csv
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ENV = dict(os.environ, OGR_GEOJSON_MAX_OBJ_SIZE="0", CPL_LOG="/dev/null")
FAIL = []


def ogr_csv(src, sql, extra=()):
    out = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", src, "-dialect", "SQLite", "-sql", sql, *extra],
                         capture_output=True, text=True, env=ENV)
    if out.returncode:
        sys.exit("ogr2ogr failed: %s\n%s" % (sql, out.stderr))
    return list(csv.DictReader(io.StringIO(out.stdout)))


def load(db, src, name, *extra):
    """Copy a layer into a SpatiaLite database (native SpatiaLite SQL is used for all queries)."""
    first = not os.path.exists(db)
    subprocess.run(["ogr2ogr", "-f", "SQLite", db, src, "-nln", name, "-lco", "GEOMETRY_NAME=geom",
                    "-lco", "SPATIAL_INDEX=NO"] + (["-dsco", "SPATIALITE=YES"] if first else ["-update"]) +
                   list(extra), check=True, env=ENV, stderr=subprocess.DEVNULL)


def check(ok, what):
    print(("  PASS  " if ok else "  FAIL  ") + what)
    if not ok:
        FAIL.append(what)


def geod_km(a, b):
    # haversine on a 6371 km sphere; good to ~0.5 % for the short distances used here
    la1, la2 = math.radians(a[1]), math.radians(b[1])
    dl, dp = math.radians(b[0] - a[0]), la2 - la1
    h = math.sin(dp / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("geodata", nargs="?", default=os.path.join(ROOT, "geodata"))
    ap.add_argument("--realdata", default=os.path.join(os.path.dirname(ROOT), "shared", "realdata"))
    a = ap.parse_args()
    G = a.geodata
    tmp = tempfile.mkdtemp(prefix="geodata-validate-")
    gpkg = os.path.join(tmp, "v.sqlite")
    for name in ("countries", "border_tj_af", "rivers", "district_seats", "districts_schematic"):
        multi = ["-nlt", "PROMOTE_TO_MULTI"] if name in ("countries", "rivers", "districts_schematic") else []
        load(gpkg, os.path.join(G, name + ".shp"), name, *multi)
    load(gpkg, os.path.join(G, "gazetteer.csv"), "gaz",
                    "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
                    "-a_srs", "EPSG:4326")

    print("== border_tj_af")
    rows = ogr_csv(gpkg, "SELECT seq, river, ST_NPoints(geom) AS nv, ST_Length(geom, 1) / 1000 AS km, "
                         "ST_GeometryType(geom) AS gt FROM border_tj_af ORDER BY seq")
    total = sum(float(r["km"]) for r in rows)
    nv = sum(int(r["nv"]) for r in rows) - len(rows) + 1
    for r in rows:
        print("  section %s %-10s %-10s %5s vertices %7.1f km" % (r["seq"], r["river"] or "(land)", r["gt"],
                                                                   r["nv"], float(r["km"])))
    print("  total %.1f km geodesic, %d vertices, %d features" % (total, nv, len(rows)))
    check(1340 <= total <= 1400, "border geodesic length %.1f km in 1340..1400" % total)
    pts = []
    ends = ogr_csv(gpkg, "SELECT seq, AsText(ST_StartPoint(geom)) AS s, AsText(ST_EndPoint(geom)) AS e "
                         "FROM border_tj_af ORDER BY seq")
    contiguous = all(ends[i]["e"] == ends[i + 1]["s"] for i in range(len(ends) - 1))
    check(contiguous, "sections join end to start (one continuous line, east -> west)")
    xy = lambda wkt: tuple(float(v) for v in wkt[wkt.index("(") + 1:-1].split())
    east, west = xy(ends[0]["s"]), xy(ends[-1]["e"])
    de, dw = geod_km(east, (74.89, 37.23)), geod_km(west, (67.79, 37.18))
    check(de < 5, "east end %s is %.2f km from the China tripoint (74.89 E, 37.23 N)" % (east, de))
    check(dw < 5, "west end %s is %.2f km from the Uzbekistan tripoint (67.79 E, 37.18 N)" % (west, dw))
    for c in ("TJK", "AFG"):
        res = ogr_csv(gpkg, "SELECT " + ", ".join(
            "ST_Covers(ST_Buffer(ST_Boundary(c.geom), %s), b.g) AS b%s" % (d, d.replace(".", "_"))
            for d in ("0.001", "0.002", "0.003", "0.005", "0.009")) +
            " FROM countries c, (SELECT ST_Union(geom) AS g FROM border_tj_af) b WHERE c.iso_a3 = '%s'" % c)[0]
        tight = [k[1:].replace("_", ".") for k, v in res.items() if v == "1"]
        check(res["b0_009"] == "1", "whole line within 0.009 deg (< 1 km) of the %s boundary (tightest buffer "
                                    "that covers it: %s deg)" % (c, tight[0] if tight else "none"))

    print("== Darvaz bend test (points 2 km either side of the line, perpendicular, near 71.31 E 38.06 N)")
    line = ogr_csv(gpkg, "SELECT AsGeoJSON(ST_Union(geom)) AS j FROM border_tj_af")[0]["j"]
    g = json.loads(line)
    coords = [c for part in (g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]) for c in part]
    k = math.cos(math.radians(38.06))
    i = min(range(1, len(coords) - 1), key=lambda j: math.hypot((coords[j][0] - 71.31) * k, coords[j][1] - 38.06))
    # direction from a chord of +-5 vertices (smooths the zig-zag of single segments)
    p0, p1 = coords[max(i - 5, 0)], coords[min(i + 5, len(coords) - 1)]
    dx, dy = (p1[0] - p0[0]) * k, p1[1] - p0[1]
    n = math.hypot(dx, dy)
    nx, ny = -dy / n, dx / n                                 # unit normal (in km-like plane)
    off = 2.0 / 111.2
    base = coords[i]
    cand = [(base[0] + s * nx * off / k, base[1] + s * ny * off) for s in (1, -1)]
    res = []
    for c in cand:
        r = ogr_csv(gpkg, "SELECT iso_a3 FROM countries WHERE ST_Contains(geom, MakePoint(%r, %r))" % c)
        side = "south-east" if (c[0] - base[0]) > 0 or (c[1] - base[1]) < 0 else "north-west"
        res.append(r[0]["iso_a3"] if r else "none")
        print("  point %.5f E %.5f N (%s of the line, %.2f km from vertex %.5f E %.5f N): %s" % (
            c[0], c[1], side, geod_km(c, base), base[0], base[1], res[-1]))
    check(sorted(res) == ["AFG", "TJK"], "one point in TJK and one in AFG")

    print("== gazetteer")
    gz = ogr_csv(gpkg, "SELECT country, kind, precision, COUNT(*) AS n FROM gaz GROUP BY country, kind, precision")
    for r in gz:
        print("  %s %-15s %-8s %4s" % (r["country"], r["kind"], r["precision"], r["n"]))
    bad = ogr_csv(gpkg, "SELECT g.id, g.name, g.lon, g.lat FROM gaz g, countries c WHERE g.country = 'TJ' "
                        "AND c.iso_a3 = 'TJK' AND NOT ST_Within(g.geom, c.geom)")
    for r in bad:
        print("  outside TJK: %s %s %s %s" % (r["id"], r["name"], r["lon"], r["lat"]))
    ntj = ogr_csv(gpkg, "SELECT COUNT(*) AS n FROM gaz WHERE country = 'TJ'")[0]["n"]
    check(not bad, "all %s TJ gazetteer entries inside the TJK polygon (%d outside)" % (ntj, len(bad)))
    bad = ogr_csv(gpkg, "SELECT g.id, g.name FROM gaz g, countries c WHERE g.country = 'AF' "
                        "AND c.iso_a3 = 'AFG' AND NOT ST_Within(g.geom, c.geom) "
                        "AND ST_Within(g.geom, BuildMbr(66, 35, 76, 41.5))")
    for r in bad:
        print("  AF entry in the region but outside the AFG polygon: %s %s" % (r["id"], r["name"]))
    check(not bad, "AF gazetteer entries inside the region are inside the AFG polygon")

    gb_dir = os.path.join(a.realdata, "boundaries", "tjk_geoboundaries_adm2")
    gb = os.path.join(gb_dir, "geoBoundaries-TJK-ADM2.shp")
    if not os.path.exists(gb):
        print("== geoBoundaries comparison SKIPPED (%s not found)" % gb)
    else:
        compare_geoboundaries(gpkg, gb, tmp)
    shutil.rmtree(tmp, ignore_errors=True)
    print("\n%d check(s) failed" % len(FAIL) if FAIL else "\nall checks passed")
    return 1 if FAIL else 0


def compare_geoboundaries(gpkg, gb, tmp):
    load(gpkg, gb, "gb", "-nlt", "MULTIPOLYGON")
    print("== district seats vs geoBoundaries ADM2 (reference only, not used by the build)")
    rows = ogr_csv(gpkg, "SELECT s.district AS district, s.dist_old AS old, s.name AS seat, (SELECT group_concat("
                         "g.shapeName) FROM gb g WHERE ST_Contains(g.geom, s.geom)) AS gbname FROM district_seats s "
                         "ORDER BY s.district")
    mapping = {}
    for r in rows:
        mapping[r["district"]] = r["gbname"]
    for d, want in (("Shamsiddin Shohin", "Shuro-obod District"), ("Darvoz", "Darvoz District"),
                    ("Vanj", "Vanj District")):
        check(mapping.get(d) == want, "seat of %s lies in geoBoundaries '%s' (found: %s)" % (d, want, mapping.get(d)))
    distinct = len(set(v for v in mapping.values() if v))
    check(distinct == len(mapping) == 58, "all %d seats fall in %d distinct geoBoundaries districts" % (
        len(mapping), distinct))

    print("== schematic districts vs geoBoundaries ADM2")
    area = ogr_csv(gpkg, "SELECT s.district AS district, ST_Area(ST_Intersection(s.geom, g.geom), 1) AS ok, "
                         "ST_Area(g.geom, 1) AS gbarea, ST_Area(s.geom, 1) AS sarea FROM districts_schematic s "
                         "JOIN district_seats p ON p.district = s.district JOIN gb g ON ST_Contains(g.geom, p.geom)")
    tot_gb = float(ogr_csv(gpkg, "SELECT SUM(ST_Area(geom, 1)) AS a FROM gb")[0]["a"])
    ok = sum(float(r["ok"]) for r in area)
    print("  area attributed to the right district: %.1f %% of the geoBoundaries ADM2 area" % (100 * ok / tot_gb))
    worst = sorted(area, key=lambda r: float(r["ok"]) / float(r["gbarea"]))[:8]
    print("  worst districts (share of the true district covered by its schematic area): " + ", ".join(
        "%s %.0f %%" % (r["district"], 100 * float(r["ok"]) / float(r["gbarea"])) for r in worst))
    # frontage: each border vertex carries half of its two adjacent segments; label = nearest polygon
    line = ogr_csv(gpkg, "SELECT AsGeoJSON(ST_Union(geom)) AS j FROM border_tj_af GROUP BY seq ORDER BY seq")
    coords = []
    for r in line:
        c = json.loads(r["j"])["coordinates"]
        if c and c[0] and isinstance(c[0][0], list):
            c = [p for part in c for p in part]
        coords.extend(c if not coords else c[1:])
    w = [0.0] * len(coords)
    for i in range(len(coords) - 1):
        d = geod_km(coords[i], coords[i + 1])
        w[i] += d / 2
        w[i + 1] += d / 2
    pts = os.path.join(tmp, "pts.csv")
    with open(pts, "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["i", "lon", "lat"])
        for i, c in enumerate(coords):
            wr.writerow([i, c[0], c[1]])
    load(gpkg, pts, "pts", "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-a_srs", "EPSG:4326")
    near = ogr_csv(gpkg, "SELECT p.i AS i, s.district AS d, ST_Distance(s.geom, p.geom) AS dist FROM pts p "
                         "JOIN districts_schematic s ON MbrIntersects(s.geom, BuildCircleMbr(ST_X(p.geom), "
                         "ST_Y(p.geom), 0.05)) UNION ALL SELECT p.i AS i, 'gb:' || q.district AS d, "
                         "ST_Distance(g.geom, p.geom) AS dist FROM pts p JOIN gb g ON MbrIntersects(g.geom, "
                         "BuildCircleMbr(ST_X(p.geom), ST_Y(p.geom), 0.05)) JOIN district_seats q ON "
                         "ST_Contains(g.geom, q.geom)")
    best = {}
    for r in near:
        key = (int(r["i"]), r["d"].startswith("gb:"))
        cand = (float(r["dist"]), r["d"].replace("gb:", ""))
        if key not in best or cand < best[key]:
            best[key] = cand
    lab = [{"i": i, "sch": best.get((i, False), (0, None))[1], "ref": best.get((i, True), (0, None))[1]}
           for i in range(len(coords))]
    tot = sum(w)
    good = sum(w[int(r["i"])] for r in lab if r["sch"] == r["ref"])
    print("  border frontage attributed to the right district: %.1f %% of %.0f km" % (100 * good / tot, tot))
    per = {}
    for r in lab:
        for key, col in (("ref", r["ref"]), ("sch", r["sch"])):
            per.setdefault(col, {"ref": 0.0, "sch": 0.0, "ok": 0.0})[key] += w[int(r["i"])]
        if r["sch"] == r["ref"]:
            per[r["ref"]]["ok"] += w[int(r["i"])]
    print("  %-18s %9s %9s %9s" % ("district", "true km", "schem km", "right km"))
    for d in sorted(per, key=lambda d: (-per[d]["ref"], d or "")):
        print("  %-18s %9.1f %9.1f %9.1f" % (d or "(no polygon)", per[d]["ref"], per[d]["sch"], per[d]["ok"]))
    wrong = [d or "(no polygon)" for d in per if per[d]["ref"] < 0.5 and per[d]["sch"] >= 0.5]
    print("  districts given Panj/Pamir frontage they do not have: %s" % (", ".join(sorted(wrong)) or "none"))


if __name__ == "__main__":
    sys.exit(main())
