// Renders a BPMN model to PNG pictures with the bpmn-js viewer (the renderer Camunda Modeler,
// Cockpit and Tasklist use) in headless Debian Chromium: one picture per diagram plane, so a
// model whose sub-processes are collapsed gives an overview plus one picture per sub-process.
//
// Usage: node tools/render/render.mjs [MODEL] [OUT_DIR] [PREFIX]
//   defaults: bpmn/victim-safeguarding.bpmn docs/images diagram
// Writes OUT_DIR/PREFIX-overview.png for the process plane and OUT_DIR/PREFIX-<sub-process>.png
// (SubProcess_VictimMissing -> victim-missing) for every collapsed sub-process's own plane, and
// prints each file with its size.
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const model = resolve(process.argv[2] ?? join(root, 'bpmn/victim-safeguarding.bpmn'));
const outDir = resolve(process.argv[3] ?? join(root, 'docs/images'));
const prefix = process.argv[4] ?? 'diagram';
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Device pixels per diagram pixel: 2 keeps 11 px labels readable when the picture is scaled down.
const scale = Number(process.env.RENDER_SCALE ?? 2);
const padding = 20;

const viewerJs = join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js');
const assets = join(here, 'node_modules/bpmn-js/dist/assets');
if (!existsSync(viewerJs)) {
	console.error('render: run "npm ci" in tools/render first');
	process.exit(2);
}

// SubProcess_VictimMissing_plane -> victim-missing
const slug = (planeId) =>
	planeId
		.replace(/_plane$/, '')
		.replace(/^SubProcess_/, '')
		.replace(/([a-z0-9])([A-Z])/g, '$1-$2')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.toLowerCase();

const xml = await readFile(model, 'utf8');
await mkdir(outDir, { recursive: true });

const browser = await chromium.launch({
	executablePath: chromiumPath,
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
		'--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
	const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: scale });
	await page.setContent(`<!doctype html><html><head>
		<link rel="stylesheet" href="file://${assets}/diagram-js.css">
		<link rel="stylesheet" href="file://${assets}/bpmn-js.css">
		<style>html,body{margin:0;background:#fff}#canvas{position:absolute;inset:0}
		.bjs-powered-by,.bjs-breadcrumbs,.bjs-drilldown{display:none!important}</style>
		</head><body><div id="canvas"></div></body></html>`);
	await page.addScriptTag({ path: viewerJs });
	const planes = await page.evaluate(async (xml) => {
		const viewer = new window.BpmnJS({ container: '#canvas' });
		window.viewer = viewer;
		const { warnings } = await viewer.importXML(xml);
		const canvas = viewer.get('canvas');
		return {
			warnings: warnings.map((w) => w.message),
			roots: canvas.getRootElements().map((r) => ({ id: r.id, name: r.businessObject.name ?? r.id, isProcess: !r.id.endsWith('_plane') })),
		};
	}, xml);
	for (const warning of planes.warnings) console.warn(`render: bpmn-js warning: ${warning}`);
	for (const plane of planes.roots) {
		// Size the page to the plane's contents at 1:1, then take a picture of exactly that.
		const box = await page.evaluate(({ id, padding }) => {
			const canvas = window.viewer.get('canvas');
			canvas.setRootElement(canvas.findRoot(id));
			const inner = canvas.getActiveLayer().getBBox();
			return { x: inner.x - padding, y: inner.y - padding, width: Math.ceil(inner.width + 2 * padding), height: Math.ceil(inner.height + 2 * padding) };
		}, { id: plane.id, padding });
		// DiagramLayoutTest checks the DI label bounds; warn when bpmn-js draws a label's text outside them.
		const spilt = await page.evaluate(() => {
			const registry = window.viewer.get('elementRegistry');
			const out = [];
			for (const label of registry.filter((e) => e.type === 'label')) {
				const text = registry.getGraphics(label)?.querySelector('text');
				const b = text?.getBBox();
				if (!b || b.width === 0) continue;
				// bpmn-js grows the label to its text on import: compare with the bounds the file says.
				const di = label.labelTarget?.di?.label?.bounds;
				if (!di || b.width > di.width + 2 || b.height > di.height + 2) {
					const said = di ? `${di.width}x${di.height}` : 'none';
					out.push(`${label.businessObject.id}: text ${Math.ceil(b.width)}x${Math.ceil(b.height)}, bounds ${said}`);
				}
			}
			return out;
		});
		for (const warning of spilt) console.warn(`render: label larger than its DI bounds: ${warning}`);
		await page.setViewportSize({ width: box.width, height: box.height });
		await page.evaluate((box) => {
			const canvas = window.viewer.get('canvas');
			canvas.resized();
			canvas.viewbox(box);
		}, box);
		const file = join(outDir, `${prefix}-${plane.isProcess ? 'overview' : slug(plane.id)}.png`);
		await page.screenshot({ path: file });
		console.log(`render: ${file} (${box.width * scale}x${box.height * scale})`);
	}
} finally {
	await browser.close();
}
