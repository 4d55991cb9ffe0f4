// danvan shell: CSRF header for htmx, reading tools (font size, night mode, print, read aloud), unit picker.
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

  // Read aloud: the browser's speech synthesis reads the element named by data-dv-read, in the
  // page's language, with a voice of that language when the browser has one (Vietnamese on most
  // phones; else the default voice). Long pages are read in sentences: some engines stop a long
  // utterance after about 15 s. The button shows only where speech synthesis exists.
  var speech = window.speechSynthesis;
  document.querySelectorAll('[data-dv-read]').forEach(function (button) {
    if (!speech || typeof SpeechSynthesisUtterance === 'undefined') { return; }
    button.hidden = false;
    var reading = false;
    var show = function (on) {
      reading = on;
      button.textContent = button.getAttribute(on ? 'data-dv-read-stop' : 'data-dv-read-start');
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
    };
    button.addEventListener('click', function () {
      speech.cancel();
      if (reading) { show(false); return; }
      var target = document.querySelector(button.getAttribute('data-dv-read')) || document.body;
      var lang = (root.getAttribute('lang') || 'vi').toLowerCase();
      var voice = speech.getVoices().filter(function (v) { return v.lang.toLowerCase().indexOf(lang) === 0; })[0] || null;
      var parts = sentences(readableText(target));
      if (!parts.length) { return; }
      show(true);
      parts.forEach(function (part, i) {
        var u = new SpeechSynthesisUtterance(part);
        u.lang = voice ? voice.lang : (lang === 'vi' ? 'vi-VN' : lang);
        if (voice) { u.voice = voice; }
        if (i === parts.length - 1) { u.onend = function () { show(false); }; }
        u.onerror = function () { show(false); };
        speech.speak(u);
      });
    });
    window.addEventListener('pagehide', function () { speech.cancel(); });
  });
  // Voices load after the page in some browsers; asking once starts the loading.
  if (speech) { speech.getVoices(); }

  /**
   * The visible text of an element, lines kept, without buttons, forms and what is hidden or only
   * on screen: a copy laid out off screen, since only a rendered element has lines (innerText).
   */
  function readableText(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll('button, select, input, label, form, script, style, [hidden], [aria-hidden="true"], .d-print-none, .visually-hidden')
      .forEach(function (n) { n.remove(); });
    copy.removeAttribute('id');
    copy.style.position = 'absolute';
    copy.style.left = '-10000px';
    copy.style.width = element.clientWidth + 'px';
    document.body.appendChild(copy);
    var text = copy.innerText || copy.textContent || '';
    copy.remove();
    return text;
  }

  /** Sentences and lines of a text, long ones cut at commas: "38.500" stays one number. */
  function sentences(text) {
    var out = [];
    text.split(/\n+|(?<=[.!?;])\s+/).forEach(function (s) {
      s = s.replace(/\s+/g, ' ').trim();
      while (s.length > 220 && s.lastIndexOf(', ', 220) > 40) {
        var cut = s.lastIndexOf(', ', 220) + 1;
        out.push(s.substring(0, cut));
        s = s.substring(cut).trim();
      }
      if (s) { out.push(s); }
    });
    return out;
  }

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
