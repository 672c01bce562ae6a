// Starts the app from a file rather than an inline script, so the page runs under
// Content-Security-Policy `script-src 'self' 'wasm-unsafe-eval'` (trunk fills in the file names).
const boot = document.getElementById('credo-quiz-boot');
try {
  const { default: init } = await import(boot.dataset.js);
  await init({ module_or_path: boot.dataset.wasm });
} catch (error) {
  // Never leave the page on "Loading…": say plainly that it could not start (a server that sends
  // .wasm with the wrong type, or a CSP without 'wasm-unsafe-eval', ends up here).
  const app = document.getElementById('app');
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = 'クイズを開始できませんでした。ページを再読み込みしても直らないときは、管理者にお知らせください。' +
    ' / The quiz could not start. If reloading does not help, please tell the administrator.';
  app.replaceChildren(message);
  throw error;
}
