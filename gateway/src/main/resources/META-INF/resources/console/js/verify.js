/* Verify an approval code (articles 5, 12): what it covers and whether it is current. */
(function () {
  'use strict';
  var d = window.dcjk, h = d.h, t = d.t;
  var section = document.querySelector('.approval[data-code]');
  if (!section) { return; }
  var code = section.dataset.code;

  function row(label, value) { return [h('dt', null, label), h('dd', null, value)]; }

  d.api('/api/v1/approvals/' + encodeURIComponent(code)).then(function (a) {
    if (a.status === 404) {
      d.fill('approval', h('p', { class: 'verdict REVOKED', 'data-status': 'UNKNOWN' }, t('not_genuine')));
      return;
    }
    if (!a.ok) { d.fill('approval', h('p', { class: 'error' }, d.problem(a))); return; }
    var v = a.data;
    var targets = v.targetUnitCodes && v.targetUnitCodes.length ? v.targetUnitCodes.join('、')
      : (v.targetScope ? v.targetScope.levels.join(', ') + ' @ ' + v.targetScope.regionCode : '—');
    d.fill('approval', [
      h('p', { class: 'verdict ' + v.status, 'data-status': v.status }, t('status_' + v.status)),
      h('dl', { class: 'facts' },
        row(t('item'), v.title),
        row(t('kind'), v.activityWord + ' · ' + t('cat_' + v.category)),
        row(t('organiser'), v.organiserUnitCode + (v.coOrganiserUnitCodes && v.coOrganiserUnitCodes.length ? ' + ' + v.coOrganiserUnitCodes.join('、') : '')),
        row(t('period'), d.date(v.periodStart) + ' — ' + d.date(v.periodEnd)),
        row(t('valid_until'), v.validUntil ? d.date(v.validUntil) : '—'),
        row(t('on_site'), v.onSite ? t('yes') : t('no')),
        row(t('targets'), targets),
        v.sampling ? row(t('sampling'), t('sampling_of', { n: v.sampling.sampleSize, of: v.sampling.population })) : null)
    ]);
  });
})();
