/* The gateway's decision log (article 27) for auditors: refusals by rule, unit and day, and each decision. */
(function () {
  'use strict';
  var d = window.dcjk, h = d.h, t = d.t;
  var form = document.getElementById('dc-form');

  function load() {
    var q = new URLSearchParams({ size: '200' });
    var f = form.elements;
    if (f.outcome.value) { q.set('outcome', f.outcome.value); }
    if (f.unit.value.trim()) { q.set('unit', f.unit.value.trim()); }
    if (f.from.value) { q.set('from', f.from.value + 'T00:00:00Z'); }
    if (f.to.value) { q.set('to', f.to.value + 'T23:59:59Z'); }
    d.api('/api/v1/gateway/decisions?' + q.toString()).then(function (a) {
      if (!a.ok) { d.fill('dc-list', h('p', { class: 'error' }, d.problem(a))); d.fill('dc-summary', null); return; }
      var items = a.data.items || [];
      var groups = {};
      items.forEach(function (x) {
        var k = [x.rule, x.dispatchingUnitCode || x.unitCode || '—', String(x.at).substring(0, 10), x.outcome].join('|');
        groups[k] = (groups[k] || 0) + 1;
      });
      d.fill('dc-summary', Object.keys(groups).length ? d.table(t('dc_summary'), [t('rule'), t('unit'), t('day'), t('dc_outcome'), t('count')],
        Object.keys(groups).sort().map(function (k) { var p = k.split('|'); return [p[0], p[1], p[2], t('out_' + p[3]), String(groups[k])]; }))
        : h('p', null, t('none')));
      // the log counts up to a cap: past it, the total is a lower bound and says so
      var counted = { n: items.length, total: a.data.total };
      d.fill('dc-list', [h('p', { class: 'count' }, a.data.totalCapped ? t('n_of_more', counted) : t('n_of_total', counted)),
        items.length ? d.table(t('dc_list'), [t('time'), t('dc_outcome'), t('rule'), t('caller'), t('unit'), t('route'), t('recipient'), t('reason')],
          items.map(function (x) {
            return [String(x.at).replace('T', ' ').substring(0, 19), h('span', { class: 'badge ' + x.outcome }, t('out_' + x.outcome)),
              x.rule, x.caller, x.dispatchingUnitCode || x.unitCode || '—', x.method + ' ' + x.route, x.recipientUnitCode || '—', x.reason || '—'];
          })) : null]);
    });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
  d.ready.then(load);
})();
