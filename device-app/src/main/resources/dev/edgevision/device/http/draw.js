'use strict';
// The draw-a-digit page: light strokes on a dark canvas (the way MNIST digits look), posted as a PNG to
// /api/read when the pointer lifts; the reply's scores are shown as bars, detections as boxes.
(function () {
  const pad = document.getElementById('pad');
  const overlay = document.getElementById('overlay');
  const ctx = pad.getContext('2d');
  const octx = overlay.getContext('2d');
  let drawing = false;
  let last = null;
  let pending = 0;

  function clear() {
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, pad.width, pad.height);
    octx.clearRect(0, 0, overlay.width, overlay.height);
    document.getElementById('answer').textContent = '?';
    document.getElementById('scores').textContent = '';
    document.body.dataset.state = 'empty';
  }

  function point(e) {
    const r = pad.getBoundingClientRect();
    return { x: (e.clientX - r.left) * pad.width / r.width, y: (e.clientY - r.top) * pad.height / r.height };
  }

  function stroke(to) {
    ctx.strokeStyle = '#fff';
    ctx.fillStyle = '#fff';
    ctx.lineWidth = 20;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    if (last) {
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(to.x, to.y);
      ctx.stroke();
    } else {
      ctx.arc(to.x, to.y, ctx.lineWidth / 2, 0, 2 * Math.PI);
      ctx.fill();
    }
    last = to;
  }

  pad.addEventListener('pointerdown', e => {
    drawing = true;
    last = null;
    pad.setPointerCapture(e.pointerId);
    document.body.dataset.state = 'drawing';
    stroke(point(e));
  });
  pad.addEventListener('pointermove', e => {
    if (drawing) {
      stroke(point(e));
    }
  });
  function lift() {
    if (drawing) {
      drawing = false;
      last = null;
      read();
    }
  }
  pad.addEventListener('pointerup', lift);
  pad.addEventListener('pointercancel', lift);
  document.getElementById('clear').addEventListener('click', clear);

  function read() {
    const ticket = ++pending;
    document.body.dataset.state = 'reading';
    pad.toBlob(blob => {
      fetch('/api/read', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: blob })
        .then(r => r.json().then(body => ({ ok: r.ok, body })))
        .then(({ ok, body }) => {
          if (ticket !== pending) {
            return;
          }
          if (!ok) {
            throw new Error(body.message || body.error);
          }
          show(body);
          document.body.dataset.state = 'read';
        })
        .catch(e => {
          document.getElementById('answer').textContent = '!';
          document.getElementById('model').textContent = 'could not read the drawing: ' + e.message;
          document.body.dataset.state = 'failed';
        });
    }, 'image/png');
  }

  function show(reply) {
    document.getElementById('answer').textContent = reply.label === null ? '–' : reply.label;
    const scores = document.getElementById('scores');
    scores.textContent = '';
    for (const s of reply.scores) {
      const row = document.createElement('div');
      row.className = 'bar' + (s.label === reply.label ? ' best' : '');
      row.dataset.label = s.label;
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = s.label;
      const track = document.createElement('span');
      track.className = 'track';
      const fill = document.createElement('span');
      fill.className = 'fill';
      fill.style.width = (100 * s.score).toFixed(1) + '%';
      fill.style.display = 'block';
      track.appendChild(fill);
      const value = document.createElement('span');
      value.className = 'value';
      value.textContent = (100 * s.score).toFixed(1) + '%';
      row.append(label, track, value);
      scores.appendChild(row);
    }
    document.getElementById('model').textContent = reply.task + ' model ' + reply.model.name + ' ' +
      reply.model.version + ' on ' + reply.backend + ', ' + reply.ms + ' ms';
    octx.clearRect(0, 0, overlay.width, overlay.height);
    for (const d of reply.detections || []) {
      octx.strokeStyle = '#f08c00';
      octx.lineWidth = 3;
      octx.strokeRect(d.box.x, d.box.y, d.box.w, d.box.h);
      octx.fillStyle = '#f08c00';
      octx.font = 'bold 16px sans-serif';
      octx.fillText(d.label + ' ' + d.score.toFixed(2), d.box.x + 2, Math.max(16, d.box.y - 4));
    }
    const input = document.getElementById('input');
    if (reply.input) {
      input.width = reply.input.width;
      input.height = reply.input.height;
      const ictx = input.getContext('2d');
      const img = ictx.createImageData(reply.input.width, reply.input.height);
      reply.input.pixels.forEach((v, i) => {
        img.data[4 * i] = v;
        img.data[4 * i + 1] = v;
        img.data[4 * i + 2] = v;
        img.data[4 * i + 3] = 255;
      });
      ictx.putImageData(img, 0, 0);
    }
  }

  clear();
})();
