#!/usr/bin/env bash
# Renders a report DOCX to PDF and PNG pages so a person can look at it (LibreOffice + poppler-utils; on Debian:
# apt-get install libreoffice-writer poppler-utils fonts-liberation). Usage: scripts/render-report.sh file.docx [outdir]
set -euo pipefail
docx="${1:?usage: $0 file.docx [outdir]}"
out="${2:-$(dirname "$docx")}"
office="$(command -v soffice || command -v libreoffice || true)"
[ -n "$office" ] || { echo "render-report: LibreOffice (soffice) not found" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "render-report: pdftoppm (poppler-utils) not found" >&2; exit 1; }
mkdir -p "$out"
# A private profile, so a running LibreOffice of the user does not swallow the conversion.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$office" -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null
pdf="$out/$(basename "${docx%.*}").pdf"
pdftoppm -png -r 110 "$pdf" "${pdf%.pdf}-page"
echo "$pdf"
ls "${pdf%.pdf}"-page*.png
