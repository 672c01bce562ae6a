// A page on a foreign origin, framed beside the quiz: on 'go' it messages the quiz frame as if it were the host.
window.addEventListener('message', function (event) {
  if (event.data !== 'go') return;
  var target = parent.frames[0];
  target.postMessage({ type: 'credo-quiz', command: 'height' }, '*');
  target.postMessage({ context: 'h5p', action: 'hello' }, '*');
  target.postMessage({ context: 'h5p', action: 'resizePrepared' }, '*');
});
