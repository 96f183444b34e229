// Offline: the service worker keeps this build's files. A new build waits
// until the user chooses to reload into it (the app shows the offer).
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const announce = () => {
    window.winlossUpdateReady = true;
    dispatchEvent(new CustomEvent('winloss:update-ready'));
  };
  window.winlossApplyUpdate = async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (registration?.waiting) {
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
      registration.waiting.postMessage('skip-waiting');
    } else {
      location.reload();
    }
  };
  navigator.serviceWorker.register('/sw.js').then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) announce();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
      });
    });
  }, (error) => console.warn('Winloss works online only: the offline cache could not be set up.', error));
}
