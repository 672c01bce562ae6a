// credo-quiz host script: include it once on a page that embeds the quiz, and every quiz iframe
// takes the height of its content. It also re-dispatches the quiz's events on the iframe as DOM
// events (credo-quiz:started, credo-quiz:answered, credo-quiz:completed) for the page's own scripts.
(function () {
  'use strict';
  if (window.credoQuizHost) return;
  window.credoQuizHost = true;

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
    // Only the page the frame actually shows may size it: compare the sender's origin exactly.
    if (!frame || new URL(frame.src, location.href).origin !== event.origin) return;
    if (data.event === 'resize' && typeof data.height === 'number' && data.height > 0) {
      frame.style.height = Math.ceil(data.height) + 'px';
      return;
    }
    frame.dispatchEvent(new CustomEvent('credo-quiz:' + data.event, { detail: data, bubbles: true }));
  });
})();
