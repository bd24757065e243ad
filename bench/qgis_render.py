#!/usr/bin/python3
"""QGIS side of the BorderLens rendering baseline (docs/performance-baseline-notes.md).

Loads the bundled base layers and an incidents CSV (as a delimited-text point layer, QGIS's
defaults: field types detected, no spatial index) and renders 1920x1080 frames in EPSG:32642 over
the extent BorderLens uses by default (the border line's extent plus 0.4 degrees, see
app/cli/export_request.cpp) with QgsMapRendererSequentialJob:

  (a) the first frame: load time and first render time, and the time since the process started
  (b) a 30-day window (the temporal controller path: the layer's temporal properties on the date
      field, the map settings' temporal range), repeated, median
  (c) everything visible, repeated, median

Run with the system Python (QGIS 3.22 on Debian 12), headless:

  QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/qgis_render.py --incidents FILE.csv \
      [--geodata geodata] [--repeat 5] [--window 2025-12-02/2025-12-31] [--save-dir DIR]

It prints one machine-readable line, for example
  qgis file=native_1m.csv rows=1000000 load_s=... first_render_s=... first_frame_s=...
       since_process_start_s=... window30_ms=... all_ms=... peak_rss_mb=...
"""

import argparse
import csv
import datetime
import os
import resource
import statistics
import sys
import time


def seconds_since_process_start():
    """Wall time since the kernel started this process (clock ticks, 10 ms resolution)."""
    with open("/proc/self/stat") as f:
        # Field 22 (starttime) counts from boot; the command name may hold spaces, so split
        # after its closing parenthesis.
        fields = f.read().rsplit(")", 1)[1].split()
    start_ticks = int(fields[19])
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


# Imports after the first measurement point would hide their cost; they are part of "first frame".
from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDateTimeRange,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, QTime, QUrl  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def parse_args():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--incidents", required=True, help="incidents CSV (native or ACLED)")
    p.add_argument("--geodata", default=os.path.join(here, "..", "geodata"))
    p.add_argument("--repeat", type=int, default=5, help="renders per frame kind (median)")
    p.add_argument("--window", default="2025-12-02/2025-12-31",
                   help="first/last day (inclusive) of the 30-day window")
    p.add_argument("--size", default="1920x1080")
    p.add_argument("--save-dir", help="write the frames as PNG here, to check them by eye")
    return p.parse_args()


def columns(path):
    with open(path, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    names = [h.strip().lower() for h in header]
    for x, y in (("lon", "lat"), ("longitude", "latitude"), ("x", "y")):
        if x in names and y in names:
            break
    else:
        sys.exit(f"{path}: no lon/lat or longitude/latitude columns")
    time_field = next((t for t in ("start_date", "event_date", "date_start") if t in names), None)
    return header[names.index(x)], header[names.index(y)], time_field


def style_base(layer, kind):
    if kind == "countries":
        s = QgsFillSymbol.createSimple({"color": "238,234,222", "outline_color": "110,110,110",
                                        "outline_width": "0.3"})
    elif kind == "districts":
        s = QgsFillSymbol.createSimple({"style": "no", "outline_color": "120,120,120",
                                        "outline_width": "0.2", "outline_style": "dash"})
    elif kind == "rivers":
        s = QgsLineSymbol.createSimple({"color": "70,130,200", "width": "0.4"})
    elif kind == "border":
        s = QgsLineSymbol.createSimple({"color": "200,30,40", "width": "0.8"})
    else:  # seats
        s = QgsMarkerSymbol.createSimple({"name": "square", "color": "40,40,40", "size": "1.6"})
    layer.setRenderer(QgsSingleSymbolRenderer(s))


def load_layers(args):
    base = []
    for name, kind in (("countries.shp", "countries"), ("districts_schematic.shp", "districts"),
                       ("rivers.shp", "rivers"), ("border_tj_af.shp", "border"),
                       ("district_seats.shp", "seats")):
        layer = QgsVectorLayer(os.path.join(args.geodata, name), kind, "ogr")
        if not layer.isValid():
            sys.exit(f"{name}: QGIS cannot read it")
        style_base(layer, kind)
        base.append(layer)
    x, y, time_field = columns(args.incidents)
    # The delimited-text provider as "Add Delimited Text Layer" sets it up by default.
    uri = (QUrl.fromLocalFile(os.path.abspath(args.incidents)).toString() +
           f"?type=csv&delimiter=,&xField={x}&yField={y}&crs=EPSG:4326"
           "&detectTypes=yes&spatialIndex=no&subsetIndex=no&watchFile=no")
    incidents = QgsVectorLayer(uri, "incidents", "delimitedtext")
    if not incidents.isValid():
        sys.exit(f"{args.incidents}: QGIS cannot read it as a point layer")
    incidents.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "213,94,0", "outline_color": "255,255,255",
         "outline_width": "0.2", "size": "2.0"})))
    if time_field:
        tp = incidents.temporalProperties()
        tp.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField)
        tp.setStartField(time_field)
        tp.setIsActive(True)
    for layer in base + [incidents]:
        QgsProject.instance().addMapLayer(layer, False)
    return base, incidents, time_field


