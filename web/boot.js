// Starts the app from a file rather than an inline script, so the page runs under
// Content-Security-Policy `script-src 'self' 'wasm-unsafe-eval'` (trunk fills in the file names).
const boot = document.getElementById('credo-quiz-boot');
const { default: init } = await import(boot.dataset.js);
await init({ module_or_path: boot.dataset.wasm });
