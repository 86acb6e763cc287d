// Draws the staffing screen's chart with Apache ECharts (served from the WAR's WebJar, as the statistics screen)
// from the data the page carries in #datos-dotacion: desks needed per hour as a line, desks open as bars, the
// bars of hours with fewer desks open than needed in red. The table beside it holds the same numbers.
(function () {
    'use strict';
    var holder = document.getElementById('datos-dotacion');
    var element = document.getElementById('grafico-dotacion');
    if (!holder || !element || typeof echarts === 'undefined') {
        return;
    }
    var data = JSON.parse(holder.getAttribute('data-chart'));
    var chart = echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption({
        animation: false,
        tooltip: {trigger: 'axis'},
        legend: {top: 0},
        grid: {left: 48, right: 24, top: 40, bottom: 40},
        xAxis: {type: 'category', data: data.labels},
        yAxis: {type: 'value', minInterval: 1},
        series: [
            {
                name: data.openName, type: 'bar',
                data: data.open.map(function (value, i) {
                    return {value: value, itemStyle: {color: data.understaffed[i] ? '#c0392b' : '#5470c6'}};
                })
            },
            {name: data.neededName, type: 'line', step: 'middle', data: data.needed, lineStyle: {width: 3}, color: '#1b1b1b'}
        ]
    });
    window.addEventListener('resize', function () {
        chart.resize();
    });
}());
