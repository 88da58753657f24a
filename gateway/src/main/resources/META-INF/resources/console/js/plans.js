/*
 * The plan workflow (articles 5-11): planners draft and add items while the rulebook's dry run
 * answers as they type, asking exceptions with a written justification; the reviewing office
 * reviews; the party office forwards to the party committee and issues; the committee approves,
 * granting exceptions explicitly; each approved item shows its code and QR code.
 */
(function () {
  'use strict';
  var d = window.dcjk, h = d.h, t = d.t;
  var filter = document.getElementById('pp-filter');
  var itemForm = document.getElementById('pp-item-form');
  var current = null; // { plan, etag }
  var lastVerdict = null;
  var timer = null;

  function findingList(findings, grantable) {
    if (!findings.length) { return h('p', { class: 'ok' }, t('no_findings')); }
    return h('ul', { class: 'findings' }, findings.map(function (f) {
      return h('li', { class: 'finding ' + f.severity, 'data-rule': f.rule },
        h('strong', null, f.rule), ' ', h('span', { class: 'sev' }, t('sev_' + f.severity)),
        ' ', t('articles', { a: (f.articles || []).join('、') }), ' — ', d.english && f.messageEn ? f.messageEn : f.message,
        f.exceptionGranted ? h('span', { class: 'granted' }, ' ' + t('granted')) : null,
        grantable ? grantable(f) : null);
    }));
  }

  function listPlans() {
    var q = new URLSearchParams({ size: '50' });
    if (filter.elements.year.value) { q.set('year', filter.elements.year.value); }
    if (filter.elements.status.value) { q.set('status', filter.elements.status.value); }
    d.api('/api/v1/plans?' + q.toString()).then(function (a) {
      if (!a.ok) { d.fill('pp-list', h('p', { class: 'error' }, d.problem(a))); return; }
      var items = a.data.items || [];
      d.fill('pp-list', items.length ? d.table(t('pp_list'), [t('pp_title'), t('f_year'), t('pp_status'), t('organiser'), ''],
        items.map(function (p) {
          return [p.title, String(p.year), h('span', { class: 'badge ' + p.status }, t('ps_' + p.status)), p.organiserUnitCode,
            h('button', { type: 'button', 'data-plan': p.id, onclick: function () { openPlan(p.id); } }, t('open'))];
        })) : h('p', null, t('none')));
    });
  }

  function openPlan(id) {
    Promise.all([d.api('/api/v1/plans/' + id), d.api('/api/v1/plans/' + id + '/history')]).then(function (a) {
      if (!a[0].ok) { d.status(d.problem(a[0]), 'error'); return; }
      current = { plan: a[0].data, etag: a[0].etag };
      var p = current.plan;
      var box = document.getElementById('pp-plan');
      box.hidden = false;
      box.dataset.status = p.status;
      box.dataset.plan = String(p.id);
      document.getElementById('pp-plan-h').textContent = p.title + ' · ' + t('ps_' + p.status);
      var history = a[1].ok ? a[1].data : [];
      d.fill('pp-plan-body', [
        h('p', { class: 'meta' }, t('plan_meta', { organiser: p.organiserUnitCode, office: p.reviewingOfficeCode, party: p.submittingOfficeCode || '—', body: p.approvingBodyCode })),
        (p.items || []).length ? d.table(t('pp_items'), [t('item'), t('period'), t('targets'), t('code'), t('exceptions')],
          p.items.map(function (i) {
            return [i.title, d.date(i.periodStart) + ' — ' + d.date(i.periodEnd), (i.targetUnitCodes || []).join('、') || '—',
              i.approvalCode ? h('span', { class: 'code-cell' },
                h('a', { href: '/verify/' + encodeURIComponent(i.approvalCode), class: 'mono', 'data-code': i.approvalCode }, i.approvalCode),
                h('img', { src: '/verify/' + encodeURIComponent(i.approvalCode) + '/qr.svg', width: '72', height: '72', alt: t('qr_alt') + ' ' + i.approvalCode })) : '—',
              exceptions(i)];
          })) : h('p', null, t('no_items')),
        h('div', { id: 'pp-verdict' }),
        history.length ? h('details', null, h('summary', null, t('history')), h('ol', null, history.map(function (s) {
          return h('li', null, String(s.at || '').replace('T', ' ').substring(0, 16) + ' ' + (s.actor || '') + ' (' + (s.actorUnit || '') + ') ' +
            t('ps_' + s.fromStatus) + ' → ' + t('ps_' + s.toStatus) + (s.comment ? ' — ' + s.comment : ''));
        }))) : null]);
      actions();
      itemForm.hidden = !(d.has('planner') && (p.status === 'DRAFT' || p.status === 'CHANGES_REQUESTED'));
      if (['DRAFT', 'CHANGES_REQUESTED', 'SUBMITTED', 'OFFICE_REVIEWED', 'FORWARDED'].indexOf(p.status) >= 0) { planVerdict(); }
      box.focus();
    });
  }

  function exceptions(i) {
    var asked = Object.keys(i.justifications || {});
    var granted = (i.grantedExceptions || []).map(function (g) { return g.rule; });
    if (!asked.length && !granted.length) { return '—'; }
    return h('ul', { class: 'plain' }, asked.map(function (r) {
      return h('li', null, r + ': ' + (granted.indexOf(r) >= 0 ? t('granted') : t('requested')) + ' — ' + i.justifications[r]);
    }));
  }

  function planVerdict() {
    var stage = ['OFFICE_REVIEWED', 'FORWARDED'].indexOf(current.plan.status) >= 0 ? 'APPROVAL' : 'SUBMISSION';
    d.api('/api/v1/plans/checks', { method: 'POST', body: { planId: current.plan.id, stage: stage } }).then(function (a) {
      if (!a.ok) { return; }
      lastVerdict = a.data;
      var all = [];
      a.data.items.forEach(function (iv) { iv.findings.forEach(function (f) { all.push({ item: iv, f: f }); }); });
      var grantable = stepsFor(current.plan).indexOf('approve') >= 0;
      d.fill('pp-verdict', [h('h3', null, t('pp_verdict')), all.length ? h('ul', { class: 'findings' }, all.map(function (x) {
        var f = x.f;
        var canGrant = grantable && f.severity === 'PRINCIPLE' && !f.exceptionGranted;
        return h('li', { class: 'finding ' + f.severity, 'data-rule': f.rule },
          h('strong', null, x.item.title + ' · ' + f.rule), ' ', h('span', { class: 'sev' }, t('sev_' + f.severity)), ' — ',
          d.english && f.messageEn ? f.messageEn : f.message,
          canGrant ? h('label', { class: 'grant' }, h('input', { type: 'checkbox', class: 'grant-box', 'data-item': x.item.itemId, 'data-rule': f.rule }), ' ' + t('grant')) : null);
      })) : h('p', { class: 'ok' }, t('no_findings'))]);
    });
  }

  /**
   * The steps this user may take now, by role and unit as plans-service checks them (article 5):
   * the organiser's planner submits; the reviewing office reviews; the party office of the level
   * forwards to the party committee and issues after approval; the party committee approves.
   */
  function stepsFor(p) {
    var steps = [];
    var unit = d.unit();
    var office = d.has('office-reviewer');
    var body = d.has('committee-approver') && unit === p.approvingBodyCode;
    var reviewing = office && unit === p.reviewingOfficeCode;
    var partyOffice = office && unit === p.submittingOfficeCode;
    var underReview = ['SUBMITTED', 'OFFICE_REVIEWED', 'FORWARDED'].indexOf(p.status) >= 0;
    if (d.has('planner') && unit === p.organiserUnitCode && (p.status === 'DRAFT' || p.status === 'CHANGES_REQUESTED')) { steps.push('submit'); }
    if (reviewing && p.status === 'SUBMITTED') { steps.push('review'); }
    if (partyOffice && p.status === 'OFFICE_REVIEWED') { steps.push('forward'); }
    if (body && p.status === 'FORWARDED') { steps.push('approve'); }
    if (partyOffice && p.status === 'APPROVED') { steps.push('issue'); }
    if (underReview && (reviewing || partyOffice || body)) { steps.push('request-changes'); }
    if (underReview && body) { steps.push('reject'); }
    return steps;
  }

  function actions() {
    var steps = stepsFor(current.plan);
    if (!steps.length) { d.fill('pp-actions', null); return; }
    var comment = h('textarea', { id: 'pp-comment', rows: '2', maxlength: '2000' });
    d.fill('pp-actions', [h('label', { for: 'pp-comment' }, t('comment')), comment, h('div', { class: 'buttons' }, steps.map(function (s) {
      return h('button', { type: 'button', class: s === 'reject' ? 'danger' : 'primary', 'data-step': s, onclick: function () { act(s, comment.value); } }, t('step_' + s));
    }))]);
  }

  function act(step, comment) {
    var body = { comment: comment || t('step_' + step) };
    if (step === 'approve') {
      body.grants = Array.prototype.map.call(document.querySelectorAll('.grant-box:checked'), function (b) {
        return { itemId: Number(b.dataset.item), rule: b.dataset.rule };
      });
    }
    d.api('/api/v1/plans/' + current.plan.id + '/' + step, { method: 'POST', body: body, ifMatch: current.etag }).then(function (a) {
      if (!a.ok) { d.status(d.problem(a), 'error'); return; }
      d.status(t('done_step', { step: t('step_' + step) }), 'ok');
      openPlan(current.plan.id);
      listPlans();
    });
  }

  function itemBody() {
    var f = itemForm.elements;
    function list(v) { return v.split(/[,，、\s]+/).map(function (s) { return s.trim(); }).filter(Boolean); }
    var item = { title: f.title.value.trim() || '—', category: f.category.value, activityWord: f.activityWord.value,
      targetUnitCodes: list(f.targetUnitCodes.value), onSite: f.onSite.checked, periodStart: f.periodStart.value || null,
      periodEnd: f.periodEnd.value || null, topics: list(f.topics.value), forms: list(f.forms.value),
      materials: list(f.materials.value), legalBasis: f.legalBasis.value.trim() || null,
      publishable: f.publishable.checked, workDeployedOn: d.iso(new Date()) };
    if (f.population.value && f.sampleSize.value) {
      item.sampling = { population: Number(f.population.value), sampleSize: Number(f.sampleSize.value) };
    }
    var just = {};
    document.querySelectorAll('#pi-exc-body textarea').forEach(function (ta) { if (ta.value.trim()) { just[ta.dataset.rule] = ta.value.trim(); } });
    if (Object.keys(just).length) { item.justifications = just; }
    return item;
  }

  function dryRun() {
    var item = itemBody();
    if (!item.periodStart || !item.periodEnd) { return; }
    d.api('/api/v1/plans/checks', { method: 'POST', body: { planId: current.plan.id, item: item } }).then(function (a) {
      if (!a.ok) { d.fill('pi-checks', h('p', { class: 'error' }, d.problem(a))); return; }
      // the item being written is the one without an id (the plan's stored items come with theirs)
      var mine = a.data.items.filter(function (iv) { return iv.itemId === null || iv.itemId === undefined; });
      if (!mine.length && a.data.items.length) { mine = [a.data.items[a.data.items.length - 1]]; }
      var findings = [];
      mine.forEach(function (iv) { findings = findings.concat(iv.findings); });
      d.fill('pi-checks', findingList(findings));
      document.getElementById('pi-checks').dataset.checked = String(Date.now());
      var principle = findings.filter(function (f) { return f.severity === 'PRINCIPLE'; });
      var exc = document.getElementById('pi-exceptions');
      var body = document.getElementById('pi-exc-body');
      var kept = {};
      body.querySelectorAll('textarea').forEach(function (ta) { kept[ta.dataset.rule] = ta.value; });
      exc.hidden = !principle.length;
      d.fill(body, principle.map(function (f, n) {
        var id = 'pi-exc-' + n;
        return h('div', null, h('label', { for: id }, t('justify', { rule: f.rule })),
          h('textarea', { id: id, 'data-rule': f.rule, rows: '2', maxlength: '2000', text: kept[f.rule] || '' }));
      }));
    });
  }

  itemForm.addEventListener('input', function (e) {
    if (e.target.closest('#pi-exc-body')) { return; }
    clearTimeout(timer);
    timer = setTimeout(dryRun, 400);
  });
  itemForm.addEventListener('submit', function (e) {
    e.preventDefault();
    d.api('/api/v1/plans/' + current.plan.id + '/items', { method: 'POST', body: itemBody() }).then(function (a) {
      if (!a.ok) { d.status(d.problem(a), 'error'); return; }
      d.status(t('item_added'), 'ok');
      itemForm.reset();
      d.fill('pi-checks', null);
      openPlan(current.plan.id);
    });
  });

  document.getElementById('pp-new-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var f = e.target.elements;
    d.api('/api/v1/plans', { method: 'POST', body: { type: f.type.value, year: Number(f.year.value), title: f.title.value.trim() } }).then(function (a) {
      if (!a.ok) { d.status(d.problem(a), 'error'); return; }
      e.target.reset();
      listPlans();
      openPlan(a.data.id);
    });
  });

  filter.addEventListener('submit', function (e) { e.preventDefault(); listPlans(); });

  d.ready.then(function () {
    document.getElementById('pp-new').hidden = !d.has('planner');
    document.getElementById('pn-year').value = String(new Date().getFullYear() + 1);
    listPlans();
  });
})();
