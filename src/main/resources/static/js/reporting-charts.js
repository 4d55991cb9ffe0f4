// Charts of the reporting pivot and dashboard (Apache ECharts). Each chart's figures come from a JSON
// block the server wrote beside it (no inline script: the Content Security Policy stays strict); the
// same figures are in the table. Drawn on a canvas so that "PNG" (and the toolbox) saves an image.
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  var dark = document.documentElement.getAttribute('data-bs-theme') === 'dark';
  var fmt = new Intl.NumberFormat('vi-VN');
  var colours = ['#b22222', '#e0a526', '#1f6f43', '#2f5597', '#7f3f98', '#c55a11', '#5b9bd5', '#70ad47'];
  var charts = {};
  document.querySelectorAll('.dv-chart').forEach(function (el) {
    var data = document.getElementById(el.id + '-data');
    if (!data) {
      return;
    }
    var c = JSON.parse(data.textContent);
    var trend = c.kind === 'TREND';
    var option = {
      backgroundColor: 'transparent',
      color: colours,
      title: {text: c.title, left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return v == null ? '' : fmt.format(v); }},
      legend: {top: 26, type: 'scroll'},
      grid: {left: 8, right: 16, top: 64, bottom: 8, containLabel: true},
      toolbox: {feature: {saveAsImage: {type: 'png', name: c.fileName.replace(/\.png$/, ''), pixelRatio: 2,
        backgroundColor: dark ? '#212529' : '#ffffff'}}},
      xAxis: {type: 'category', data: c.categories, axisLabel: {interval: 0, rotate: c.categories.length > 8 ? 40 : 0}},
      yAxis: {type: 'value', axisLabel: {formatter: function (v) { return fmt.format(v); }}},
      series: c.series.map(function (s) {
        return {name: s.name, type: trend ? 'line' : 'bar', stack: s.stack || undefined, data: s.data, smooth: false,
          emphasis: {focus: 'series'}};
      })
    };
    var chart = echarts.init(el, dark ? 'dark' : null, {renderer: 'canvas'});
    chart.setOption(option);
    charts[el.id] = {chart: chart, fileName: c.fileName};
  });
  document.querySelectorAll('.dv-chart-png').forEach(function (button) {
    button.addEventListener('click', function () {
      var entry = charts[button.getAttribute('data-chart')];
      if (!entry) {
        return;
      }
      var link = document.createElement('a');
      link.href = entry.chart.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: dark ? '#212529' : '#ffffff'});
      link.download = entry.fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  });
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].chart.resize(); });
  });
})();
