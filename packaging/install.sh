#!/bin/sh
# Install this Testimony folder for the current user (no root needed):
#   ./install.sh            -> ~/.local/lib/testimony, ~/.local/bin/testimony, menu entry
#   PREFIX=/opt/x ./install.sh   (as root for a system-wide install, e.g. PREFIX=/usr/local)
#   ./install.sh --uninstall
# Nothing here touches the vault, which lives in the platform data folder
# (~/.local/share/Testimony by default) and is never removed by this script.
set -eu
APP_ID=org.testimony.Testimony
PREFIX="${PREFIX:-$HOME/.local}"
LIB="$PREFIX/lib/testimony"
SHARE="$PREFIX/share"
HERE="$(cd "$(dirname "$0")" && pwd)"

uninstall() {
    rm -rf "$LIB"
    rm -f "$PREFIX/bin/testimony" "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml"
    for s in 48x48 128x128 256x256; do rm -f "$SHARE/icons/hicolor/$s/apps/$APP_ID.png"; done
    rm -f "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
}

if [ "${1:-}" = "--uninstall" ]; then
    uninstall
    echo "Testimony removed from $PREFIX (your vault was left as it was)."
    exit 0
fi

uninstall
mkdir -p "$LIB" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo"
cp -a "$HERE/testimony" "$HERE/_internal" "$LIB/"
ln -s "$LIB/testimony" "$PREFIX/bin/testimony"
# The menu entry starts the installed binary by its full path (~/.local/bin may not be on PATH).
sed -e "s|^Exec=testimony|Exec=$LIB/testimony|" -e "s|^TryExec=testimony|TryExec=$LIB/testimony|" \
    "$HERE/share/applications/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp -R "$HERE/share/icons" "$SHARE/"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
echo "Testimony installed in $LIB; run 'testimony' or find it in the applications menu."
