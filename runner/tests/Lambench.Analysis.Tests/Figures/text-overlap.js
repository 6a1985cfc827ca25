// Finds text of rendered SVG figures that overlaps other text or leaves the canvas. Each text element is taken as
// its own rectangle turned as it is drawn (getBBox in the element's coordinates mapped by getScreenCTM), so
// rotated tick labels are compared as the quadrilaterals they occupy, not as their axis-aligned boxes; two shapes
// overlap when no edge of either separates them (the separating axis theorem for convex polygons).
function corners(t) {
  const b = t.getBBox(), m = t.getScreenCTM();
  return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
    .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
}
function separated(p, q) {
  for (const poly of [p, q]) {
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i], [x2, y2] = poly[(i + 1) % poly.length];
      const nx = y2 - y1, ny = x1 - x2;
      const project = r => r.map(([x, y]) => x * nx + y * ny);
      const a = project(p), b = project(q), len = Math.hypot(nx, ny);
      // A gap, or a touch of under a pixel, on this axis separates them.
      if (Math.max(...a) - 1 * len <= Math.min(...b) || Math.max(...b) - 1 * len <= Math.min(...a)) return true;
    }
  }
  return false;
}
window.addEventListener('load', () => {
  const problems = [];
  for (const div of document.querySelectorAll('div.fig')) {
    const svg = div.querySelector('svg'), frame = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')]
      .filter(t => t.textContent.trim().length > 0 && t.getBBox().width > 0 && getComputedStyle(t).visibility !== 'hidden' && getComputedStyle(t).display !== 'none')
      .map(t => ({ text: t.textContent.trim(), shape: corners(t) }));
    for (const t of texts) {
      if (t.shape.some(([x, y]) => x < frame.left - 1 || x > frame.right + 1 || y < frame.top - 1 || y > frame.bottom + 1)) {
        problems.push(`${div.dataset.id}: "${t.text}" is cut at the edge of the figure`);
      }
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        if (!separated(texts[i].shape, texts[j].shape)) problems.push(`${div.dataset.id}: "${texts[i].text}" overlaps "${texts[j].text}"`);
      }
    }
  }
  const pre = document.createElement('pre');
  pre.id = 'overlap-result';
  pre.textContent = JSON.stringify(problems);
  document.body.appendChild(pre);
});
