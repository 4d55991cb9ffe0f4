// Applied before the page paints: the reader's night mode and font size (kept in this browser).
(function () {
  var root = document.documentElement;
  if (localStorage.getItem('dv-theme') === 'dark') { root.setAttribute('data-bs-theme', 'dark'); }
  var size = parseInt(localStorage.getItem('dv-font') || '0', 10);
  if (size) { root.style.fontSize = (100 + size * 12.5) + '%'; }
})();
