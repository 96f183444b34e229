// The page's Content-Security-Policy: only the app's own files run, the one
// eval allowed is compiling WebAssembly, and nothing is fetched from or sent
// to another origin. Styles: the app and ECharts set styles through the
// CSSOM only, which the policy allows; no inline <style> or style="" is used.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
