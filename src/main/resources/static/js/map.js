// Boundary maps drawn with Leaflet from Pantau's own GeoJSON (see templates/fragments/map.html).
// No tile server is needed; one is added only when the instance configures pantau.map.tile-url.
(function () {
    'use strict';

    var styles = {
        outline: {color: '#b3261e', weight: 3, fill: false},
        areas: {color: '#1f4e79', weight: 1, fillColor: '#5b8fc7', fillOpacity: 0.25},
        hover: {fillOpacity: 0.55},
        regencies: {color: '#1f4e79', weight: 0.6, opacity: 0.7, fill: false}
    };

    function fetchJson(url) {
        return fetch(url, {headers: {Accept: 'application/geo+json'}}).then(function (response) {
            if (!response.ok) {
                throw new Error(url + ' answered ' + response.status);
            }
            return response.json();
        });
    }

    function clickableAreas(data) {
        var layer = L.geoJSON(data, {
            style: styles.areas,
            onEachFeature: function (feature, path) {
                path.bindTooltip(feature.properties.name, {sticky: true});
                path.on('mouseover', function () { path.setStyle(styles.hover); });
                path.on('mouseout', function () { layer.resetStyle(path); });
                path.on('click', function () {
                    window.location.href = '/regions/' + encodeURIComponent(feature.properties.code);
                });
            }
        });
        return layer;
    }

    function init(element) {
        var map = L.map(element, {zoomSnap: 0.25, minZoom: 3}).setView([-2.5, 118], 4);
        if (element.dataset.tileUrl) {
            L.tileLayer(element.dataset.tileUrl, {attribution: element.dataset.tileAttribution || ''}).addTo(map);
        }
        var loads = [];
        if (element.dataset.areas) {
            loads.push(fetchJson(element.dataset.areas).then(function (data) {
                return clickableAreas(data).addTo(map);
            }));
        }
        if (element.dataset.outline) {
            loads.push(fetchJson(element.dataset.outline).then(function (data) {
                return L.geoJSON(data, {style: styles.outline, interactive: false}).addTo(map);
            }));
        }
        Promise.all(loads).then(function (layers) {
            var bounds = L.featureGroup(layers).getBounds();
            if (bounds.isValid()) {
                map.fitBounds(bounds, {padding: [8, 8]});
            }
            element.dataset.ready = 'true';
        }).catch(function () {
            element.classList.add('map-failed');
            element.dataset.ready = 'error';
        });
        element.pantauMap = map;
    }

    document.querySelectorAll('.map').forEach(init);

    // An extra layer on demand, e.g. every regency on the national map (1.5 MB, so not by default).
    document.querySelectorAll('[data-layer-url]').forEach(function (link) {
        link.addEventListener('click', function (event) {
            event.preventDefault();
            var map = document.getElementById(link.dataset.map).pantauMap;
            if (!map || link.dataset.loaded) {
                return;
            }
            link.dataset.loaded = 'true';
            fetchJson(link.dataset.layerUrl).then(function (data) {
                L.geoJSON(data, {style: styles.regencies, interactive: false}).addTo(map);
                link.setAttribute('aria-disabled', 'true');
            });
        });
    });
})();
