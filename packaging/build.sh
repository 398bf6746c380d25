#!/usr/bin/env bash
# Build the one-folder frozen FibroMap: dist/FibroMap/FibroMap (and FibroMap-<version>-linux-x86_64.tar.xz).
#
#   packaging/build.sh                          build into dist/ with a private virtualenv in build/venv
#   FIBROMAP_BUILD_VENV=.venv packaging/build.sh   reuse dev.sh's virtualenv (CI does: no second PySide6)
#
# It installs FibroMap (editable) with the pinned PyInstaller (the `packaging` extra) into
# the virtualenv, runs packaging/fibromap.spec, then prints the folder size and the
# compressed size. Needs python3 with venv; the Qt libraries come from the PySide6 wheel.
# Only what the app imports is bundled, so test and dev tools in the virtualenv do not matter.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1mfibromap build:\033[0m %s\n' "$*" >&2; }

venv=${FIBROMAP_BUILD_VENV:-build/venv}
stamp=$venv/.fibromap-packaging
if [ ! -x "$venv/bin/python" ]; then
  say "creating $venv"
  python3 -m venv "$venv"
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  say "installing FibroMap and PyInstaller into $venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet -e ".[packaging]"
  touch "$stamp"
fi

say "running PyInstaller"
"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/fibromap.spec

version=$("$venv/bin/python" -c 'import app; print(app.__version__)')
archive=dist/FibroMap-$version-linux-$(uname -m).tar.xz
say "compressing to $archive"
tar -C dist -cf - FibroMap | xz -T0 -6 > "$archive"

folder_mb=$(du -sm dist/FibroMap | cut -f1)
archive_mb=$(( ($(stat -c %s "$archive") + 524287) / 1048576 ))
say "dist/FibroMap: ${folder_mb} MB (budget 200 MB); $archive: ${archive_mb} MB (budget 70 MB)"
if [ "$folder_mb" -gt 200 ] || [ "$archive_mb" -gt 70 ]; then
  say "over budget"; exit 1
fi
