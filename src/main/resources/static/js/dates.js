// Dates are typed and shown as dd/mm/yyyy whatever the browser's language. A native <input type="date"> shows the
// browser's own format (an English Chrome: 12/02/2026 for 2 December), so each becomes a text field showing
// dd/mm/yyyy beside a button that opens the browser's calendar, while a hidden input of the same name carries the
// ISO day (yyyy-mm-dd) the server reads — the server and its links are unchanged, and without this script the native
// field still works. Typed forms accepted: 2/12/2026, 02-12-2026, 02.12.2026, 02122026, 2026-12-02. A text that is
// not a day stops the form at the field with a message; the form's other fields keep what was typed.
(function () {
  var vi = (document.documentElement.getAttribute('lang') || 'vi').toLowerCase().indexOf('vi') === 0;
  var TEXT = vi
    ? {invalid: 'Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 02/12/2026.',
       before: 'Ngày phải từ {0} trở đi.', after: 'Ngày phải đến {0} là muộn nhất.', picker: 'Chọn ngày trên lịch'}
    : {invalid: 'Not a valid date: enter it as day/month/year, e.g. 02/12/2026.',
       before: 'The date must be on or after {0}.', after: 'The date must be on or before {0}.', picker: 'Pick a date'};

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) { s = '0' + s; }
    return s;
  }

  /** The ISO day of a typed text, '' for an empty one, null when it is not a day. */
  function parse(text) {
    var t = (text || '').trim();
    if (!t) { return ''; }
    var d, m, y, match;
    if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) {
      y = +match[1]; m = +match[2]; d = +match[3];
    } else if ((match = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(t))) {
      d = +match[1]; m = +match[2]; y = +match[3];
    } else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(t))) {
      d = +match[1]; m = +match[2]; y = +match[3];
    } else {
      return null;
    }
    var day = new Date(Date.UTC(y, m - 1, d));
    if (y < 1900 || day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
      return null;
    }
    return pad(y, 4) + '-' + pad(m, 2) + '-' + pad(d, 2);
  }

  /** dd/mm/yyyy of an ISO day; any other text as it is (a typed text the server sent back). */
  function show(iso) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return match ? match[3] + '/' + match[2] + '/' + match[1] : (iso || '');
  }

  function enhance(input) {
    if (input.hasAttribute('data-dv-date') || !input.name) { return; }
    // The attribute, not .value: a native date field empties a value that is not a day, and the server sends back
    // what was typed when it refuses it.
    var initial = input.getAttribute('value') || '';
    var hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = input.name;
    hidden.value = initial;
    if (input.getAttribute('form')) { hidden.setAttribute('form', input.getAttribute('form')); }
    var min = input.getAttribute('min');
    var max = input.getAttribute('max');

    var picker = document.createElement('input');
    picker.type = 'date';
    picker.tabIndex = -1;
    picker.className = 'dv-date-native';
    picker.setAttribute('aria-hidden', 'true');
    if (min) { picker.min = min; }
    if (max) { picker.max = max; }

    input.removeAttribute('name');
    input.type = 'text';
    input.value = show(initial);
    input.setAttribute('data-dv-date', '');
    input.setAttribute('inputmode', 'numeric');
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('placeholder', 'dd/mm/yyyy');
    input.setAttribute('maxlength', '10');
    input.removeAttribute('min');
    input.removeAttribute('max');

    // The calendar button sits inside the field's right end, as the native field's own; the field's error message
    // (Bootstrap's .invalid-feedback, shown after an .is-invalid field) moves in with it.
    var box = document.createElement('div');
    box.className = 'dv-date' + (input.classList.contains('w-auto') ? ' d-inline-block' : '')
      + (input.classList.contains('form-control-sm') ? ' dv-date-sm' : '');
    input.classList.add('dv-date-field');
    input.setAttribute('size', '10');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'dv-date-pick';
    // Not a tab stop: a keyboard types the day (the reception desk's intake goes field to field).
    button.tabIndex = -1;
    button.title = TEXT.picker;
    button.setAttribute('aria-label', TEXT.picker);
    button.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16" fill="currentColor" '
      + 'aria-hidden="true"><path d="M3.5 0a.5.5 0 0 1 .5.5V1h8V.5a.5.5 0 0 1 1 0V1h1a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H2a2 2 0 0 '
      + '1-2-2V3a2 2 0 0 1 2-2h1V.5a.5.5 0 0 1 .5-.5zM1 4v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V4H1z"/><path d="M3 6h2v2H3zm4 '
      + '0h2v2H7zm4 0h2v2h-2zM3 10h2v2H3zm4 0h2v2H7z"/></svg>';
    var feedback = [];
    for (var next = input.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.classList.contains('invalid-feedback')) { feedback.push(next); }
    }
    input.parentNode.insertBefore(box, input);
    box.appendChild(input);
    box.appendChild(button);
    box.appendChild(picker);
    box.appendChild(hidden);
    feedback.forEach(function (f) { box.appendChild(f); });

    var message = null;
    function check() {
      var iso = parse(input.value);
      var problem = iso === null ? TEXT.invalid
        : (iso && min && iso < min) ? TEXT.before.replace('{0}', show(min))
        : (iso && max && iso > max) ? TEXT.after.replace('{0}', show(max)) : '';
      // Unparsable: the text itself goes to the server, which refuses it at this field should the form be sent.
      hidden.value = iso === null ? input.value.trim() : iso;
      input.setCustomValidity(problem);
      return problem;
    }
    function report(problem) {
      input.classList.toggle('is-invalid', !!problem);
      if (problem) {
        if (!message) {
          message = document.createElement('div');
          message.className = 'invalid-feedback dv-date-feedback';
          message.id = (input.id || hidden.name) + '-date-error';
          box.appendChild(message);
          input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + message.id).trim());
        }
        message.textContent = problem;
      } else if (message) {
        message.textContent = '';
      }
    }
    input.addEventListener('input', function () {
      if (!check()) { report(''); }
    });
    input.addEventListener('change', function (e) {
      var iso = parse(input.value);
      if (iso) { input.value = show(iso); }
      var problem = check();
      report(problem);
      // A filter form that searches on every change (htmx) does not search with a text that is not a day.
      if (problem) { e.stopPropagation(); }
    });
    button.addEventListener('click', function () {
      picker.value = parse(input.value) || '';
      if (typeof picker.showPicker === 'function') {
        try { picker.showPicker(); return; } catch (e) { /* not allowed here: fall back to focus */ }
      }
      picker.focus();
    });
    picker.addEventListener('change', function () {
      input.value = show(picker.value);
      report(check());
      input.dispatchEvent(new Event('change', {bubbles: true}));
      input.focus();
    });
    input.dvDateCheck = function () { var problem = check(); report(problem); return problem; };
    check();
  }

  function enhanceAll(root) {
    if (root.matches && root.matches('input[type="date"]')) { enhance(root); }
    if (root.querySelectorAll) { root.querySelectorAll('input[type="date"]:not(.dv-date-native)').forEach(enhance); }
  }

  // A form is not sent while one of its dates is not a day, even a form the browser does not validate (novalidate):
  // captured before htmx's own handler sees the submit.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var first = null;
    form.querySelectorAll('input[data-dv-date]').forEach(function (input) {
      if (input.dvDateCheck && input.dvDateCheck() && !first) { first = input; }
    });
    document.querySelectorAll('input[data-dv-date][form="' + (form.id || '\u0000') + '"]').forEach(function (input) {
      if (input.dvDateCheck && input.dvDateCheck() && !first) { first = input; }
    });
    if (first) {
      e.preventDefault();
      e.stopImmediatePropagation();
      first.focus();
    }
  }, true);

  enhanceAll(document.body);
  document.addEventListener('htmx:load', function (e) { enhanceAll(e.detail.elt); });
  window.dvDates = {parse: parse, show: show};
})();
