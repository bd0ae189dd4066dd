// The report form's service worker: the form opens without a connection (its page and assets
// are cached), region lists seen before are answered from the cache, and reports waiting in the
// outbox are sent by Background Sync when the connection returns, even after the tab is closed.
importScripts('/js/report-outbox.js');

var CACHE = 'pantau-report-v1';
var SHELL = ['/lapor', '/css/pantau.css', '/js/report-outbox.js', '/js/report-form.js', '/img/pantau.svg'];

self.addEventListener('install', function (event) {
    event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); }).catch(function () {}));
    self.skipWaiting();
});

self.addEventListener('activate', function (event) {
    event.waitUntil(caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (key) { return key !== CACHE; }).map(function (key) { return caches.delete(key); }));
    }).then(function () { return self.clients.claim(); }));
});

function networkFirst(request) {
    return fetch(request).then(function (response) {
        if (response.ok) {
            var copy = response.clone();
            caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
        }
        return response;
    }).catch(function () {
        return caches.match(request, {ignoreSearch: request.mode === 'navigate'});
    });
}

self.addEventListener('fetch', function (event) {
    var request = event.request;
    if (request.method !== 'GET') {
        return;
    }
    var url = new URL(request.url);
    if (url.origin !== self.location.origin) {
        return;
    }
    if (SHELL.indexOf(url.pathname) >= 0 || url.pathname === '/api/v1/regions') {
        event.respondWith(networkFirst(request));
    }
});

self.addEventListener('sync', function (event) {
    if (event.tag === 'pantau-outbox') {
        event.waitUntil(PantauOutbox.flush().then(tellPages));
    }
});

// A page waiting for a report that went out from here finds the outbox empty: it learns the
// tracking code from this message instead (report-form.js), or the reporter would never see it.
function tellPages(sent) {
    if (!sent.length) {
        return null;
    }
    return self.clients.matchAll({type: 'window', includeUncontrolled: true}).then(function (pages) {
        pages.forEach(function (page) { page.postMessage({type: 'pantau-sent', sent: sent}); });
    });
}
