/* A complaint letter (article 31), anonymous or named; the receipt follows it up without an account. */
(function () {
  'use strict';
  var d = window.dcjk, h = d.h, t = d.t;
  var form = document.getElementById('complaint-form');
  var accuser = document.getElementById('c-accuser');
  var key = d.uuid(); // one letter, one key: a double submit answers the same receipt

  function anonymous() { return form.elements.anonymous.value !== 'false'; }
  function sync() {
    accuser.hidden = anonymous();
    document.getElementById('c-name').required = !anonymous();
  }
  Array.prototype.forEach.call(form.elements.anonymous, function (r) { r.addEventListener('change', sync); });
  sync();

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var errors = document.getElementById('c-errors');
    d.fill(errors, null);
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (f) { f.removeAttribute('aria-invalid'); });
    var bad = Array.prototype.filter.call(form.querySelectorAll('input, select, textarea'), function (f) { return !f.checkValidity(); });
    if (bad.length) {
      bad.forEach(function (f) { f.setAttribute('aria-invalid', 'true'); });
      d.fill(errors, h('ul', null, bad.map(function (f) {
        return h('li', null, h('a', { href: '#' + f.id }, (form.querySelector('label[for="' + f.id + '"]') || {}).textContent + ': ' + f.validationMessage));
      })));
      bad[0].focus();
      return;
    }
    var letter = {
      handlerUnitCode: form.elements.handlerUnitCode.value.trim(),
      anonymous: anonymous(),
      accusedName: form.elements.accusedName.value.trim(),
      accusedUnitCode: form.elements.accusedUnitCode.value.trim(),
      accusedPosition: form.elements.accusedPosition.value.trim() || null,
      content: form.elements.content.value.trim()
    };
    if (!letter.anonymous) {
      letter.accuserName = form.elements.accuserName.value.trim();
      letter.accuserContact = form.elements.accuserContact.value.trim() || null;
    }
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    d.api('/api/v1/complaints', { method: 'POST', body: letter, idempotencyKey: key }).then(function (a) {
      button.disabled = false;
      if (!a.ok) { d.fill(errors, h('p', null, d.problem(a))); return; }
      form.hidden = true;
      document.getElementById('receipt-code').textContent = a.data.receipt;
      document.getElementById('receipt-link').href = '/complaint/follow-up?receipt=' + encodeURIComponent(a.data.receipt);
      var box = document.getElementById('receipt');
      box.hidden = false;
      box.focus();
    });
  });
})();
