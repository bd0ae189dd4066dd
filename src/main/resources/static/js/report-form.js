// The report form, enhanced: cascading region pickers, "use my location", a draft kept on the
// device, and sending through the API with an outbox that survives a dropped connection
// (report-outbox.js). Without JavaScript the form still posts as a plain multipart form.
(function () {
    'use strict';

    var form = document.getElementById('report-form');
    if (!form || !window.fetch || !window.indexedDB || !window.Promise) {
        return;
    }
    var DRAFT = 'pantau-report-draft';
    var levels = ['province', 'regency', 'district', 'village'];
    var status = document.getElementById('connection');
    var text = {
        offline: form.dataset.msgOffline, restored: form.dataset.msgRestored, sending: form.dataset.msgSending,
        located: form.dataset.msgLocated, locateFailed: form.dataset.msgLocateFailed, choose: form.dataset.msgChoose,
        sent: form.dataset.msgSent
    };
    // the API answers errors in English; the page shows its own language's text for each code
    var errorTexts = {};
    Array.prototype.forEach.call(document.querySelectorAll('#error-texts li'), function (item) {
        errorTexts[item.dataset.code] = item.textContent;
    });

    function say(message, kind) {
        status.textContent = message;
        status.className = kind === 'alert' ? 'alert' : 'notice';
        status.hidden = !message;
    }

    // --- categories: show the subtypes and acts of the chosen type only
    var category = document.getElementById('category');
    function showTypeOptions() {
        ['subcategory', 'act'].forEach(function (name) {
            var select = document.getElementById(name);
            var any = false;
            Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (group) {
                var match = group.dataset.type === category.value;
                group.hidden = !match;
                group.disabled = !match;
                any = any || match;
            });
            if (select.selectedOptions[0] && select.selectedOptions[0].parentElement.disabled) {
                select.value = '';
            }
            document.getElementById(name + '-field').hidden = !any;
        });
    }
    category.addEventListener('change', showTypeOptions);

    // --- region pickers
    Array.prototype.forEach.call(form.querySelectorAll('.needs-js'), function (field) { field.hidden = false; });
    var codeField = document.getElementById('region-code-field');
    var regionCode = document.getElementById('regionCode');
    codeField.hidden = true;

    function picker(level) { return document.getElementById(level); }

    function fill(level, parent, selected) {
        var select = picker(level);
        select.innerHTML = '<option value="">' + text.choose + '</option>';
        select.disabled = true;
        if (!parent) {
            return Promise.resolve();
        }
        return fetch('/api/v1/regions?size=1000&parent=' + encodeURIComponent(parent), {headers: {Accept: 'application/json'}})
            .then(function (response) { if (!response.ok) { throw response; } return response.json(); })
            .then(function (page) {
                page.items.forEach(function (region) {
                    var option = document.createElement('option');
                    option.value = region.code;
                    option.textContent = region.name;
                    select.appendChild(option);
                });
                select.disabled = false;
                if (selected) {
                    select.value = selected;
                }
            })
            .catch(function () {
                // offline and not cached: let the reporter type the code
                codeField.hidden = false;
            });
    }

    function chosenCode() {
        for (var i = levels.length - 1; i >= 1; i--) {
            if (picker(levels[i]).value) {
                return picker(levels[i]).value;
            }
        }
        return '';
    }

    levels.forEach(function (level, index) {
        picker(level).addEventListener('change', function () {
            var next = levels[index + 1];
            var chain = Promise.resolve();
            for (var j = index + 1; j < levels.length; j++) {
                fill(levels[j], null);
            }
            if (next) {
                chain = fill(next, picker(level).value);
            }
            regionCode.value = chosenCode() || regionCode.value;
            saveDraft();
            return chain;
        });
    });

    function selectChain(codes) {
        // codes: [province, regency, district], each loaded before the next is chosen
        picker('province').value = codes[0];
        return fill('regency', codes[0], codes[1])
            .then(function () { return codes[1] ? fill('district', codes[1], codes[2]) : null; })
            .then(function () { return codes[2] ? fill('village', codes[2], codes[3]) : null; })
            .then(function () { regionCode.value = chosenCode(); });
    }

    // --- "use my location"
    var locate = document.getElementById('use-location');
    if (navigator.geolocation) {
        locate.hidden = false;
        locate.addEventListener('click', function () {
            navigator.geolocation.getCurrentPosition(function (position) {
                var lat = position.coords.latitude.toFixed(5);
                var lon = position.coords.longitude.toFixed(5);
                fetch('/api/v1/regions/locate?lat=' + lat + '&lon=' + lon, {headers: {Accept: 'application/json'}})
                    .then(function (response) { if (!response.ok) { throw response; } return response.json(); })
                    .then(function (found) {
                        document.getElementById('lat').value = lat;
                        document.getElementById('lon').value = lon;
                        var note = document.getElementById('location-note');
                        note.textContent = text.located.replace('{0}', [found.district && found.district.name,
                            found.regency.name, found.province.name].filter(Boolean).join(', '));
                        note.hidden = false;
                        return selectChain([found.province.code, found.regency.code, found.district && found.district.code]);
                    })
                    .then(saveDraft)
                    .catch(function () { say(text.locateFailed, 'alert'); });
            }, function () { say(text.locateFailed, 'alert'); }, {enableHighAccuracy: true, timeout: 15000});
        });
    }

    // --- identity fields only when the reporter gives an identity
    var identity = document.getElementById('identity-fields');
    function showIdentity() {
        identity.hidden = !form.querySelector('input[name=identified][value=ya]').checked;
    }
    Array.prototype.forEach.call(form.querySelectorAll('input[name=identified]'), function (radio) {
        radio.addEventListener('change', showIdentity);
    });

    // --- the draft, kept on this device while typing
    var kept = ['category', 'subcategory', 'act', 'title', 'description', 'occurredAt', 'knownAt', 'regionCode', 'tps',
        'lat', 'lon', 'partyName', 'partyPosition', 'partyInstitution', 'witnessName', 'witnessContact',
        'reporterName', 'reporterNik', 'reporterPhone', 'reporterEmail', 'reporterAddress'];
    function saveDraft() {
        var draft = {identified: form.querySelector('input[name=identified]:checked').value,
            places: levels.map(function (level) { return picker(level).value; })};
        kept.forEach(function (name) { draft[name] = form.elements[name].value; });
        localStorage.setItem(DRAFT, JSON.stringify(draft));
    }
    function restoreDraft() {
        var draft;
        try {
            draft = JSON.parse(localStorage.getItem(DRAFT) || 'null');
        } catch (e) {
            draft = null;
        }
        if (!draft) {
            return;
        }
        kept.forEach(function (name) { if (draft[name]) { form.elements[name].value = draft[name]; } });
        form.querySelector('input[name=identified][value=' + (draft.identified === 'ya' ? 'ya' : 'tidak') + ']').checked = true;
        if (draft.places && draft.places[0]) {
            selectChain(draft.places);
        }
        say(text.restored);
    }
    form.addEventListener('input', saveDraft);

    // --- sending
    function value(name) {
        var v = form.elements[name].value.trim();
        return v === '' ? null : v;
    }
    /** The typed local time, in the time zone of the chosen province (WIB, WITA or WIT), as the plain form does. */
    function instant(name) {
        var v = value(name);
        if (!v) {
            return null;
        }
        var province = picker('province').selectedOptions[0];
        var offset = province && province.dataset.offset;
        if (offset && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(v)) {
            return (v.length === 16 ? v + ':00' : v) + (offset === 'Z' ? '+00:00' : offset);
        }
        return new Date(v).toISOString();
    }
    function body() {
        var identified = form.querySelector('input[name=identified][value=ya]').checked;
        var lat = value('lat');
        return {
            category: value('category'), subcategory: value('subcategory'), act: value('act'),
            title: value('title'), description: value('description'),
            occurredAt: instant('occurredAt'), knownAt: instant('knownAt'),
            regionCode: chosenCode() || value('regionCode'), tps: value('tps') ? Number(value('tps')) : null,
            location: lat ? {lat: Number(lat), lon: Number(value('lon'))} : null,
            reportedParty: value('partyName') || value('partyPosition') || value('partyInstitution')
                ? {name: value('partyName'), position: value('partyPosition'), institution: value('partyInstitution')} : null,
            witnesses: value('witnessName') ? [{name: value('witnessName'), contact: value('witnessContact')}] : null,
            reporter: identified ? {name: value('reporterName'), nik: value('reporterNik'), phone: value('reporterPhone'),
                email: value('reporterEmail'), address: value('reporterAddress')} : null
        };
    }

    function showProblem(problem) {
        var list = document.getElementById('form-errors') || document.createElement('ul');
        list.id = 'form-errors';
        list.className = 'errors';
        list.setAttribute('role', 'alert');
        list.innerHTML = '';
        (problem.errors || [{field: '', message: problem.detail}]).forEach(function (error) {
            var item = document.createElement('li');
            var label = form.querySelector('label[for="' + error.field.replace('reporter.', 'reporter').replace(/\.(\w)/, function (m, c) { return c.toUpperCase(); }) + '"]');
            item.textContent = (label ? label.textContent.trim() : error.field) + ': ' + (errorTexts[error.code] || error.message);
            list.appendChild(item);
        });
        form.parentNode.insertBefore(list, form);
        list.scrollIntoView();
    }

    var leaving = false;
    function showReceipt(receipt) {
        // once: the page and the service worker may both report the same report sent
        if (!leaving) {
            leaving = true;
            // the code is on screen before the tracking page loads, in case that load fails
            say(text.sent.replace('{0}', receipt.trackingCode));
            window.location.href = '/lacak/' + receipt.trackingCode + '?baru=1' + (receipt.refused ? '&ditolak=' + receipt.refused : '');
        }
    }

    // the keys of the reports this page has seen waiting in the outbox
    var awaited = {};

    function deliver() {
        return PantauOutbox.flush().then(function (sent) {
            if (sent.length) {
                showReceipt(sent[sent.length - 1]);
                return true;
            }
            return PantauOutbox.all().then(function (waiting) {
                var invalid = waiting.filter(function (entry) { return entry.problem; });
                if (waiting.length > invalid.length) {
                    say(text.offline);
                } else if (invalid.length) {
                    say('');
                }
                return Promise.all(invalid.map(function (entry) {
                    showProblem(entry.problem);
                    return PantauOutbox.remove(entry.key);
                })).then(function () { return false; });
            });
        });
    }

    form.addEventListener('submit', function (event) {
        regionCode.value = chosenCode() || regionCode.value;
        // a signed-in volunteer's report goes with their session, so that it carries their partner and
        // teams: the plain post, not the anonymous API (a dropped connection is the browser's to show)
        if (form.dataset.volunteer) {
            localStorage.removeItem(DRAFT);
            return;
        }
        event.preventDefault();
        if (!form.reportValidity()) {
            return;
        }
        var files = Array.prototype.map.call(document.getElementById('files').files, function (file) {
            return {name: file.name, type: file.type, blob: file, sent: false};
        });
        var entry = {key: PantauOutbox.newKey(), body: body(), files: files, createdAt: new Date().toISOString()};
        var submit = document.getElementById('submit-report');
        submit.disabled = true;
        say(text.sending);
        awaited[entry.key] = true;
        PantauOutbox.put(entry).then(function () {
            localStorage.removeItem(DRAFT);
            return deliver();
        }).then(function () {
            return PantauOutbox.all();
        }).then(function (waiting) {
            var unsent = waiting.some(function (other) { return other.key === entry.key && !other.problem; });
            // while it waits for the connection, another tap would store the report twice (with a new key)
            submit.disabled = unsent;
            // the service worker sends it when the connection returns, even with this page closed
            // (Background Sync); not before the page has tried, or the report and its files go twice
            if (unsent && navigator.serviceWorker && 'SyncManager' in window) {
                navigator.serviceWorker.ready.then(function (registration) {
                    return registration.sync.register('pantau-outbox');
                }).catch(function () { /* the page retries by itself */ });
            }
        }, function () {
            // no storage on this device (quota, private mode): send the plain form instead
            submit.disabled = false;
            form.submit();
        });
    });

    /** Reports sent from this device earlier, also those that went out in the background. */
    function showRecent() {
        return PantauOutbox.sent().then(function (receipts) {
            var section = document.getElementById('recent-reports');
            var list = section.querySelector('ul');
            list.innerHTML = '';
            receipts.forEach(function (receipt) {
                var item = document.createElement('li');
                var link = document.createElement('a');
                link.href = '/lacak/' + receipt.trackingCode;
                link.textContent = receipt.trackingCode;
                var title = document.createElement('span');
                title.className = 'small';
                title.textContent = receipt.title || '';
                item.appendChild(link);
                item.appendChild(title);
                list.appendChild(item);
            });
            section.hidden = receipts.length === 0;
        }).catch(function () { /* nothing to show */ });
    }

    // a report sent by the service worker (Background Sync) while this page waited for it
    if (navigator.serviceWorker) {
        navigator.serviceWorker.addEventListener('message', function (event) {
            var mine = event.data && event.data.type === 'pantau-sent'
                ? event.data.sent.filter(function (receipt) { return awaited[receipt.key]; }) : [];
            if (mine.length) {
                showReceipt(mine[mine.length - 1]);
            }
        });
    }

    // whatever waits in the outbox goes out when the connection returns, and every so often
    window.addEventListener('online', deliver);
    setInterval(function () { if (navigator.onLine) { deliver(); } }, 15000);

    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/report-sw.js', {scope: '/lapor'}).catch(function () { /* optional */ });
    }

    showTypeOptions();
    showIdentity();
    restoreDraft();
    showRecent();
    PantauOutbox.all().then(function (waiting) {
        waiting.forEach(function (entry) { awaited[entry.key] = true; });
        if (waiting.length) {
            say(text.offline);
            if (navigator.onLine) {
                deliver();
            }
        }
    });
})();
