/* Published rehabilitation notices (澄清正名, article 31), newest first. */
(function () {
  'use strict';
  var d = window.dcjk, h = d.h, t = d.t;
  d.api('/api/v1/rehabilitations?size=50').then(function (a) {
    if (!a.ok) { d.fill('rh-list', h('p', { class: 'error' }, d.problem(a))); return; }
    var items = a.data.items || [];
    if (!items.length) { d.fill('rh-list', h('p', null, t('none'))); return; }
    d.fill('rh-list', items.map(function (n) {
      return h('article', { class: 'notice-card', 'aria-labelledby': 'rh-' + n.id },
        h('h2', { id: 'rh-' + n.id }, n.title),
        h('p', { class: 'meta' }, d.date(n.publishedOn) + ' · ' + t('issued_by') + ' ' + n.issuedByUnitCode),
        h('p', null, n.text));
    }));
  });
})();
