#!/usr/bin/env bash
# Refreshes the vendored GOV.UK Frontend assets under src/main/resources/static/govuk/ from npm,
# so that `mvn spring-boot:run` needs nothing but Java and Maven. Change the version here only.
#
# What is copied: the built stylesheet (the pages use no GOV.UK Frontend JavaScript: they work
# without scripts) and the licence. What is not: the GDS Transport font, the crown/crest images
# and the crown favicon, licensed for GOV.UK-domain services
# only (this service is not one): the stylesheet's @font-face rules are removed so that no
# browser asks for the font files, and text falls back to Arial as GOV.UK Frontend intends.
set -euo pipefail
VERSION=6.6.0

cd "$(dirname "$0")/../.."
target=src/main/resources/static/govuk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "govuk-frontend@${VERSION}" >/dev/null && tar xzf "govuk-frontend-${VERSION}.tgz")
dist="$work/package/dist/govuk"

mkdir -p "$target"
# the stylesheet, less its @font-face rules (the licensed font) and its source map comment
sed -E -e 's/@font-face\{[^}]*\}//g' -e 's#/\*\# sourceMappingURL=[^*]*\*/##' \
	"$dist/govuk-frontend.min.css" >"$target/govuk-frontend.min.css"
# the npm package carries no licence file: LICENSE beside the stylesheet is the project's own MIT
# licence text (package.json: "license": "MIT"), kept as it is unless a release ships one
if [ -f "$work/package/LICENSE.txt" ]; then cp "$work/package/LICENSE.txt" "$target/LICENSE"; fi
grep -q '"license": "MIT"' "$work/package/package.json" || { echo "update.sh: licence changed, check LICENSE" >&2; exit 1; }
echo "$VERSION" >"$target/VERSION"

if grep -q "@font-face" "$target/govuk-frontend.min.css"; then
	echo "update.sh: the stylesheet still declares a web font" >&2
	exit 1
fi
echo "govuk-frontend ${VERSION} copied to ${target}"
