// What the browser tests measure on a drawn page (see audit.py).
({
  // Text cut by its box, chart texts outside the chart, legends lying on titles.
  layout: () => {
    const found = [];
    const shown = (el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const text = (el) => (el.innerText || el.textContent || '').trim().slice(0, 60);
    // HTML text cut by its box (ellipsis or hidden overflow)
    for (const el of document.querySelectorAll('.stMain *, [data-testid="stSidebar"] *')) {
      if (!shown(el) || el.closest('[data-testid="stPlotlyChart"], .stDeckGlJsonChart, [data-testid="stDataFrame"], .stCode, [data-testid="stCodeBlock"]')) continue;
      if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
      const s = getComputedStyle(el);
      const clips = s.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(s.overflowX);
      if (clips && el.scrollWidth > el.clientWidth + 1) {
        found.push(`cut text: "${text(el)}" (${el.scrollWidth}px in ${el.clientWidth}px)`);
      }
    }
    // Chart texts outside the chart, and legends on titles
    for (const chart of document.querySelectorAll('.js-plotly-plot')) {
      if (!shown(chart)) continue;
      const box = chart.getBoundingClientRect();
      for (const t of chart.querySelectorAll('.main-svg text, .infolayer text')) {
        if (!t.textContent.trim()) continue;
        const r = t.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
          found.push(`chart text outside the chart: "${t.textContent.slice(0, 60)}"`);
        }
      }
      const title = chart.querySelector('.gtitle');
      const legend = chart.querySelector('.legend .bg');
      if (title && legend) {
        const a = title.getBoundingClientRect(), b = legend.getBoundingClientRect();
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
          found.push(`legend over the title: "${title.textContent.slice(0, 60)}"`);
        }
      }
    }
    return found;
  },
  // The text a reader sees: page, sidebar, chart texts, table headers.
  visibleText: () => {
    const parts = [];
    for (const root of document.querySelectorAll('.stMain, [data-testid="stSidebar"]')) {
      const copy = root.cloneNode(true);  // without the icon ligatures ("keyboard_arrow_right")
      copy.querySelectorAll('[data-testid="stIconMaterial"], .material-symbols-rounded').forEach(n => n.remove());
      parts.push(copy.innerText || copy.textContent || '');
    }
    for (const t of document.querySelectorAll('.js-plotly-plot text')) parts.push(t.textContent);
    for (const t of document.querySelectorAll('[data-testid="stDataFrame"] [role="columnheader"]')) parts.push(t.textContent);
    return parts.join('\n');
  },
})
