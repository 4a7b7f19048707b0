#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks what a desktop expects to find.
set -euo pipefail
build_dir=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build_dir" --prefix "$prefix" > /dev/null
fail=0
for f in bin/letdown libexec/letdown/letdown-window share/applications/letdown.desktop share/metainfo/io.github.letdown.Letdown.metainfo.xml \
         share/icons/hicolor/scalable/apps/letdown.svg share/icons/hicolor/48x48/apps/letdown.png \
         share/icons/hicolor/256x256/apps/letdown.png; do
  if [ -e "$prefix/$f" ]; then echo "ok: $f"; else echo "MISSING: $f"; fail=1; fi
done
if command -v desktop-file-validate > /dev/null; then
  desktop-file-validate "$prefix/share/applications/letdown.desktop" && echo "ok: desktop-file-validate" || fail=1
else
  echo "skipped: desktop-file-validate is not installed (Debian package desktop-file-utils)"
fi
if command -v appstreamcli > /dev/null; then
  appstreamcli validate --no-net "$prefix/share/metainfo/io.github.letdown.Letdown.metainfo.xml" > /dev/null \
    && echo "ok: appstreamcli validate" || fail=1
else
  echo "skipped: appstreamcli is not installed (Debian package appstream)"
fi
# The installed program runs from its new home, with no display.
env -u DISPLAY "$prefix/bin/letdown" --version | grep -q "letdown" && echo "ok: installed letdown --version" || fail=1
# `letdown` itself loads no widget library (it hands the window to letdown-window).
if ldd "$prefix/bin/letdown" | grep -q Qt6Widgets; then echo "letdown links Qt Widgets"; fail=1; else echo "ok: letdown without widgets"; fi
exit $fail
