// Runs in an embedded list (/embed/…) shown in another site's iframe: tells the parent page the
// height of the list, so the registry's snippet.js there can size the iframe to fit (ADR 0049).
// It sends a height only: nothing else about the page or its reader leaves it.
(function () {
  'use strict';
  if (window.parent === window) return;
  var content = document.getElementById('embed-content');
  if (!content) return;
  var last = -1;
  function report() {
    var style = window.getComputedStyle(document.body);
    var height = Math.ceil(content.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'umn-embed-height', height: height }, '*');
  }
  if (typeof ResizeObserver === 'function') new ResizeObserver(report).observe(content);
  window.addEventListener('load', report);
  report();
})();
