// Test host page helper: records every message the page receives, with its origin, in window.received.
window.received = [];
window.addEventListener('message', function (event) {
  window.received.push({ origin: event.origin, data: event.data });
});
