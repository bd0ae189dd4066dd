// Page weight and render time of the IKP map (/ikp) in headless Chromium, for bench/map.sh.
//
//   node bench/stats/map.mjs BASE_URL PATH RUNS OUT_CSV OUT_JSON [LOGIN_USER LOGIN_PASSWORD]
//
// Needs playwright-core (in NODE_DIR/node_modules) and Chromium (CHROMIUM, default /usr/bin/chromium). For each
// viewport (desktop 1366x768 at DPR 1; phone 360x740 at DPR 3, touch) RUNS cold loads (a new
// browser context each: empty cache, no cookies unless LOGIN_USER signs in first) and RUNS warm
// loads (a reload in the context of the last cold load: what the HTTP cache keeps). Per load:
//   ready_ms    navigation start -> #ikp-map[data-ready=true] (ikp.js set it after adding every
//               boundary to the map: the regions are drawn into the SVG)
//   painted_ms  the first animation frame after that (the browser has painted the drawn map)
//   dcl_ms, load_ms  DOMContentLoaded and load of the page (Navigation Timing)
//   requests, wire_bytes (bytes over the wire, headers included, compressed as sent),
//   body_bytes (bodies after decompression), per kind: document, script, stylesheet, geojson
//   (boundaries), data (scores JSON and any other fetch), other
//   coloured, features  the map's data-coloured / data-features (514 regencies drawn and coloured)
// Rows to OUT_CSV (appended), every request of every load to OUT_JSON.

