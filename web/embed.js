// credo-quiz host script: include it once on a page that embeds the quiz, and every quiz iframe
// takes the height of its content. It also re-dispatches the quiz's events on the iframe as DOM
// events (credo-quiz:started, credo-quiz:answered, credo-quiz:completed) for the page's own scripts.
(function () {
  'use strict';
  if (window.credoQuizHost) return;
  window.credoQuizHost = true;
  // The quiz lives where this script was served from: only frames of that origin are listened to.
  var quizOrigin = document.currentScript ? new URL(document.currentScript.src).origin : null;

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'credo-quiz') return;
    var frame = frameOf(event.source);
    // Only the quiz, in the frame that shows it, may size it: compare origins exactly, and never
    // accept an opaque ('null') origin, which any sandboxed or data: frame has.
    if (!frame || event.origin === 'null' || event.origin !== quizOrigin) return;
    if (new URL(frame.src, location.href).origin !== event.origin) return;
    if (data.event === 'resize' && typeof data.height === 'number' && data.height > 0) {
      frame.style.height = Math.ceil(data.height) + 'px';
      return;
    }
    frame.dispatchEvent(new CustomEvent('credo-quiz:' + data.event, { detail: data, bubbles: true }));
  });
})();
