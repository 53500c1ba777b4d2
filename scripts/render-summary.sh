#!/usr/bin/env bash
# Renders the Summary sheet (page 1) of a briefing workbook, as a real spreadsheet application shows it:
# LibreOffice converts the workbook to PDF, pdftoppm draws page 1 as a PNG at 80 dpi.
#
#   scripts/render-summary.sh [workbook] [out.png]
#
# Defaults: out/hanoi-convention/latest/briefing.xlsx and summary.png beside it. The PDF is kept beside the
# PNG (same name, .pdf). Needs libreoffice (or soffice) and pdftoppm: `scripts/setup.sh --test`.
set -euo pipefail

workbook="${1:-out/hanoi-convention/latest/briefing.xlsx}"
png="${2:-$(dirname "$workbook")/summary.png}"
case "$png" in *.png) ;; *) echo "render-summary: the output must end in .png: $png" >&2; exit 2 ;; esac
pdf="${png%.png}.pdf"

if [ ! -f "$workbook" ]; then
  echo "render-summary: no workbook at $workbook (run the pipeline first: make run)" >&2
  exit 1
fi
office="$(command -v soffice || command -v libreoffice || true)"
if [ -z "$office" ]; then
  echo "render-summary: LibreOffice is not installed (soffice/libreoffice not on PATH); run scripts/setup.sh --test" >&2
  exit 1
fi
if ! command -v pdftoppm >/dev/null; then
  echo "render-summary: pdftoppm is not installed (Debian package poppler-utils); run scripts/setup.sh --test" >&2
  exit 1
fi

# A private profile, so that this conversion neither waits for nor disturbs another running LibreOffice.
scratch="$(mktemp -d "${TMPDIR:-/tmp}/render-summary.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$(dirname "$png")"
cp "$workbook" "$scratch/workbook.xlsx"

if ! "$office" -env:UserInstallation="file://$scratch/profile" --headless --convert-to pdf \
     --outdir "$scratch" "$scratch/workbook.xlsx" >"$scratch/office.log" 2>&1 \
   || [ ! -s "$scratch/workbook.pdf" ]; then
  echo "render-summary: LibreOffice could not convert $workbook to PDF:" >&2
  cat "$scratch/office.log" >&2
  exit 1
fi
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$scratch/workbook.pdf" "$scratch/page"
mv "$scratch/workbook.pdf" "$pdf"
mv "$scratch/page.png" "$png"
echo "render-summary: $pdf, $png"