import {appendFileSync, existsSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';

// playwright-core lives outside the repository (bench/map.sh installs it into NODE_DIR)
const require = createRequire((process.env.NODE_DIR || process.cwd()) + '/');
const {chromium} = require('playwright-core');

const [base, path, runsArg, outCsv, outJson, loginUser, loginPassword] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const viewports = [
    {name: 'desktop', options: {viewport: {width: 1366, height: 768}, deviceScaleFactor: 1}},
    {name: 'phone', options: {viewport: {width: 360, height: 740}, deviceScaleFactor: 3, isMobile: true, hasTouch: true}},
];
const KINDS = ['document', 'script', 'stylesheet', 'geojson', 'data', 'other'];

const browser = await chromium.launch({
    executablePath,
    // headless given as Chromium's own flag (new headless mode) rather than by Playwright
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const version = browser.version();

if (!existsSync(outCsv)) {
    writeFileSync(outCsv, ['viewport', 'cache', 'run', 'ready_ms', 'painted_ms', 'dcl_ms', 'load_ms', 'requests', 'wire_bytes',
        'body_bytes', ...KINDS.flatMap(k => [k + '_wire', k + '_body']), 'coloured', 'features', 'chromium'].join(',') + '\n');
}
const all = [];

function kindOf(r) {
    if (r.type === 'Document') return 'document';
    if (r.type === 'Script') return 'script';
    if (r.type === 'Stylesheet') return 'stylesheet';
    if (/geojson/.test(r.url) || /geo\+json/.test(r.mimeType || '')) return 'geojson';
    if (r.type === 'Fetch' || r.type === 'XHR') return 'data';
    return 'other';
}

// one load of PATH in CONTEXT/PAGE (navigate or reload), measured
async function load(page, cdp, how) {
    const requests = new Map();
    const onResponse = e => {
        const r = requests.get(e.requestId) || {body: 0};
        Object.assign(r, {url: e.response.url, type: e.type, status: e.response.status, mimeType: e.response.mimeType,
            encoding: (e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || ''),
            fromCache: e.response.fromDiskCache || e.response.fromServiceWorker || false});
        requests.set(e.requestId, r);
    };
    const onData = e => {
        const r = requests.get(e.requestId) || {body: 0};
        r.body += e.dataLength;
        requests.set(e.requestId, r);
    };
    const onFinished = e => {
        const r = requests.get(e.requestId) || {body: 0};
        r.wire = e.encodedDataLength;
        requests.set(e.requestId, r);
    };
    const onCached = e => {
        const r = requests.get(e.requestId) || {body: 0};
        r.fromCache = true;
        requests.set(e.requestId, r);
    };
    cdp.on('Network.responseReceived', onResponse);
    cdp.on('Network.dataReceived', onData);
    cdp.on('Network.loadingFinished', onFinished);
    cdp.on('Network.requestServedFromCache', onCached);
    if (how === 'reload') {
        await page.reload({waitUntil: 'load', timeout: 180000});
    } else {
        await page.goto(base + path, {waitUntil: 'load', timeout: 180000});
    }
    await page.waitForFunction(() => {
        const m = document.getElementById('ikp-map');
        return m && m.dataset.ready !== 'false';
    }, null, {timeout: 120000, polling: 50});
    const timing = await page.evaluate(() => new Promise(resolve => {
        const m = document.getElementById('ikp-map');
        const nav = performance.getEntriesByType('navigation')[0];
        requestAnimationFrame(() => setTimeout(() => resolve({
            ready: window.__ikpReadyAt ?? null,
            painted: window.__ikpPaintedAt ?? null,
            dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
            state: m.dataset.ready, coloured: m.dataset.coloured, features: m.dataset.features,
        }), 0));
    }));
    // let the last loadingFinished events arrive
    await new Promise(r => setTimeout(r, 300));
    cdp.off('Network.responseReceived', onResponse);
    cdp.off('Network.dataReceived', onData);
    cdp.off('Network.loadingFinished', onFinished);
    cdp.off('Network.requestServedFromCache', onCached);
    const list = [...requests.values()].filter(r => r.url && !r.url.startsWith('data:'));
    return {timing, list};
}

// records when ikp.js marks the map ready, and the first frame after it (before any page script runs)
const READY_PROBE = `
    new MutationObserver((records, observer) => {
        const m = document.getElementById('ikp-map');
        if (m && m.dataset.ready && m.dataset.ready !== 'false' && window.__ikpReadyAt === undefined) {
            window.__ikpReadyAt = performance.now();
            requestAnimationFrame(() => { window.__ikpPaintedAt = performance.now(); });
            observer.disconnect();
        }
    }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-ready']});`;

async function signIn(page) {
    await page.goto(base + '/login');
    await page.fill('#username', loginUser);
    await page.fill('#password', loginPassword);
    await Promise.all([page.waitForURL(u => !u.pathname.startsWith('/login')), page.click('form button[type=submit]')]);
}

function record(viewport, cache, run, timing, list) {
    const sum = (rows, f) => rows.reduce((a, r) => a + (f(r) || 0), 0);
    const kinds = KINDS.flatMap(k => {
        const rows = list.filter(r => kindOf(r) === k);
        return [sum(rows, r => r.wire), sum(rows, r => r.body)];
    });
    const row = [viewport, cache, run, timing.ready?.toFixed(1), timing.painted?.toFixed(1), timing.dcl.toFixed(1),
        timing.load.toFixed(1), list.length, sum(list, r => r.wire), sum(list, r => r.body), ...kinds,
        timing.coloured, timing.features, version];
    appendFileSync(outCsv, row.join(',') + '\n');
    all.push({viewport, cache, run, timing, requests: list});
    console.log(`${viewport} ${cache} #${run}: ready ${timing.ready?.toFixed(0)} ms, painted ${timing.painted?.toFixed(0)} ms, `
        + `${list.length} requests, ${sum(list, r => r.wire)} B on the wire, ${sum(list, r => r.body)} B decoded, `
        + `coloured ${timing.coloured}/${timing.features} (${timing.state})`);
}

for (const vp of viewports) {
    let context;
    let page;
    let cdp;
    for (let run = 1; run <= runs; run++) {
        if (context) await context.close();
        context = await browser.newContext(vp.options);
        if (loginUser) {
            const login = await context.newPage();
            await signIn(login);
            await login.close();
        }
        await context.addInitScript(READY_PROBE);
        page = await context.newPage();
        cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        const {timing, list} = await load(page, cdp, 'goto');
        record(vp.name, 'cold', run, timing, list);
    }
    for (let run = 1; run <= runs; run++) {
        const {timing, list} = await load(page, cdp, 'reload');
        record(vp.name, 'warm', run, timing, list);
    }
    await context.close();
}
writeFileSync(outJson, JSON.stringify(all, null, 1));
await browser.close();
