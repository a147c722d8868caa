#!/usr/bin/env node
// `npm run size`: the JavaScript and CSS each built page ships before the learner does anything
// (gzipped), against a budget. Code behind a dynamic import() (mqtt.js, the in-page broker) is
// loaded only when a widget is used, so it is listed apart and not counted against the page.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(process.argv[2] ?? 'dist');
/** Budgets in gzipped bytes: pages with live MQTT widgets may load the widget code up front. */
const BUDGET = { plain: 50 * 1024, widgets: 90 * 1024, css: 30 * 1024 };

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run \`npm run build\` first.`);
  process.exit(2);
}

const gzSize = new Map();
function gz(file) {
  if (!gzSize.has(file)) gzSize.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzSize.get(file);
}

// Static imports of an ES module chunk, followed transitively; dynamic import() is not followed.
function staticGraph(entry, seen = new Set()) {
  if (seen.has(entry) || !existsSync(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  const pattern = /(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']|\bexport\s*[\w*{}\s,$]+from\s*["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) {
    const spec = match[1] ?? match[2];
    if (spec.startsWith('.')) staticGraph(resolve(dirname(entry), spec), seen);
  }
  return seen;
}

function dynamicImports(files) {
  const lazy = new Set();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) {
      if (match[1].startsWith('.')) staticGraph(resolve(dirname(file), match[1]), lazy);
    }
  }
  for (const file of files) lazy.delete(file);
  return lazy;
}

function htmlPages(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return htmlPages(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

function assetPath(url) {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split(/[?#]/)[0];
  // The site may be built under a sub-path; find the asset by its path inside dist.
  const parts = path.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i += 1) {
    const candidate = join(dist, ...parts.slice(i));
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

const rows = [];
let over = 0;
for (const page of htmlPages(dist).sort()) {
  const html = readFileSync(page, 'utf8');
  const urls = (attr) => [...html.matchAll(new RegExp(`${attr}="([^"]+\\.(?:m?js|css))"`, 'g'))].map((m) => m[1]);
  const entries = [...urls('src'), ...urls('component-url'), ...urls('renderer-url'), ...urls('href')];
  const js = new Set();
  const css = new Set();
  for (const url of entries) {
    const file = assetPath(url);
    if (!file) continue;
    if (file.endsWith('.css')) css.add(file);
    else staticGraph(file, js);
  }
  const hasWidgets = /<astro-island/.test(html);
  const jsBytes = [...js].reduce((sum, f) => sum + gz(f), 0);
  const cssBytes = [...css].reduce((sum, f) => sum + gz(f), 0);
  const lazyBytes = [...dynamicImports([...js])].reduce((sum, f) => sum + gz(f), 0);
  const budget = hasWidgets ? BUDGET.widgets : BUDGET.plain;
  const ok = jsBytes <= budget && cssBytes <= BUDGET.css;
  if (!ok) over += 1;
  rows.push({ page: `/${relative(dist, page)}`, hasWidgets, jsBytes, cssBytes, lazyBytes, budget, ok });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const widths = [Math.max(4, ...rows.map((r) => r.page.length)), 10, 10, 12, 12];
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[0]) : c.padStart(widths[i]))).join('  ');
console.log(line(['page', 'JS (gz)', 'CSS (gz)', 'JS budget', 'lazy JS (gz)']) + '  status');
for (const r of rows) {
  console.log(
    line([r.page, kb(r.jsBytes), kb(r.cssBytes), kb(r.budget), r.lazyBytes ? kb(r.lazyBytes) : '-']) +
      `  ${r.ok ? 'ok' : 'OVER BUDGET'}${r.hasWidgets ? '' : '  (no widgets)'}`,
  );
}
console.log(
  `\nJS budgets: ${kb(BUDGET.plain)} for a page without widgets, ${kb(BUDGET.widgets)} with widgets; CSS ${kb(BUDGET.css)}. ` +
    'Lazy JS loads only when a widget connects or is used.',
);
if (over > 0) {
  console.error(`${over} page(s) over budget.`);
  process.exit(1);
}
