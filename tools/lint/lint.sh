#!/usr/bin/env bash
# Lints the BPMN models (bpmnlint, as Camunda Modeler does) and the Camunda Forms
# (@camunda/form-linting plus this project's rules). Runs offline once tools/lint/node_modules exists.
#
# Usage: tools/lint/lint.sh [PROJECT_DIR]   (default: this repository's root)
# Exits non-zero on any lint error.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "${1:-$here/../..}" && pwd)"

# @bpmn-io packages start IBM telemetry on install, which hangs without a network.
export IBM_TELEMETRY_DISABLED=true

if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
	echo "lint: installing tools/lint dependencies (npm ci)"
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

status=0
cd "$root"
shopt -s nullglob

bpmn_files=(bpmn/*.bpmn)
if [ ${#bpmn_files[@]} -eq 0 ]; then
	echo "bpmn: no bpmn/*.bpmn files to lint"
elif [ ! -f .bpmnlintrc ]; then
	echo "bpmn: no .bpmnlintrc in $root" >&2
	status=1
else
	echo "bpmn: linting ${#bpmn_files[@]} file(s) with bpmnlint"
	# bpmnlint resolves the plugins named in .bpmnlintrc from the working directory: point it at ours.
	if NODE_PATH="$here/node_modules" "$here/node_modules/.bin/bpmnlint" "${bpmn_files[@]}"; then
		echo "bpmn: ok"
	else
		status=1
	fi
fi

form_files=(forms/*.form)
if [ ${#form_files[@]} -eq 0 ]; then
	echo "forms: no forms/*.form files to lint"
else
	# @camunda/form-linting ships untranspiled ES modules with extension-less imports that Node
	# cannot load directly: bundle the linter with esbuild first (takes well under a second).
	"$here/node_modules/.bin/esbuild" "$here/lint-forms.mjs" --bundle --platform=node --format=esm \
		--log-level=warning --outfile="$here/build/lint-forms.mjs"
	node "$here/build/lint-forms.mjs" "${form_files[@]}" || status=1
fi

exit $status
