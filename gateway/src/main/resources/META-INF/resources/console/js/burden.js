/*
 * The burden heat map (articles 14, 20, 22, 24): regions (city, then county, by the units directory)
 * by month, coloured by what was planned (visit days, forms and materials: the statistics API) or by
 * what the visits actually asked (visits received, forms, materials, exams, surveys, online votes,
 * messaging groups, and the reception met: escorts and people at briefing meetings, article 23:
 * the inspections' burden totals); the article-20 reduction against the baseline;
 * a cell drills down to the units behind it and the items or visits that make its number.
 */
(function () {
  'use strict';
  var d = window.dcjk, h = d.h, t = d.t;
  var form = document.getElementById('bd-form');
  var params = new URLSearchParams(location.search);
  var state = null;

  function city(r) { return r.substring(0, 4) + '00'; }

  /** Measures from the visits' burden totals: the field(s) of a total each one adds up. */
  var ASKED = {
    reception: ['visits'], asked_forms: ['forms'], asked_materials: ['materials'], exams: ['exams'],
    surveys: ['surveys'], votes: ['onlineVotes'], groups: ['messagingGroups'],
    escorts: ['escorts'], briefings: ['briefingParticipants']
  };
  function asked(metric) { return Object.prototype.hasOwnProperty.call(ASKED, metric); }
  function amount(metric, x) { return ASKED[metric].reduce(function (n, f) { return n + (x[f] || 0); }, 0); }
  /** One visit's share of a measure: its burden counts, or its reception record (escorts, people at briefings). */
  function visitAmount(metric, v) {
    var r = v.reception || {};
    if (metric === 'escorts') { return (r.escorts || []).length; }
    if (metric === 'briefings') {
      return (r.briefings || []).reduce(function (n, b) { return n + (b.participants || 0); }, 0);
    }
    return amount(metric, v.burden || {});
  }

  function units(codes) {
    var batches = [];
    for (var i = 0; i < codes.length; i += 100) { batches.push(codes.slice(i, i + 100)); }
    return Promise.all(batches.map(function (b) {
      return d.api('/api/v1/units?size=200&codes=' + encodeURIComponent(b.join(',')));
    })).then(function (answers) {
      var out = {};
      answers.forEach(function (a) { if (a.ok) { a.data.items.forEach(function (u) { out[u.code] = u; }); } });
      return out;
    });
  }

  function load() {
    var year = form.elements.year.value;
    history.replaceState(null, '', '/burden?' + new URLSearchParams({ year: year, metric: form.elements.metric.value }).toString());
    d.status(t('loading'));
    Promise.all([d.api('/api/v1/statistics/burden?year=' + encodeURIComponent(year)),
      d.api('/api/v1/inspections/burden'),
      d.api('/api/v1/units?kind=GOVERNMENT&size=200')]).then(function (a) {
      if (!a[0].ok) { d.status(''); d.fill('bd-map', h('p', { class: 'error' }, d.problem(a[0]))); return; }
      var stats = a[0].data;
      var received = a[1].ok ? a[1].data.filter(function (r) { return r.month.indexOf(year + '-') === 0; }) : null;
      var names = {};
      if (a[2].ok) { a[2].data.items.forEach(function (g) { names[g.regionCode] = d.english && g.nameEn ? g.nameEn.replace(/ Government$/, '') : g.name.replace(/人民政府$/, ''); }); }
      var codes = {};
      stats.targets.forEach(function (x) { codes[x.unitCode] = true; });
      (received || []).forEach(function (x) { codes[x.unitCode] = true; });
      units(Object.keys(codes)).then(function (dir) {
        d.status('');
        state = { year: year, stats: stats, received: received, dir: dir, names: names };
        render();
      });
    });
  }

  /** { regionCode: { 'YYYY-MM': { total, units: { code: n } } } } for the chosen metric. */
  function cells() {
    var metric = form.elements.metric.value;
    var out = {};
    function add(unitCode, month, n) {
      var u = state.dir[unitCode];
      var r = u ? u.regionCode.substring(0, 6) : unitCode.substring(0, 6);
      [r, city(r)].filter(function (x, i, arr) { return arr.indexOf(x) === i; }).forEach(function (reg) {
        var c = ((out[reg] = out[reg] || {})[month] = out[reg][month] || { total: 0, units: {} });
        c.total += n;
        c.units[unitCode] = (c.units[unitCode] || 0) + n;
      });
    }
    if (asked(metric)) {
      (state.received || []).forEach(function (x) { add(x.unitCode, x.month, amount(metric, x)); });
    } else {
      state.stats.targets.forEach(function (x) { add(x.unitCode, x.month, metric === 'forms' ? x.forms : x.plannedVisits); });
    }
    return out;
  }

  function label(r) { return (state.names[r] || r) + ' ' + r; }

  function render() {
    var metric = form.elements.metric.value;
    if (asked(metric) && state.received === null) {
      d.fill('bd-map', h('p', { class: 'notice' }, t('reception_forbidden')));
      reduction();
      return;
    }
    var data = cells();
    var months = [];
    for (var m = 1; m <= 12; m++) { months.push(state.year + '-' + String(m).padStart(2, '0')); }
    var max = 0;
    Object.keys(data).forEach(function (r) { months.forEach(function (mo) { if (data[r][mo]) { max = Math.max(max, data[r][mo].total); } }); });
    var cities = Object.keys(data).filter(function (r) { return city(r) === r; }).sort();
    var rows = [];
    cities.forEach(function (c) {
      var counties = Object.keys(data).filter(function (r) { return r !== c && city(r) === c; }).sort();
      rows.push(row(c, data[c], months, max, 'city', counties));
      counties.forEach(function (k) { rows.push(row(k, data[k], months, max, 'county', null, c)); });
    });
    var metricName = t('bd_' + metric);
    d.fill('bd-map', rows.length ? [
      h('p', { class: 'legend' }, t('heat_legend', { metric: metricName, max: max }), ' ', h('span', { class: 'scale', 'aria-hidden': 'true' })),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('title_burden') },
        h('table', { class: 'heat', 'data-metric': metric },
          h('caption', null, t('heat_caption', { metric: metricName, year: state.year })),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('region')),
            months.map(function (mo) { return h('th', { scope: 'col' }, t('month_short', { m: Number(mo.substring(5)) })); }),
            h('th', { scope: 'col' }, t('year_total')))),
          h('tbody', null, rows)))] : h('p', null, t('none')));
    reduction();
  }

  function row(region, byMonth, months, max, level, counties, parent) {
    var total = 0;
    var tds = months.map(function (mo) {
      var c = byMonth[mo];
      var v = c ? c.total : 0;
      total += v;
      var heat = max ? Math.ceil((v / max) * 5) : 0;
      return h('td', { class: 'heat-' + heat },
        h('button', { type: 'button', class: 'cell', 'data-region': region, 'data-month': mo, 'data-value': v,
          'aria-label': label(region) + ' ' + mo + ': ' + v, onclick: function () { drill(region, mo, c); } }, String(v)));
    });
    var head = h('th', { scope: 'row' }, level === 'city' && counties && counties.length
      ? h('button', { type: 'button', class: 'toggle', 'aria-expanded': 'true', onclick: function (e) {
        var open = e.currentTarget.getAttribute('aria-expanded') !== 'true';
        e.currentTarget.setAttribute('aria-expanded', String(open));
        document.querySelectorAll('tr[data-parent="' + region + '"]').forEach(function (tr) { tr.hidden = !open; });
      } }, label(region)) : label(region));
    return h('tr', { class: level, 'data-region': region, 'data-parent': parent || null }, head, tds,
      h('td', { class: 'total', 'data-value': total }, String(total)));
  }

  function drill(region, month, c) {
    var box = document.getElementById('bd-drill');
    var metric = form.elements.metric.value;
    box.hidden = false;
    document.getElementById('bd-drill-h').textContent = t('drill_h', { region: label(region), month: month });
    var unitsOf = c ? Object.keys(c.units).filter(function (u) { return c.units[u] > 0; }).sort() : [];
    d.fill('bd-drill-body', unitsOf.length ? [d.table(t('drill_caption'), [t('unit'), t('bd_' + metric), t('calendar')],
      unitsOf.map(function (u) {
        var info = state.dir[u];
        return [(info ? info.name + ' ' : '') + u, String(c.units[u]),
          h('a', { href: '/calendar?' + new URLSearchParams({ unit: u, month: month }).toString() }, t('open_calendar'))];
      })), h('div', { id: 'bd-drill-items' }, h('p', null, t('loading')))] : h('p', null, t('none')));
    box.focus();
    if (unitsOf.length) { (asked(metric) ? visitsBehind : itemsBehind)(unitsOf, month, metric); }
  }

  function monthEnd(month) {
    var p = month.split('-');
    return d.iso(new Date(Number(p[0]), Number(p[1]), 0));
  }

  /**
   * The approved items behind a planned measure: the statistics count an item in the month its
   * period starts, so an item on the calendar the day before the month began is not this month's.
   */
  function itemsBehind(unitsOf, month, metric) {
    var p = month.split('-');
    var before = d.iso(new Date(Number(p[0]), Number(p[1]) - 1, 0));
    Promise.all(unitsOf.map(function (u) {
      return d.api('/api/v1/calendar?' + new URLSearchParams({ unit: u, from: before, to: monthEnd(month) }).toString());
    })).then(function (answers) {
      var rows = [];
      answers.forEach(function (a, i) {
        if (!a.ok) { return; }
        var u = unitsOf[i], earlier = {}, seen = {};
        a.data.forEach(function (day) {
          day.activities.forEach(function (act) {
            if ((act.targetUnitCodes || []).indexOf(u) < 0) { return; }
            if (day.date === before) { earlier[act.itemId] = true; return; }
            if (earlier[act.itemId] || seen[act.itemId]) { return; }
            seen[act.itemId] = act;
            rows.push([u, h('a', { href: '/verify/' + encodeURIComponent(act.approvalCode), 'data-code': act.approvalCode }, act.title),
              act.approvalCode, day.date]);
          });
        });
      });
      d.fill('bd-drill-items', rows.length ? d.table(t('drill_items'), [t('unit'), t('item'), t('approval_code'), t('starts')], rows)
        : h('p', null, t('drill_no_items')));
    });
  }

  /** The visits behind an asked measure: the inspections the caller may see, their visits to the cell's units in the month. */
  function visitsBehind(unitsOf, month, metric) {
    var first = month + '-01', last = monthEnd(month);
    d.api('/api/v1/inspections?size=200').then(function (list) {
      if (!list.ok) { d.fill('bd-drill-items', h('p', { class: 'error' }, d.problem(list))); return; }
      var open = list.data.items.filter(function (i) {
        var from = i.startsOn || i.periodStart, to = i.endsOn || i.periodEnd;
        return (!from || from <= last) && (!to || to >= first);
      });
      Promise.all(open.map(function (i) { return d.api('/api/v1/inspections/' + i.id + '/visits'); })).then(function (answers) {
        var rows = [];
        answers.forEach(function (a, k) {
          if (!a.ok) { return; }
          var insp = open[k];
          a.data.forEach(function (v) {
            if (unitsOf.indexOf(v.unitCode) < 0 || String(v.date).substring(0, 7) !== month) { return; }
            var n = metric === 'reception' ? 1 : visitAmount(metric, v);
            rows.push({ date: v.date, cells: [v.unitCode,
              h('a', { href: '/verify/' + encodeURIComponent(insp.approvalCode), 'data-code': insp.approvalCode }, insp.title),
              v.date, h('span', { class: 'visit-value', 'data-visit': v.id }, String(n))] });
          });
        });
        rows.sort(function (x, y) { return x.date < y.date ? -1 : x.date > y.date ? 1 : 0; });
        d.fill('bd-drill-items', rows.length ? d.table(t('drill_visits'), [t('unit'), t('inspection'), t('visit_date'), t('bd_' + metric)],
          rows.map(function (r) { return r.cells; })) : h('p', null, t('drill_no_items')));
      });
    });
  }

  function reduction() {
    var s = state.stats;
    var rows = s.regions.map(function (r) {
      return [label(r.regionCode), String(r.items), String(r.baselineItems),
        r.reduction === null ? '—' : Math.round(r.reduction * 100) + '%',
        r.meetsTarget === null ? '—' : h('span', { class: 'light ' + (r.meetsTarget ? 'GREEN' : 'RED') }, r.meetsTarget ? t('meets') : t('misses'))];
    });
    d.fill('bd-reduction', [h('p', null, t('reduction_lead', { target: Math.round(s.target * 100), base: s.baselineYear, year: s.year })),
      rows.length ? d.table(t('bd_reduction_h'), [t('region'), t('items_year', { y: s.year }), t('items_year', { y: s.baselineYear }), t('reduction'), t('target')], rows) : h('p', null, t('none'))]);
  }

  d.ready.then(function () {
    form.elements.year.value = params.get('year') || String(new Date().getFullYear());
    if (params.get('metric')) { form.elements.metric.value = params.get('metric'); }
    form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
    form.elements.metric.addEventListener('change', function () { if (state) { render(); } });
    load();
  });
})();
