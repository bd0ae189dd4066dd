// The IKP choropleth (templates/vulnerability/map.html): Pantau's own boundaries coloured by each
// region's vulnerability category, a legend, hover details, a side panel with the dimension
// breakdown (Chart.js), and a sortable table of the same data. No inline scripts (CSP).
(function () {
    'use strict';

    // ColorBrewer YlOrRd, 3 classes: ordered light to dark and safe for colour-blind readers;
    // "no data" is grey with a dashed outline so it never reads as "low".
    var COLOURS = {LOW: '#ffeda0', MEDIUM: '#feb24c', HIGH: '#bd0026'};
    var NONE = {color: '#8c959f', weight: 0.8, dashArray: '3 3', fillColor: '#d0d7de', fillOpacity: 0.6};

    var texts = document.getElementById('ikp-texts');
    var element = document.getElementById('ikp-map');
    var lang = document.documentElement.lang || 'id';
    var number = new Intl.NumberFormat(lang, {minimumFractionDigits: 2, maximumFractionDigits: 2});

    function text(name) {
        return texts ? (texts.dataset[name] || '') : '';
    }

    function categoryLabel(category) {
        return category ? text(category.toLowerCase()) : text('incomplete');
    }

    function dimensionNames() {
        var names = {};
        document.querySelectorAll('#ikp-dimension-names li').forEach(function (li) {
            names[li.dataset.code] = li.textContent;
        });
        return names;
    }

    function fetchJson(url, accept) {
        return fetch(url, {headers: {Accept: accept}}).then(function (response) {
            if (!response.ok) {
                throw new Error(url + ' answered ' + response.status);
            }
            return response.json();
        });
    }

    function styleOf(item) {
        if (!item || !item.category) {
            return NONE;
        }
        return {color: '#5c3b00', weight: 0.6, opacity: 0.8, dashArray: null, fillColor: COLOURS[item.category], fillOpacity: 0.85};
    }

    // the live index's panel line: the region's incidents and its official category
    function liveDetail(item) {
        var official = item.officialCategory ? categoryLabel(item.officialCategory) : text('liveNoOfficial');
        return text('liveDetail').replace('{0}', String(item.incidents)).replace('{1}', official);
    }

    // the official scores come from the open API; the live index (signed-in readers only) with the page
    function scores() {
        if (element.dataset.items) {
            return Promise.resolve({items: JSON.parse(element.dataset.items)});
        }
        return fetchJson(element.dataset.scores, 'application/json');
    }

    // ---- the side panel with the breakdown chart ----
    var chart = null;
    var detail = document.getElementById('ikp-detail');

    function showDetail(code, name, item) {
        if (!detail) {
            return;
        }
        detail.hidden = false;
        detail.dataset.region = code;
        document.getElementById('ikp-detail-name').textContent = name;
        document.getElementById('ikp-detail-score').textContent = item && item.score != null ? number.format(item.score) : '–';
        var badge = document.getElementById('ikp-detail-category');
        badge.textContent = item ? categoryLabel(item.category) : text('none');
        badge.className = 'ikp-badge ' + (item && item.category ? item.category.toLowerCase() : 'none');
        document.getElementById('ikp-detail-basis').textContent = !item ? ''
            : item.incidents != null ? liveDetail(item)
            : text('basis' + item.basis.charAt(0) + item.basis.slice(1).toLowerCase());
        var names = dimensionNames();
        var codes = Object.keys(names);
        var values = codes.map(function (c) { return item && item.dimensions[c] != null ? Number(item.dimensions[c]) : null; });
        var list = document.getElementById('ikp-detail-dimensions');
        list.replaceChildren();
        codes.forEach(function (c, i) {
            var dt = document.createElement('dt');
            dt.textContent = names[c];
            var dd = document.createElement('dd');
            dd.textContent = values[i] == null ? '–' : number.format(values[i]);
            list.append(dt, dd);
        });
        var canvas = document.getElementById('ikp-breakdown-chart');
        if (chart) {
            chart.destroy();
            chart = null;
        }
        if (window.Chart) {
            chart = new window.Chart(canvas, {
                type: 'bar',
                data: {
                    labels: codes.map(function (c) { return names[c]; }),
                    datasets: [{
                        label: text('score'),
                        data: values,
                        backgroundColor: item && item.category ? COLOURS[item.category] : '#d0d7de',
                        borderColor: '#5c3b00',
                        borderWidth: 1
                    }]
                },
                options: {
                    indexAxis: 'y',
                    animation: false,
                    responsive: true,
                    maintainAspectRatio: false,
                    scales: {x: {min: 0, max: 100}},
                    plugins: {legend: {display: false}}
                }
            });
        }
        canvas.setAttribute('aria-label', codes.map(function (c, i) {
            return names[c] + ': ' + (values[i] == null ? '–' : number.format(values[i]));
        }).join('; '));
        var drill = document.getElementById('ikp-detail-drill');
        var isProvince = code.indexOf('.') < 0;
        drill.hidden = !isProvince;
        if (isProvince) {
            var params = new URLSearchParams(window.location.search);
            params.set('level', 'regency');
            params.set('parent', code);
            drill.href = '/ikp?' + params.toString();
        }
        document.getElementById('ikp-detail-region').href = '/regions/' + encodeURIComponent(code);
        detail.dataset.ready = 'true';
    }

    if (detail) {
        document.getElementById('ikp-detail-close').addEventListener('click', function () {
            detail.hidden = true;
            if (selected) {
                selected.layer.setStyle(styleOf(selected.item));
                selected = null;
            }
        });
    }

    // ---- the map ----
    var selected = null;
    var byCode = {};
    var layers = {};

    function select(code) {
        var entry = layers[code];
        if (selected) {
            selected.layer.setStyle(styleOf(selected.item));
        }
        if (entry) {
            entry.layer.setStyle({weight: 3, color: '#1b1f24'});
            entry.layer.bringToFront();
            selected = entry;
        }
    }

    function init() {
        var map = L.map(element, {zoomSnap: 0.25, minZoom: 3}).setView([-2.5, 118], 4);
        if (element.dataset.tileUrl) {
            L.tileLayer(element.dataset.tileUrl, {attribution: element.dataset.tileAttribution || ''}).addTo(map);
        }
        var status = document.getElementById('ikp-map-status');
        status.textContent = text('loading');
        Promise.all([
            fetchJson(element.dataset.boundaries, 'application/geo+json'),
            scores()
        ]).then(function (results) {
            var boundaries = results[0];
            results[1].items.forEach(function (item) { byCode[item.regionCode] = item; });
            var coloured = 0;
            var layer = L.geoJSON(boundaries, {
                style: function (feature) { return styleOf(byCode[feature.properties.code]); },
                onEachFeature: function (feature, path) {
                    var code = feature.properties.code;
                    var item = byCode[code];
                    if (item && item.category) {
                        coloured++;
                    }
                    layers[code] = {layer: path, item: item};
                    var score = item && item.score != null ? number.format(item.score) : '–';
                    var tooltip = document.createElement('div');
                    var strong = document.createElement('strong');
                    strong.textContent = feature.properties.name;
                    tooltip.append(strong, document.createElement('br'),
                        text('score') + ' ' + score + ' · ' + (item ? categoryLabel(item.category) : text('none')));
                    path.bindTooltip(tooltip, {sticky: true});
                    path.on('add', function () {
                        var el = path.getElement();
                        if (el) {
                            el.setAttribute('data-code', code);
                            el.setAttribute('data-category', item && item.category ? item.category : 'NONE');
                        }
                    });
                    path.on('mouseover', function () { if (selected === null || selected.layer !== path) { path.setStyle({weight: 2}); } });
                    path.on('mouseout', function () { if (selected === null || selected.layer !== path) { path.setStyle(styleOf(item)); } });
                    path.on('click', function () {
                        select(code);
                        showDetail(code, feature.properties.name, item);
                        if (window.matchMedia('(max-width: 47.99rem)').matches) {
                            detail.scrollIntoView({block: 'start'});
                        }
                    });
                }
            }).addTo(map);
            var bounds = layer.getBounds();
            if (bounds.isValid()) {
                map.fitBounds(bounds, {padding: [8, 8]});
            }
            element.dataset.coloured = String(coloured);
            element.dataset.features = String(boundaries.features.length);
            status.textContent = results[1].items.length === 0 ? text('empty')
                : coloured + ' / ' + boundaries.features.length + ' ' + text('coloured');
            element.dataset.ready = 'true';
        }).catch(function () {
            element.classList.add('map-failed');
            status.textContent = text('failed');
            element.dataset.ready = 'error';
        });
        element.pantauMap = map;
    }

    if (element && window.L) {
        init();
    }

    // ---- the table: show a row's region on the panel, sort by any column ----
    document.querySelectorAll('.ikp-show').forEach(function (button) {
        button.addEventListener('click', function () {
            var code = button.dataset.code;
            var entry = layers[code];
            select(code);
            if (entry && element.pantauMap) {
                element.pantauMap.fitBounds(entry.layer.getBounds(), {maxZoom: 8});
            }
            showDetail(code, button.textContent, byCode[code]);
            detail.focus();
        });
    });

    var table = document.getElementById('ikp-table');
    if (table) {
        table.querySelectorAll('button.sort').forEach(function (button) {
            button.addEventListener('click', function () {
                var th = button.closest('th');
                var column = Number(button.dataset.sort);
                var numeric = button.dataset.type === 'number';
                var ascending = th.getAttribute('aria-sort') !== 'ascending';
                table.querySelectorAll('thead th').forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
                th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                    var x = a.cells[column].dataset.value;
                    var y = b.cells[column].dataset.value;
                    var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, lang, {numeric: true});
                    return ascending ? order : -order;
                });
                rows.forEach(function (row) { body.appendChild(row); });
            });
        });
    }

    // ---- the filter: applies on change; the button stays for keyboards and without JavaScript ----
    var filter = document.getElementById('ikp-filter');
    if (filter) {
        filter.classList.add('ikp-auto');
        filter.addEventListener('change', function (event) {
            if (event.target.name === 'parent' && event.target.value) {
                document.getElementById('ikp-level-regency').checked = true;
            }
            if (event.target.name === 'level' && event.target.value === 'province') {
                document.getElementById('ikp-parent').value = '';
            }
            filter.submit();
        });
    }
})();
