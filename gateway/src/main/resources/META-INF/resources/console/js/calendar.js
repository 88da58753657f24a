/*
 * The coordination calendar (article 12): approved on-site activity touching a unit or its region,
 * by day, month or week; clashes (one unit, one day, more than one activity) and no-meeting months marked.
 */
(function () {
  'use strict';
  var d = window.dcjk, h = d.h, t = d.t;
  var form = document.getElementById('cal-form');
  var params = new URLSearchParams(location.search);
  var anchor = null; // first day shown

  function parseMonth(v) { var p = v.split('-'); return new Date(Number(p[0]), Number(p[1]) - 1, 1); }
  function monday(x) { var r = new Date(x); r.setDate(r.getDate() - ((r.getDay() + 6) % 7)); return r; }
  function addDays(x, n) { var r = new Date(x); r.setDate(r.getDate() + n); return r; }
  function region(code) { var m = /^(\d{6})/.exec(code || ''); return m ? m[1] : ''; }
  function prefix(r) { return /0000$/.test(r) ? r.substring(0, 2) : /00$/.test(r) ? r.substring(0, 4) : r; }
  function related(a, b) { var pa = prefix(a), pb = prefix(b); return pa.indexOf(pb) === 0 || pb.indexOf(pa) === 0; }

  function range() {
    var view = form.elements.view.value;
    if (view === 'week') { return { from: anchor, to: addDays(anchor, 6) }; }
    var first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
    return { from: first, to: new Date(first.getFullYear(), first.getMonth() + 1, 0) };
  }

  function load() {
    var unit = form.elements.unit.value.trim();
    if (!unit) { return; }
    var r = range();
    history.replaceState(null, '', '/calendar?' + new URLSearchParams({ unit: unit, month: d.iso(anchor).substring(0, 7),
      view: form.elements.view.value }).toString());
    d.status(t('loading'));
    var years = [r.from.getFullYear(), r.to.getFullYear()].filter(function (y, i, a) { return a.indexOf(y) === i; });
    Promise.all([d.api('/api/v1/calendar?' + new URLSearchParams({ unit: unit, from: d.iso(r.from), to: d.iso(r.to) }))]
      .concat(years.map(function (y) { return d.api('/api/v1/no-meeting-months?year=' + y); }))).then(function (answers) {
      d.status('');
      var cal = answers[0];
      if (!cal.ok) { d.fill('cal', h('p', { class: 'error' }, d.problem(cal))); return; }
      var quiet = [];
      answers.slice(1).forEach(function (a) { if (a.ok) { quiet = quiet.concat(a.data.items || []); } });
      render(unit, r, cal.data, quiet);
    });
  }

  function render(unit, r, days, quiet) {
    var byDate = {};
    days.forEach(function (day) { byDate[day.date] = day.activities; });
    var total = {};
    function cell(date) {
      var key = d.iso(date);
      var acts = byDate[key] || [];
      var counts = {};
      acts.forEach(function (a) { (a.targetUnitCodes || []).forEach(function (u) { counts[u] = (counts[u] || 0) + 1; }); });
      var noMeeting = quiet.some(function (q) {
        return q.year === date.getFullYear() && q.month === date.getMonth() + 1 && related(q.regionCode, region(unit));
      });
      var clashDay = false;
      var list = h('ul', { class: 'acts' }, acts.map(function (a) {
        total[a.approvalCode] = true;
        var clash = (a.targetUnitCodes || []).filter(function (u) { return counts[u] > 1; });
        if (clash.length) { clashDay = true; }
        var cls = 'act' + (clash.length ? ' clash' : '') + (noMeeting ? ' nomeeting' : '') + (a.plannedVisit ? ' visit' : '');
        return h('li', { class: cls },
          h('a', { href: '/verify/' + encodeURIComponent(a.approvalCode), 'data-code': a.approvalCode,
            title: a.organiserUnitCode + ' → ' + (a.targetUnitCodes || []).join(', ') },
            a.title),
          h('span', { class: 'who' }, a.organiserUnitCode + ' → ' + t('n_targets', { n: (a.targetUnitCodes || []).length })),
          clash.length ? h('span', { class: 'flag' }, t('clash_with', { units: clash.join(', ') })) : null,
          a.plannedVisit ? h('span', { class: 'sr' }, ' ' + t('cal_visit_day')) : null);
      }));
      return { key: key, date: date, list: list, clash: clashDay, noMeeting: noMeeting, count: acts.length };
    }
    var view = form.elements.view.value;
    var weekdays = t('weekdays').split(',');
    var caption = view === 'week' ? t('week_of', { from: d.iso(r.from), to: d.iso(r.to) })
      : t('month_of', { y: r.from.getFullYear(), m: r.from.getMonth() + 1 });
    var out;
    if (view === 'week') {
      var rows = [];
      for (var i = 0; i < 7; i++) {
        var c = cell(addDays(r.from, i));
        rows.push(h('tr', { class: (c.clash ? 'clash ' : '') + (c.noMeeting ? 'nomeeting' : ''), 'data-date': c.key },
          h('th', { scope: 'row' }, weekdays[i] + ' ' + c.key), h('td', null, c.noMeeting ? note() : null, c.count ? c.list : '—')));
      }
      out = d.table(caption, [t('day'), t('activities')], rows, { class: 'week' });
    } else {
      var start = monday(r.from);
      var weeks = [];
      for (var w = start; w <= r.to; w = addDays(w, 7)) {
        var tds = [];
        for (var k = 0; k < 7; k++) {
          var day = addDays(w, k);
          if (day < r.from || day > r.to) { tds.push(h('td', { class: 'out' })); continue; }
          var m = cell(day);
          tds.push(h('td', { class: (m.clash ? 'clash ' : '') + (m.noMeeting ? 'nomeeting' : ''), 'data-date': m.key },
            h('span', { class: 'daynum' }, String(day.getDate())), m.noMeeting ? note() : null, m.count ? m.list : null));
        }
        weeks.push(h('tr', null, tds));
      }
      out = h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
        h('table', { class: 'month' }, h('caption', null, caption),
          h('thead', null, h('tr', null, weekdays.map(function (x) { return h('th', { scope: 'col' }, x); }))),
          h('tbody', null, weeks)));
    }
    d.fill('cal', [h('p', { class: 'count' }, t('n_items', { n: Object.keys(total).length })), out]);
  }

  /** A no-meeting day says so in words too (not by colour alone). */
  function note() { return h('span', { class: 'nomeeting-note sr' }, t('cal_nomeeting')); }

  function move(step) {
    if (form.elements.view.value === 'week') { anchor = addDays(anchor, 7 * step); }
    else { anchor = new Date(anchor.getFullYear(), anchor.getMonth() + step, 1); }
    form.elements.month.value = d.iso(anchor).substring(0, 7);
    load();
  }

  d.ready.then(function () {
    form.elements.unit.value = params.get('unit') || d.unit() || '';
    form.elements.view.value = params.get('view') === 'week' ? 'week' : 'month';
    var month = params.get('month') || d.iso(new Date()).substring(0, 7);
    form.elements.month.value = month;
    anchor = parseMonth(month);
    if (form.elements.view.value === 'week') { anchor = monday(anchor); }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      anchor = parseMonth(form.elements.month.value || d.iso(new Date()).substring(0, 7));
      if (form.elements.view.value === 'week') { anchor = monday(anchor); }
      load();
    });
    document.getElementById('cal-prev').addEventListener('click', function () { move(-1); });
    document.getElementById('cal-next').addEventListener('click', function () { move(1); });
    load();
  });
})();
