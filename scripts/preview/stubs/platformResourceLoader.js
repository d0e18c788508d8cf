/**
 * `lightning/platformResourceLoader` for the local preview: loads a script or style sheet once
 * per URL, as the platform does. Same-origin URLs only (the page's Content-Security-Policy).
 */
const loaded = new Map();

function load(url, create) {
  if (!loaded.has(url)) {
    loaded.set(
      url,
      new Promise((resolve, reject) => {
        const element = create();
        element.addEventListener('load', () => resolve());
        element.addEventListener('error', () => {
          loaded.delete(url);
          reject(new Error(`Could not load ${url}`));
        });
        document.head.appendChild(element);
      })
    );
  }
  return loaded.get(url);
}

export function loadScript(_component, url) {
  return load(url, () => {
    const script = document.createElement('script');
    script.src = url;
    return script;
  });
}

export function loadStyle(_component, url) {
  return load(url, () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = url;
    return link;
  });
}
