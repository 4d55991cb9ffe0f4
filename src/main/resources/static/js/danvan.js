// danvan shell: CSRF header for htmx, reading tools (font size, night mode, print), unit picker.
(function () {
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  var csrfToken = document.querySelector('meta[name="_csrf"]');
  document.body.addEventListener('htmx:configRequest', function (e) {
    if (csrfHeader && csrfToken) { e.detail.headers[csrfHeader.content] = csrfToken.content; }
  });

  var root = document.documentElement;
  document.querySelectorAll('[data-dv-font]').forEach(function (button) {
    button.addEventListener('click', function () {
      var step = parseInt(button.getAttribute('data-dv-font'), 10);
      var size = step === 0 ? 0 : Math.max(-2, Math.min(4, parseInt(localStorage.getItem('dv-font') || '0', 10) + step));
      localStorage.setItem('dv-font', String(size));
      root.style.fontSize = size ? (100 + size * 12.5) + '%' : '';
    });
  });
  document.querySelectorAll('[data-dv-theme-toggle]').forEach(function (button) {
    button.addEventListener('click', function () {
      var dark = root.getAttribute('data-bs-theme') !== 'dark';
      root.setAttribute('data-bs-theme', dark ? 'dark' : 'light');
      localStorage.setItem('dv-theme', dark ? 'dark' : 'light');
    });
  });
  document.querySelectorAll('[data-dv-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });

  // Unit picker: a click on a result fills the hidden id and the visible name of its picker.
  document.body.addEventListener('click', function (e) {
    var choice = e.target.closest('[data-dv-pick]');
    if (!choice) { return; }
    e.preventDefault();
    var picker = choice.closest('[data-dv-picker]');
    picker.querySelector('input[type=hidden]').value = choice.getAttribute('data-dv-pick');
    var label = picker.querySelector('[data-dv-picked]');
    label.textContent = choice.getAttribute('data-dv-name');
    var results = picker.querySelector('[data-dv-results]');
    if (results) { results.innerHTML = ''; }
  });
})();

// Returning petitioner: a click on a [data-dv-fill] button copies its data-dv-fill-<field> values
// into the fields of the same name in its form.
document.body.addEventListener('click', function (e) {
  var fill = e.target.closest('[data-dv-fill]');
  if (!fill) { return; }
  e.preventDefault();
  var form = fill.closest('form');
  Array.prototype.forEach.call(fill.attributes, function (a) {
    if (a.name.indexOf('data-dv-fill-') === 0) {
      var field = form.querySelector('[name="' + a.name.substring(13).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); }) + '"]');
      if (field) { field.value = a.value; }
    }
  });
  fill.parentElement.innerHTML = '';
});
