#!/usr/bin/env bash
# Install FibroMap's desktop integration per the freedesktop conventions: the .desktop
# launcher, the AppStream metainfo and the icons in the hicolor theme.
#
#   packaging/install-desktop.sh                      for this user (~/.local/share)
#   packaging/install-desktop.sh --prefix /usr/local  system-wide (as root)
#   packaging/install-desktop.sh --exec /opt/FibroMap/FibroMap   launcher runs the frozen app
#   packaging/install-desktop.sh --uninstall [--prefix P]        remove what it installed
#
# DESTDIR is honoured for staged installs (packagers). FibroMap itself is installed
# separately: `pip install .` (the `fibromap` command) or the frozen bundle.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app_id=io.github.fibromap.FibroMap

datadir=${XDG_DATA_HOME:-$HOME/.local/share}
exec_path=""
uninstall=false
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) datadir=$2/share; shift 2 ;;
    --exec) exec_path=$2; shift 2 ;;
    --uninstall) uninstall=true; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "install-desktop.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
root=${DESTDIR:-}$datadir

files=(applications/$app_id.desktop metainfo/$app_id.metainfo.xml icons/hicolor/scalable/apps/$app_id.svg)
for png in "$here"/linux/icons/hicolor/*/apps/$app_id.png; do
  files+=("icons/hicolor/$(basename "$(dirname "$(dirname "$png")")")/apps/$app_id.png")
done

if $uninstall; then
  for f in "${files[@]}"; do rm -f "$root/$f"; done
  echo "removed FibroMap's desktop files from $root"
else
  install -D -m 644 "$here/linux/$app_id.desktop" "$root/applications/$app_id.desktop"
  if [ -n "$exec_path" ]; then
    # Exec takes a path with no spaces unquoted; quote it otherwise (desktop entry spec).
    case "$exec_path" in *" "*) exec_path="\"$exec_path\"" ;; esac
    sed -i "s|^Exec=.*|Exec=$exec_path|" "$root/applications/$app_id.desktop"
  fi
  install -D -m 644 "$here/linux/$app_id.metainfo.xml" "$root/metainfo/$app_id.metainfo.xml"
  install -D -m 644 "$here/../assets/icons/$app_id.svg" "$root/icons/hicolor/scalable/apps/$app_id.svg"
  for png in "$here"/linux/icons/hicolor/*/apps/$app_id.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    install -D -m 644 "$png" "$root/icons/hicolor/$size/apps/$app_id.png"
  done
  echo "installed FibroMap's desktop files into $root"
fi

# Refresh the caches where the tools exist and this is not a staged install.
if [ -z "${DESTDIR:-}" ]; then
  if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$root/applications" || true; fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$root/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$root/icons/hicolor" || true
  fi
fi
