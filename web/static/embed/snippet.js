// The registry's embed snippet, on the city's own page: sizes each iframe of the registry's
// embedded lists (data-umn-embed) to the height its page reports (frame.js there), and accepts
// that message from the registry's origin only, and from the very iframe it is about (ADR 0049).
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  var flag = 'umnEmbedListening:' + origin;
  if (window[flag]) return;
  window[flag] = true;
  var MIN = 120;
  var MAX = 20000;
  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== 'umn-embed-height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-umn-embed]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(MAX, Math.max(MIN, Math.ceil(data.height))) + 'px';
      }
    }
  });
})();