def border_extent(geodata, crs):
    """The border line's extent plus 0.4 degrees, in `crs` (edges densified, as BorderLens does)."""
    border = QgsVectorLayer(os.path.join(geodata, "border_tj_af.shp"), "b", "ogr")
    e = border.extent()
    lonlat = QgsRectangle(e.xMinimum() - 0.4, e.yMinimum() - 0.4,
                          e.xMaximum() + 0.4, e.yMaximum() + 0.4)
    t = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs,
                               QgsProject.instance())
    return t.transformBoundingBox(lonlat, QgsCoordinateTransform.ForwardTransform, True)


def render(settings, save_path=None):
    start = time.perf_counter()
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    elapsed = time.perf_counter() - start
    if save_path:
        job.renderedImage().save(save_path)
    return elapsed


def main():
    args = parse_args()
    app = QgsApplication([], False)
    QgsApplication.setPrefixPath("/usr", True)
    QgsApplication.initQgis()

    t_load = time.perf_counter()
    base, incidents, time_field = load_layers(args)
    rows = incidents.featureCount()  # known once the provider has scanned the file
    load_s = time.perf_counter() - t_load

    crs = QgsCoordinateReferenceSystem("EPSG:32642")
    width, height = (int(v) for v in args.size.lower().split("x"))
    settings = QgsMapSettings()
    settings.setLayers([incidents] + list(reversed(base)))  # top first
    settings.setDestinationCrs(crs)
    settings.setOutputSize(QSize(width, height))
    settings.setOutputDpi(96)
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setExtent(border_extent(args.geodata, crs))

    def save(name):
        return os.path.join(args.save_dir, name) if args.save_dir else None

    if args.save_dir:
        os.makedirs(args.save_dir, exist_ok=True)
    first_render_s = render(settings, save("qgis_first.png"))
    since_start = seconds_since_process_start()

    all_ms = [1000 * render(settings, save("qgis_all.png") if i == 0 else None)
              for i in range(args.repeat)]

    window_ms = []
    if time_field:
        first, last = (datetime.date.fromisoformat(d) for d in args.window.split("/"))
        begin = QDateTime(QDate(first.year, first.month, first.day), QTime(0, 0))
        end = QDateTime(QDate(last.year, last.month, last.day), QTime(0, 0)).addDays(1)
        settings.setIsTemporal(True)
        settings.setTemporalRange(QgsDateTimeRange(begin, end, True, False))  # [begin, end)
        window_ms = [1000 * render(settings, save("qgis_window30.png") if i == 0 else None)
                     for i in range(args.repeat)]

    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    parts = [
        "qgis",
        f"file={os.path.basename(args.incidents)}",
        f"rows={rows}",
        f"load_s={load_s:.3f}",
        f"first_render_s={first_render_s:.3f}",
        f"first_frame_s={load_s + first_render_s:.3f}",
        f"since_process_start_s={since_start:.3f}",
        f"window30_ms={statistics.median(window_ms):.0f}" if window_ms else "window30_ms=na",
        f"all_ms={statistics.median(all_ms):.0f}",
        f"repeat={args.repeat}",
        f"peak_rss_mb={peak_rss_mb:.0f}",
    ]
    print(" ".join(parts))
    sys.stdout.flush()
    QgsProject.instance().removeAllMapLayers()
    QgsApplication.exitQgis()
    del app


if __name__ == "__main__":
    main()
