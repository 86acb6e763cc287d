// Draws the statistics screen's charts with Apache ECharts (served from the WAR's WebJar) from the data the
// page carries in #datos-graficos; the tables beside the charts hold the same numbers for screen readers.
(function () {
    'use strict';
    var holder = document.getElementById('datos-graficos');
    if (!holder || typeof echarts === 'undefined') {
        return;
    }
    var data = JSON.parse(holder.getAttribute('data-chart'));
    var charts = [];

    function draw(id, option) {
        var element = document.getElementById(id);
        if (!element) {
            return;
        }
        var chart = echarts.init(element, null, {renderer: 'canvas'});
        option.animation = false;
        option.tooltip = option.tooltip || {trigger: 'axis'};
        option.legend = option.legend || {top: 0};
        option.grid = {left: 48, right: 48, top: 40, bottom: 40};
        chart.setOption(option);
        charts.push(chart);
    }

    function series(keys, type) {
        return keys.map(function (k) {
            return {name: data.names[k], type: type, data: data.series[k], connectNulls: true};
        });
    }

    draw('grafico-volumen', {
        xAxis: {type: 'category', data: data.labels},
        yAxis: {type: 'value', minInterval: 1},
        series: series(['issued', 'served', 'noShows', 'abandoned'], 'bar')
    });
    draw('grafico-esperas', {
        xAxis: {type: 'category', data: data.labels},
        yAxis: {type: 'value', name: 'min'},
        series: series(['meanWait', 'p50Wait', 'p90Wait', 'meanWaitPreferential', 'meanWaitNormal'], 'line')
    });
    draw('grafico-desglose', {
        xAxis: {type: 'category', data: data.split.keys, axisLabel: {interval: 0, rotate: data.split.keys.length > 6 ? 30 : 0}},
        yAxis: [{type: 'value', minInterval: 1}, {type: 'value', max: 100, name: '%'}],
        series: [
            {name: data.split.servedName, type: 'bar', data: data.split.served},
            {name: data.split.slaName, type: 'line', yAxisIndex: 1, data: data.split.withinSla}
        ]
    });
    window.addEventListener('resize', function () {
        charts.forEach(function (c) { c.resize(); });
    });
}());
