// Registration form: the person's name and title belong to an individual exemplar only, so they are
// hidden while "collective model" is chosen (the server ignores them for a collective model anyway).
(function () {
  var rows = document.querySelectorAll('[data-dv-individual-only]');
  var kinds = document.querySelectorAll('input[name="kind"]');
  function show() {
    var checked = document.querySelector('input[name="kind"]:checked');
    var individual = checked && checked.value === 'INDIVIDUAL';
    rows.forEach(function (row) { row.hidden = !individual; });
  }
  kinds.forEach(function (k) { k.addEventListener('change', show); });
  show();
})();
