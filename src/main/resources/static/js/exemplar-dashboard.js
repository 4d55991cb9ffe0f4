// Charts of the "Dân vận khéo" dashboard (Apache ECharts). The figures come from a JSON block the
// server wrote into the page (no inline script, so the Content Security Policy stays strict); the
// same figures are in the tables beside each chart.
(function () {
  var data = document.getElementById('dv-exemplar-figures');
  if (!data || typeof echarts === 'undefined') {
    return;
  }
  var f = JSON.parse(data.textContent);
  var dark = document.documentElement.getAttribute('data-bs-theme') === 'dark';
  var theme = dark ? 'dark' : null;
  var charts = [];
  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var c = echarts.init(el, theme, {renderer: 'svg'});
    option.backgroundColor = 'transparent';
    c.setOption(option);
    charts.push(c);
  }
  var fmt = new Intl.NumberFormat('vi-VN');
  chart('chart-fields', {
    tooltip: {trigger: 'axis', valueFormatter: fmt.format},
    legend: {data: [f.labels.collective, f.labels.individual]},
    grid: {left: 8, right: 16, bottom: 8, containLabel: true},
    xAxis: {type: 'value'},
    yAxis: {type: 'category', data: f.fields.map(function (x) { return x.name; }), inverse: true},
    series: [
      {name: f.labels.collective, type: 'bar', stack: 'k', data: f.fields.map(function (x) { return x.collective; }), color: '#b22222'},
      {name: f.labels.individual, type: 'bar', stack: 'k', data: f.fields.map(function (x) { return x.individual; }), color: '#e0a526'}
    ]
  });
  chart('chart-series', {
    tooltip: {trigger: 'axis', valueFormatter: fmt.format},
    legend: {data: [f.labels.registered, f.labels.recognised]},
    grid: {left: 8, right: 16, bottom: 8, containLabel: true},
    xAxis: {type: 'category', data: f.series.map(function (x) { return String(x.year); })},
    yAxis: {type: 'value'},
    series: [
      {name: f.labels.registered, type: 'bar', data: f.series.map(function (x) { return x.registered; }), color: '#b22222'},
      {name: f.labels.recognised, type: 'line', data: f.series.map(function (x) { return x.recognised; }), color: '#1f6f43'}
    ]
  });
  chart('chart-status', {
    tooltip: {trigger: 'item', valueFormatter: fmt.format},
    series: [{type: 'pie', radius: ['40%', '70%'], data: f.statuses.filter(function (x) { return x.value > 0; }),
      label: {formatter: '{b}: {c}'}}]
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
