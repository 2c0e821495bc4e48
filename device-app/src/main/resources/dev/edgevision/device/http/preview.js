'use strict';
// The index (cameras list) and preview pages: both read /api/cameras; the preview shows /stream/CAMERA.
(function () {
  const page = document.body.dataset.page;
  const camera = page === 'preview' ? decodeURIComponent(location.pathname.split('/').pop()) : null;
  if (camera) {
    document.title = 'preview · ' + camera;
    document.getElementById('title').textContent = 'Preview of ' + camera;
    const img = document.getElementById('stream');
    img.addEventListener('load', () => { document.body.dataset.state = 'streaming'; });
    img.src = '/stream/' + encodeURIComponent(camera);
  }
  fetch('/api/cameras').then(r => r.json()).then(info => {
    const model = document.getElementById('model');
    if (info.model) {
      model.textContent = 'model ' + info.model.name + ' ' + info.model.version + ' (' +
        info.model.sha256.substring(0, 12) + ') on ' + info.backend;
    }
    const list = document.getElementById('cameras');
    if (list) {
      for (const c of info.cameras) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = '/preview/' + encodeURIComponent(c.name);
        a.textContent = c.name;
        li.appendChild(a);
        li.appendChild(document.createTextNode(' ' + c.state + (c.enabled ? '' : ' (disabled)') + ', ' +
          c.processed + ' frames'));
        list.appendChild(li);
      }
    }
  }).catch(e => { document.getElementById('model').textContent = 'could not read /api/cameras: ' + e; });
})();
