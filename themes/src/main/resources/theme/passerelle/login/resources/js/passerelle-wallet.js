// Waits for the wallet's answer: asks the broker every two seconds, for at most ten minutes, and goes on
// to the completion address once the answer is in. Only the browser that started the login gets that address.
(function () {
  var page = document.getElementById('passerelle-wallet');
  if (!page) { return; }
  var statusUrl = page.getAttribute('data-status-url');
  var attempts = 0;
  function poll() {
    attempts += 1;
    if (attempts > 300) { return; }
    fetch(statusUrl, { credentials: 'include', cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (status.redirect) {
          window.location.assign(status.redirect);
        } else if (status.status === 'pending') {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
})();
