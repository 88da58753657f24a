/* The findings ledger (问题整改台账): each finding with its deadline light, for both sides. */
(function () {
  'use strict';
  var d = window.dcjk, h = d.h, t = d.t;
  var form = document.getElementById('fd-form');

  function load() {
    var q = new URLSearchParams({ size: '200' });
    ['unit', 'light'].forEach(function (k) { if (form.elements[k].value.trim()) { q.set(k, form.elements[k].value.trim()); } });
    var csv = new URLSearchParams(q);
    csv.delete('size');
    document.getElementById('fd-csv').href = '/api/v1/findings/ledger?' + csv.toString();
    d.api('/api/v1/findings?' + q.toString()).then(function (a) {
      if (!a.ok) { d.fill('fd-list', h('p', { class: 'error' }, d.problem(a))); return; }
      var items = a.data.items || [];
      var counts = { RED: 0, YELLOW: 0, GREEN: 0 };
      items.forEach(function (f) { if (f.light) { counts[f.light]++; } });
      d.fill('fd-list', [h('p', { class: 'count' }, ['RED', 'YELLOW', 'GREEN'].map(function (l) {
        return h('span', { class: 'light ' + l, 'data-light': l, 'data-count': counts[l] }, t('light_' + l) + ' ' + counts[l]);
      })), items.length ? d.table(t('title_findings'), [t('unit'), t('problem'), t('deadline'), t('fstatus'), t('fd_light'), t('rectifications')],
        items.map(function (f) {
          return [f.targetUnitCode, f.problem, d.date(f.deadline), t('fs_' + f.status),
            f.light ? h('span', { class: 'light ' + f.light }, t('light_' + f.light)) : '—', String((f.rectifications || []).length)];
        })) : h('p', null, t('none'))]);
    });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
  d.ready.then(load);
})();
