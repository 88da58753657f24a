/*
 * The console's shared script: words, safe DOM building, the API through the gateway, and sign-in
 * (authorization code + PKCE S256 on the public realm client). Tokens live in this page's memory
 * only; sessionStorage holds nothing but the one-time PKCE verifier and state of a sign-in under way.
 */
(function () {
  'use strict';

  var words = JSON.parse(document.getElementById('dcjk-words').textContent || '{}');
  var realm = document.querySelector('meta[name="dcjk-realm"]').content.replace(/\/$/, '');
  var clientId = document.querySelector('meta[name="dcjk-client"]').content;
  var lang = document.body.dataset.lang;
  var english = lang === 'en';
  var needsSignIn = document.body.dataset.signedIn === 'true';
  var PKCE = 'dcjk-pkce';
  var SILENT = 'dcjk-silent';

  var session = null; // { access, refresh, idToken, expiresAt, claims }

  function t(key, values) {
    var s = Object.prototype.hasOwnProperty.call(words, key) ? words[key] : key;
    if (values) {
      Object.keys(values).forEach(function (k) { s = s.split('{' + k + '}').join(String(values[k])); });
    }
    return s;
  }

  /** h('p', {class: 'x'}, 'text', child): elements from text only, never from HTML strings. */
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) { return; }
        if (k.indexOf('on') === 0 && typeof v === 'function') { el.addEventListener(k.substring(2), v); }
        else if (k === 'text') { el.textContent = v; }
        else { el.setAttribute(k, v === true ? '' : String(v)); }
      });
    }
    for (var i = 2; i < arguments.length; i++) { append(el, arguments[i]); }
    return el;
  }

  function append(el, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function fill(target, content) {
    var el = typeof target === 'string' ? document.getElementById(target) : target;
    while (el.firstChild) { el.removeChild(el.firstChild); }
    append(el, content);
    return el;
  }

  function status(message, kind) {
    var el = document.getElementById('status');
    el.className = 'status' + (kind ? ' ' + kind : '');
    el.textContent = message || '';
  }

  /** A table with a caption, header cells with scope, and rows of cells (text or nodes). */
  function table(caption, heads, rows, attrs) {
    return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
      h('table', attrs || {},
        h('caption', null, caption),
        h('thead', null, h('tr', null, heads.map(function (x) { return h('th', { scope: 'col' }, x); }))),
        h('tbody', null, rows.map(function (r) {
          return r instanceof Node ? r : h('tr', null, r.map(function (c, i) {
            return i === 0 ? h('th', { scope: 'row' }, c) : h('td', null, c);
          }));
        }))));
  }

  // ------------------------------------------------------------------------------------ the API

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var x = Array.prototype.map.call(b, function (v) { return (v + 0x100).toString(16).substring(1); }).join('');
    return x.substring(0, 8) + '-' + x.substring(8, 12) + '-' + x.substring(12, 16) + '-' + x.substring(16, 20) + '-' + x.substring(20);
  }

  /**
   * Calls the API through the gateway. Writes carry an Idempotency-Key; a 401 with a refresh token
   * refreshes once. Resolves to { status, ok, data, etag }; a network failure is status 0.
   */
  function api(path, options) {
    var o = options || {};
    var headers = { 'Accept': o.accept || 'application/json', 'Accept-Language': english ? 'en' : 'zh-CN' };
    if (o.body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (o.method && o.method !== 'GET') { headers['Idempotency-Key'] = o.idempotencyKey || uuid(); }
    if (o.ifMatch) { headers['If-Match'] = o.ifMatch; }
    function send() {
      var hs = Object.assign({}, headers);
      if (session) { hs['Authorization'] = 'Bearer ' + session.access; }
      return fetch(path, { method: o.method || 'GET', headers: hs, credentials: 'omit',
        body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    }
    return fresh().then(send).then(function (r) {
      if (r.status === 401 && session && session.refresh) {
        return refresh().then(send);
      }
      return r;
    }).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      var body = type.indexOf('json') >= 0 ? r.json() : r.text();
      return body.then(function (data) {
        return { status: r.status, ok: r.ok, data: data, etag: r.headers.get('ETag') };
      });
    }, function () {
      return { status: 0, ok: false, data: { detail: t('network') } };
    });
  }

  /** The problem's words, field errors and rule findings included. */
  function problem(answer) {
    var d = answer.data || {};
    if (answer.status === 0) { return t('network'); }
    if (answer.status === 401) { return t('unauthenticated'); }
    if (answer.status === 403 && !d.detail) { return t('forbidden'); }
    var parts = [d.title, d.detail].filter(Boolean);
    (d.errors || []).forEach(function (e) { parts.push((e.field || e.name || '') + ': ' + (e.message || e.reason || '')); });
    (d.findings || []).forEach(function (f) { parts.push(f.rule + ': ' + (english && f.messageEn ? f.messageEn : f.message)); });
    return parts.join(' — ') || (t('failed') + ' (' + answer.status + ')');
  }

  // ------------------------------------------------------------------------------------ sign-in

  function base64url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random(n) { return base64url(crypto.getRandomValues(new Uint8Array(n))); }

  function claimsOf(jwt) {
    try {
      var p = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var json = decodeURIComponent(Array.prototype.map.call(atob(p), function (c) {
        return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
      }).join(''));
      return JSON.parse(json);
    } catch (e) { return {}; }
  }

  function redirectUri() { return location.origin + location.pathname; }

  /** Off to the realm's sign-in; silent asks the realm's own session only (prompt=none). */
  function signIn(silent) {
    var verifier = random(48);
    var state = random(16);
    var back = location.pathname + location.search + location.hash;
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (d) {
      sessionStorage.setItem(PKCE, JSON.stringify({ verifier: verifier, state: state, back: back, redirect: redirectUri() }));
      var q = new URLSearchParams({ client_id: clientId, response_type: 'code', scope: 'openid',
        redirect_uri: redirectUri(), state: state, nonce: random(16), code_challenge: base64url(new Uint8Array(d)),
        code_challenge_method: 'S256', ui_locales: english ? 'en' : 'zh-CN' });
      if (silent) { q.set('prompt', 'none'); }
      location.assign(realm + '/protocol/openid-connect/auth?' + q.toString());
    });
  }

  function tokenRequest(params) {
    return fetch(realm + '/protocol/openid-connect/token', { method: 'POST', credentials: 'omit',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() })
      .then(function (r) { if (!r.ok) { throw new Error('token ' + r.status); } return r.json(); })
      .then(function (j) {
        session = { access: j.access_token, refresh: j.refresh_token, idToken: j.id_token || (session && session.idToken),
          expiresAt: Date.now() + (j.expires_in || 60) * 1000, claims: claimsOf(j.access_token) };
        return session;
      });
  }

  function refresh() {
    return tokenRequest({ grant_type: 'refresh_token', client_id: clientId, refresh_token: session.refresh })
      .catch(function () { session = null; showSignIn(); throw new Error('signed out'); });
  }

  /** Refreshes a token about to expire before it is used. */
  function fresh() {
    if (session && session.refresh && Date.now() > session.expiresAt - 20000) { return refresh(); }
    return Promise.resolve(session);
  }

  function signOut() {
    var q = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: location.origin + '/' });
    if (session && session.idToken) { q.set('id_token_hint', session.idToken); }
    session = null;
    location.assign(realm + '/protocol/openid-connect/logout?' + q.toString());
  }

  function showSignIn() {
    var box = document.getElementById('signin-needed');
    if (box) { box.hidden = false; }
    renderAccount();
  }

  function renderAccount() {
    var el = document.getElementById('account');
    if (session) {
      var c = session.claims;
      var roles = ((c.realm_access || {}).roles || []).filter(function (r) { return r.indexOf('default-roles') !== 0 && r !== 'offline_access' && r !== 'uma_authorization'; });
      fill(el, [h('span', { class: 'who', 'data-user': c.preferred_username }, c.preferred_username + (c.unit_code ? ' · ' + c.unit_code : '') + (roles.length ? ' · ' + roles.join(', ') : '')),
        h('button', { type: 'button', class: 'link', onclick: signOut }, t('sign_out'))]);
    } else {
      fill(el, h('button', { type: 'button', class: 'link', 'data-action': 'sign-in', onclick: function () { signIn(false); } }, t('sign_in')));
    }
  }

  /** Resolves with the session on a signed-in page (after the realm's answer), with null on a public one. */
  function start() {
    renderAccount();
    document.querySelectorAll('[data-action="sign-in"]').forEach(function (b) {
      b.addEventListener('click', function () { signIn(false); });
    });
    if (!needsSignIn) { return Promise.resolve(null); }
    var p = new URLSearchParams(location.search);
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(PKCE) || 'null'); } catch (e) { saved = null; }
    if (p.has('state') && (p.has('code') || p.has('error'))) {
      sessionStorage.removeItem(PKCE);
      sessionStorage.removeItem(SILENT);
      var ok = saved && saved.state === p.get('state');
      history.replaceState(null, '', ok ? saved.back : location.pathname);
      if (ok && p.has('code')) {
        return tokenRequest({ grant_type: 'authorization_code', client_id: clientId, code: p.get('code'),
          redirect_uri: saved.redirect, code_verifier: saved.verifier }).then(function (s) {
          renderAccount();
          return s;
        }, function () { status(t('sign_in_failed'), 'error'); showSignIn(); return new Promise(function () {}); });
      }
      showSignIn();
      return new Promise(function () {});
    }
    // one silent attempt per page visit: the realm's own session signs the page in without a prompt;
    // a visit that finds an attempt still marked (it never came back) offers the button instead
    if (sessionStorage.getItem(SILENT)) {
      sessionStorage.removeItem(SILENT);
      showSignIn();
      return new Promise(function () {});
    }
    sessionStorage.setItem(SILENT, '1');
    signIn(true);
    return new Promise(function () {});
  }

  function has(role) {
    return !!(session && ((session.claims.realm_access || {}).roles || []).indexOf(role) >= 0);
  }

  function unit() { return session ? session.claims.unit_code : null; }

  // ------------------------------------------------------------------------------------ the menu

  var toggle = document.querySelector('.menu-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      document.body.classList.toggle('menu-open', open);
    });
  }

  function date(d) { return d ? String(d).substring(0, 10) : ''; }
  function iso(d) { return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); }

  window.dcjk = { t: t, h: h, fill: fill, table: table, api: api, problem: problem, status: status, english: english,
    ready: start(), has: has, unit: unit, date: date, iso: iso, uuid: uuid,
    user: function () { return session ? session.claims.preferred_username : null; } };
})();
