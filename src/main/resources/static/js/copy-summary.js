// Progressive enhancement for the case page: "Copy" buttons for the referral summaries.
// Without JavaScript the buttons stay hidden and the summaries can be selected or printed.
(function () {
  'use strict';
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll('button.app-copy[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) {
      return;
    }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent).then(function () {
        button.textContent = 'Copied';
        button.setAttribute('data-copied', 'true');
        window.setTimeout(function () { button.textContent = label; }, 3000);
      });
    });
  });
})();
