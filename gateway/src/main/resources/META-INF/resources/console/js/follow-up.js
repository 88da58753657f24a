/* Follow a complaint letter up by its receipt: progress, never names. */
(function () {
  'use strict';
  var d = window.dcjk, h = d.h, t = d.t;
  var input = document.getElementById('fu-receipt');
  if (!input.value) { return; }
  d.api('/api/v1/complaints/receipts/' + encodeURIComponent(input.value)).then(function (a) {
    if (!a.ok) {
      d.fill('fu-result', h('p', { class: 'error' }, a.status === 404 ? t('no_receipt') : d.problem(a)));
      return;
    }
    var r = a.data;
    d.fill('fu-result', h('dl', { class: 'facts', 'data-status': r.status },
      h('dt', null, t('receipt')), h('dd', { class: 'mono' }, r.receipt),
      h('dt', null, t('progress')), h('dd', null, h('strong', null, t('cstatus_' + r.status))),
      h('dt', null, t('received_on')), h('dd', null, d.date(r.receivedOn)),
      h('dt', null, t('updated_at')), h('dd', null, r.updatedAt ? String(r.updatedAt).replace('T', ' ').substring(0, 16) : '—'),
      h('dt', null, t('handler')), h('dd', null, r.handlerUnitCode),
      h('dt', null, t('concluded')), h('dd', null, r.concluded ? t('yes') : t('no'))));
  });
})();
