/*
 * Conventional-route builder, progressive enhancement (the form works fully without this file):
 * - a search box that narrows every cost-item list to the items whose label contains the words typed;
 * - the cost comparison recalculated by the server as lines change, swapped in place (the same
 *   "Bereken vergelijking" request the button sends, nothing is saved).
 * Loaded as a file of our own, so the page keeps its Content-Security-Policy script-src 'self'.
 */
(function () {
  'use strict';
  var builder = document.querySelector('[data-route-builder]');
  if (!builder || !window.fetch || !window.DOMParser) return;
  var form = builder.closest('form');
  var section = document.querySelector('[data-comparison]');

  // --- search ---------------------------------------------------------------------------------
  var searchField = builder.querySelector('[data-route-search]');
  var search = document.getElementById('route-search');
  if (searchField && search) {
    searchField.hidden = false;
    var filter = function () {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      builder.querySelectorAll('select.app-route__item').forEach(function (select) {
        select.querySelectorAll('optgroup').forEach(function (group) {
          var shown = 0;
          group.querySelectorAll('option').forEach(function (option) {
            var text = (option.textContent + ' ' + group.label).toLowerCase();
            var match = option.selected || words.every(function (w) { return text.indexOf(w) !== -1; });
            option.hidden = !match;
            option.disabled = !match;
            if (match) shown++;
          });
          group.hidden = shown === 0;
        });
      });
    };
    search.addEventListener('input', filter);
  }

  // --- live comparison ------------------------------------------------------------------------
  if (!form || !section) return;
  var timer = null;
  var seq = 0;
  var recalc = function () {
    var body = new URLSearchParams(new FormData(form));
    body.set('action', 'calculate');
    var mine = ++seq;
    section.setAttribute('aria-busy', 'true');
    fetch(form.getAttribute('action'), {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
      .then(function (res) { return res.text(); })
      .then(function (html) {
        if (mine !== seq) return; // a newer calculation is on its way
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.querySelector('[data-comparison]');
        if (fresh) section.innerHTML = fresh.innerHTML;
      })
      .catch(function () { /* the button still works */ })
      .then(function () { if (mine === seq) section.removeAttribute('aria-busy'); });
  };
  var later = function (event) {
    var name = (event.target && event.target.name) || '';
    if (name.indexOf('conventionalRoute') !== 0 && name !== 'amount') return;
    clearTimeout(timer);
    timer = setTimeout(recalc, 400);
  };
  form.addEventListener('change', later);
  form.addEventListener('input', later);
})();
