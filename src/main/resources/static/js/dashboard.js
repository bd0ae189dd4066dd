// Draws the dashboard's charts from the data-chart attributes the page carries ({labels, counts}).
// Without JavaScript (or Chart.js) the tables under the charts say the same.
(function () {
    'use strict';

    function draw(canvas) {
        var data;
        try {
            data = JSON.parse(canvas.getAttribute('data-chart') || '{}');
        } catch (e) {
            return;
        }
        if (!data.labels || data.labels.length === 0) {
            return;
        }
        var kind = canvas.getAttribute('data-kind') || 'bar';
        new window.Chart(canvas, {
            type: kind,
            data: {
                labels: data.labels,
                datasets: [{
                    label: canvas.getAttribute('aria-label') || '',
                    data: data.counts,
                    backgroundColor: '#1f6feb',
                    borderColor: '#1f6feb',
                    tension: 0.2,
                    pointRadius: data.labels.length > 60 ? 0 : 2
                }]
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                indexAxis: kind === 'bar' && data.labels.length > 12 ? 'y' : 'x',
                plugins: {legend: {display: false}},
                scales: {y: {beginAtZero: true, ticks: {precision: 0}}, x: {ticks: {precision: 0}}}
            }
        });
    }

    function start() {
        if (!window.Chart) {
            return;
        }
        document.querySelectorAll('canvas[data-chart]').forEach(draw);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
