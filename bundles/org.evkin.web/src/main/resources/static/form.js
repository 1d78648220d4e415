/* EvKin form.js: progressive enhancement of the personal-link pages, no dependencies. Without it every form works by
   its buttons ("Simpan sementara", "Kirim"). With it: a draft is saved to the JSON API about a second after each
   change (PUT form[data-autosave]), the aria-live status says when ("Tersimpan 10.32") or that the connection is gone
   (then it retries, at once when the browser is back online), and the progress line follows the answers. Texts come
   from the page (data-t-* attributes), never from this file. Also: focus on the error summary, the print button. */
(function () {
  'use strict';

  function fill(text, args) {
    return String(text || '').replace(/\{(\d)\}/g, function (m, i) { return args[+i]; });
  }

  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }

  var print = document.querySelector('[data-print]');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', function () { window.print(); });
    var hint = document.querySelector('[data-print-hint]');
    if (hint) { hint.hidden = true; }
  }

  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch || !window.JSON) { return; }

  var url = form.getAttribute('data-autosave');
  var partTwo = form.getAttribute('data-part') === '2';
  var statusEl = form.querySelector('[data-status]');
  var progressEls = form.querySelectorAll('[data-progress]');
  var debounce = null;   // timer of the next save after a change
  var retry = null;      // timer of the next attempt after a failure
  var retryDelay = 0;
  var busy = false;      // a PUT is on its way
  var pending = false;   // changes not yet sent
  var stopped = false;   // the server refused the draft for good, or the form is being sent

  function each(selector, fn) {
    Array.prototype.forEach.call(form.querySelectorAll(selector), fn);
  }

  function content() {
    if (partTwo) {
      var answers = {};
      each('input[type=radio]:checked', function (r) { answers[r.name.slice(2)] = r.value; });
      return { answers: answers };
    }
    var scope = [], ticks = [];
    each('input[name=lingkup]', function (i) { if (i.type === 'hidden' || i.checked) { scope.push(+i.value); } });
    each('input[name=tugas]:checked', function (i) { ticks.push(i.value); });
    return { scope: scope, ticks: ticks };
  }

  function progress() {
    var text;
    if (partTwo) {
      var answered = Object.keys(content().answers).length;
      text = fill(form.getAttribute('data-t-progress'), [answered, form.getAttribute('data-total')]);
    } else {
      text = fill(form.getAttribute('data-t-progress'), [form.querySelectorAll('input[name=tugas]:checked').length]);
    }
    Array.prototype.forEach.call(progressEls, function (p) { p.textContent = text; });
  }

  function say(text) {
    if (statusEl && statusEl.textContent !== text) { statusEl.textContent = text; }
  }

  function now() {
    var d = new Date();
    return d.getHours() + '.' + (d.getMinutes() < 10 ? '0' : '') + d.getMinutes();
  }

  function later() {
    clearTimeout(retry);
    retryDelay = Math.min(retryDelay ? retryDelay * 2 : 2000, 30000);
    retry = setTimeout(function () { retry = null; save(false); }, retryDelay);
  }

  function save(leaving) {
    clearTimeout(debounce);
    debounce = null;
    if (stopped || !pending) { return; }
    if (busy && !leaving) { return; } // sent again when the current PUT is answered
    busy = true;
    pending = false;
    fetch(url, {
      method: 'PUT',
      // return=minimal: the answer is the saved state, not the whole form again (RFC 7240)
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Prefer': 'return=minimal' },
      body: JSON.stringify(content()),
      credentials: 'same-origin',
      keepalive: !!leaving
    }).then(function (r) {
      if (r.ok) {
        retryDelay = 0;
        say(fill(form.getAttribute('data-t-saved'), [now()]));
        return;
      }
      if (r.status >= 500 || r.status === 408 || r.status === 429) {
        throw new Error('retry');
      }
      // refused for good (submitted meanwhile, period closed, link replaced): say why, stop trying
      stopped = true;
      return r.json().then(function (e) {
        say(fill(form.getAttribute('data-t-failed'), [e && e.message ? e.message : r.status]));
      }, function () {
        say(fill(form.getAttribute('data-t-failed'), [r.status]));
      });
    }).catch(function () {
      pending = true;
      say(form.getAttribute('data-t-offline'));
      later();
    }).then(function () {
      busy = false;
      if (pending && !retry && !stopped) { schedule(); }
    });
  }

  function schedule() {
    clearTimeout(debounce);
    debounce = setTimeout(function () { save(false); }, 1000);
  }

  form.addEventListener('change', function () {
    pending = true;
    progress();
    schedule();
  });

  form.addEventListener('submit', function () {
    // the buttons post everything; a late draft must not follow the submit
    stopped = true;
    clearTimeout(debounce);
    clearTimeout(retry);
  });

  window.addEventListener('online', function () {
    if (pending && !stopped) {
      clearTimeout(retry);
      retry = null;
      retryDelay = 0;
      save(false);
    }
  });

  window.addEventListener('offline', function () {
    if (pending) { say(form.getAttribute('data-t-offline')); }
  });

  // back to this page from the browser's history after a submit that did not leave it: autosave again
  window.addEventListener('pageshow', function (e) { if (e.persisted) { stopped = false; } });

  // leaving the page (reload, another link, closing the tab) with changes not yet sent: send them now
  window.addEventListener('pagehide', function () { if (pending && !stopped) { save(true); } });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && pending && !stopped) { save(true); }
  });
}());
