/* The positive list (article 21): approved, publishable items, searchable; CSV for the year. */
(function () {
  'use strict';
  var d = window.dcjk, h = d.h, t = d.t;
  var form = document.getElementById('pl-form');
  var params = new URLSearchParams(location.search);
  var year = document.getElementById('pl-year');
  year.value = params.get('year') || String(new Date().getFullYear());
  ['organiser', 'region', 'kind'].forEach(function (k) { if (params.get(k)) { form.elements[k].value = params.get(k); } });
  var entries = [];
  var loadedYear = null;

  /** 370000 covers the province, 370100 the city, 370102 the county: organisers whose code starts so. */
  function regionPrefix(code) {
    if (/^\d{2}0000$/.test(code)) { return code.substring(0, 2); }
    if (/^\d{4}00$/.test(code)) { return code.substring(0, 4); }
    return code;
  }

  function options(select, values, label) {
    var keep = select.value || params.get(select.name) || '';
    while (select.options.length > 1) { select.remove(1); }
    values.forEach(function (v) { select.add(new Option(label ? label(v) : v, v)); });
    select.value = values.indexOf(keep) >= 0 ? keep : '';
  }

  function show() {
    var organiser = form.elements.organiser.value.trim().toLowerCase();
    var region = form.elements.region.value;
    var kind = form.elements.kind.value;
    var rows = entries.filter(function (e) {
      return (!organiser || (e.organiserUnitCode + ' ' + e.organiserName).toLowerCase().indexOf(organiser) >= 0)
        && (!region || e.organiserUnitCode.indexOf(regionPrefix(region)) === 0)
        && (!kind || e.activityWord === kind);
    });
    document.getElementById('pl-csv').href = '/api/v1/positive-list?year=' + encodeURIComponent(year.value) + '&format=csv';
    d.fill('pl-result', [
      h('p', { class: 'count', 'data-count': rows.length }, t('n_entries', { n: rows.length, total: entries.length })),
      rows.length ? d.table(t('title_positive_list') + ' ' + year.value,
        [t('code'), t('item'), t('kind'), t('organiser'), t('period'), t('on_site')],
        rows.map(function (e) {
          return [h('a', { href: '/verify/' + encodeURIComponent(e.approvalCode), class: 'mono' }, e.approvalCode),
            e.title, e.activityWord + ' · ' + t('cat_' + e.category), e.organiserName + ' (' + e.organiserUnitCode + ')',
            d.date(e.periodStart) + ' — ' + d.date(e.periodEnd), e.onSite ? t('yes') : t('no')];
        })) : null]);
  }

  var PAGE = 200;

  /** The whole year, page by page in approval-code order: each page continues after the last code. */
  function pages(y, after, got) {
    return d.api('/api/v1/positive-list?year=' + encodeURIComponent(y) + '&size=' + PAGE
        + (after ? '&after=' + encodeURIComponent(after) : '')).then(function (a) {
      if (!a.ok) { return a; }
      var all = got.concat(a.data);
      return a.data.length === PAGE ? pages(y, a.data[PAGE - 1].approvalCode, all) : { ok: true, data: all };
    });
  }

  function load() {
    if (loadedYear === year.value) { show(); return; }
    d.status(t('loading'));
    pages(year.value, null, []).then(function (a) {
      d.status('');
      if (!a.ok) { d.fill('pl-result', h('p', { class: 'error' }, d.problem(a))); return; }
      entries = a.data;
      loadedYear = year.value;
      var orgs = {};
      var regions = {};
      var kinds = {};
      entries.forEach(function (e) {
        orgs[e.organiserUnitCode] = e.organiserName;
        var r = e.organiserUnitCode.substring(0, 6);
        regions[r] = true;
        regions[r.substring(0, 4) + '00'] = true;
        regions[r.substring(0, 2) + '0000'] = true;
        kinds[e.activityWord] = true;
      });
      d.fill('pl-organisers', Object.keys(orgs).sort().map(function (c) { return h('option', { value: orgs[c] }, c); }));
      options(form.elements.region, Object.keys(regions).filter(function (r) { return /^\d{6}$/.test(r); }).sort());
      options(form.elements.kind, Object.keys(kinds).sort());
      show();
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var q = new URLSearchParams();
    ['year', 'organiser', 'region', 'kind'].forEach(function (k) { if (form.elements[k].value) { q.set(k, form.elements[k].value); } });
    history.replaceState(null, '', '/positive-list?' + q.toString());
    load();
  });
  load();
})();
