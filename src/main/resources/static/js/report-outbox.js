// The outbox of the report form: reports waiting to be sent, kept in IndexedDB on the device so
// that nothing typed is lost when the connection drops. Used by the page (report-form.js) and by
// the service worker (report-sw.js). Each entry carries its Idempotency-Key from the moment it
// is created, so however often and from wherever it is sent, the server stores it once.
(function (scope) {
    'use strict';

    var DB = 'pantau-report';
    var STORE = 'outbox';
    // tracking codes of reports sent from this device: the reporter finds them again on the form
    // even when the report went out in the background or the tracking page failed to load
    var SENT = 'sent';
    var KEEP_SENT = 10;

    function open() {
        return new Promise(function (resolve, reject) {
            var request = indexedDB.open(DB, 2);
            request.onupgradeneeded = function (event) {
                if (event.oldVersion < 1) {
                    request.result.createObjectStore(STORE, {keyPath: 'key'});
                }
                if (event.oldVersion < 2) {
                    request.result.createObjectStore(SENT, {keyPath: 'key'});
                }
            };
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () { reject(request.error); };
        });
    }

    function run(mode, work, storeName) {
        return open().then(function (db) {
            return new Promise(function (resolve, reject) {
                var tx = db.transaction(storeName || STORE, mode);
                var result = work(tx.objectStore(storeName || STORE));
                tx.oncomplete = function () { resolve(result && 'result' in result ? result.result : result); };
                tx.onerror = function () { reject(tx.error); };
            });
        });
    }

    function all() {
        return run('readonly', function (store) { return store.getAll(); });
    }

    function put(entry) {
        return run('readwrite', function (store) { store.put(entry); });
    }

    function remove(key) {
        return run('readwrite', function (store) { store.delete(key); });
    }

    /** The reports sent from this device, newest first. */
    function sent() {
        return run('readonly', function (store) { return store.getAll(); }, SENT).then(function (receipts) {
            return receipts.sort(function (a, b) { return b.sentAt.localeCompare(a.sentAt); });
        });
    }

    function remember(receipt) {
        return sent().then(function (earlier) {
            return run('readwrite', function (store) {
                store.put(receipt);
                earlier.slice(KEEP_SENT - 1).forEach(function (old) { store.delete(old.key); });
            }, SENT);
        });
    }

    function newKey() {
        if (scope.crypto && crypto.randomUUID) {
            return crypto.randomUUID();
        }
        var bytes = crypto.getRandomValues(new Uint8Array(16));
        return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
    }

    /** Sends one entry as far as it can; resolves to 'done', 'invalid' (needs the user) or 'later'. */
    function send(entry) {
        var created = entry.receipt ? Promise.resolve(entry.receipt) :
            fetch('/api/v1/reports', {
                method: 'POST',
                headers: {'Content-Type': 'application/json', 'Idempotency-Key': entry.key, 'Accept': 'application/json'},
                body: JSON.stringify(entry.body)
            }).then(function (response) {
                if (response.status === 201) {
                    return response.json().then(function (receipt) {
                        entry.receipt = {id: receipt.id, trackingCode: receipt.trackingCode, uploadToken: receipt.uploadToken};
                        return put(entry).then(function () { return entry.receipt; });
                    });
                }
                if (response.status === 400 || response.status === 422) {
                    return response.json().then(function (problem) {
                        // kept with the entry: whoever flushed (the page, or the service worker), the page shows it
                        entry.problem = problem;
                        return put(entry).then(function () { throw {invalid: true}; });
                    });
                }
                throw {later: true};
            });
        return created.then(function (receipt) {
            return uploadFiles(entry, receipt);
        }).then(function () {
            return remember({key: entry.key, trackingCode: entry.receipt.trackingCode, title: entry.body.title,
                sentAt: new Date().toISOString()});
        }).then(function () {
            return remove(entry.key).then(function () { return 'done'; });
        }).catch(function (failure) {
            return failure && failure.invalid ? 'invalid' : 'later';
        });
    }

    function uploadFiles(entry, receipt) {
        var pending = (entry.files || []).filter(function (file) { return !file.sent; });
        return pending.reduce(function (chain, file) {
            return chain.then(function () {
                var form = new FormData();
                form.append('file', file.blob, file.name);
                return fetch('/api/v1/reports/' + receipt.id + '/evidence', {
                    method: 'POST', headers: {'X-Upload-Token': receipt.uploadToken}, body: form
                }).then(function (response) {
                    if (response.ok || response.status === 400 || response.status === 413) {
                        // a file the server refuses (not a photo or PDF, too large) will never pass: record and go on
                        file.sent = true;
                        file.refused = !response.ok;
                        return put(entry);
                    }
                    throw {later: true};
                });
            });
        }, Promise.resolve());
    }

    /**
     * Sends everything waiting; resolves to the receipts of what went out. The page and the
     * service worker may both try at once when the connection returns: a lock lets one go first,
     * and the other then finds the outbox empty instead of uploading the same photos again.
     */
    function flush() {
        if (scope.navigator && navigator.locks) {
            return navigator.locks.request('pantau-outbox', flushNow);
        }
        return flushNow();
    }

    function flushNow() {
        return all().then(function (entries) {
            return entries.reduce(function (chain, entry) {
                return chain.then(function (sent) {
                    if (entry.problem) {
                        return sent;
                    }
                    return send(entry).then(function (outcome) {
                        if (outcome === 'done') {
                            sent.push({key: entry.key, trackingCode: entry.receipt.trackingCode,
                                refused: (entry.files || []).filter(function (f) { return f.refused; }).length});
                        }
                        return sent;
                    });
                });
            }, Promise.resolve([]));
        });
    }

    scope.PantauOutbox = {all: all, put: put, remove: remove, newKey: newKey, send: send, flush: flush, sent: sent};
})(self);
