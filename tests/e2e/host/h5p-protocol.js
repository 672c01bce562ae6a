// A host-side implementation of H5P's iframe resizer protocol for the tests, written from its
// documented message flow (hello; prepareResize -> resizePrepared; resize with a height), the way
// a page that includes h5p-resizer.js answers an embedded frame. It knows nothing of credo-quiz.
window.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.context !== 'h5p') return;
  var frames = document.getElementsByTagName('iframe'), frame = null;
  for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === event.source) frame = frames[i];
  if (!frame) return;
  function respond(action) { event.source.postMessage({ context: 'h5p', action: action }, event.origin); }
  if (data.action === 'hello') { frame.style.width = '100%'; respond('hello'); }
  else if (data.action === 'prepareResize') { frame.style.height = '1px'; respond('resizePrepared'); }
  else if (data.action === 'resize') { frame.style.height = data.height + 'px'; }
});
