(function () {
  const result = document.getElementById('result');
  const errorBox = document.getElementById('error');
  const caption = document.getElementById('caption');
  const unsure = document.getElementById('unsure');
  const figure = document.getElementById('figure');
  const shown = document.getElementById('shown');
  const objects = document.getElementById('objects');
  const tags = document.getElementById('tags');
  const meta = document.getElementById('meta');
  const detail = document.getElementById('detail');
  const again = document.getElementById('again');
  const copy = document.getElementById('copy');
  let current = null;
  let shownUrl = null;

  function clear() {
    caption.textContent = '';
    caption.classList.remove('unsure');
    caption.removeAttribute('title');
    unsure.hidden = true;
    unsure.textContent = '';
    copy.hidden = true;
    figure.hidden = true;
    figure.querySelectorAll('.box').forEach((b) => b.remove());
    objects.replaceChildren();
    tags.replaceChildren();
    document.getElementById('objects-title').hidden = true;
    document.getElementById('tags-title').hidden = true;
    meta.textContent = '';
  }

  function percent(value, whole) {
    return (100 * value / whole).toFixed(3) + '%';
  }

  function show(answer) {
    caption.textContent = answer.caption;
    const sure = Math.round(answer.confidence * 100);
    const doubtful = answer.confidence < Number(caption.dataset.unsureBelow);
    caption.classList.toggle('unsure', doubtful);
    if (doubtful) {
      caption.title = `Lantern is unsure of this caption (confidence ${sure}%)`;
    } else {
      caption.removeAttribute('title');
    }
    unsure.hidden = !doubtful;
    unsure.textContent = doubtful ? `Underlined: the models are unsure of this caption (confidence ${sure}%); `
      + 'something in it may be named wrongly.' : '';
    copy.hidden = false;
    const size = answer.image;
    figure.querySelectorAll('.box').forEach((b) => b.remove());
    answer.objects.forEach((o) => {
      const b = o.box;
      const box = Lantern.el('div', {class: 'box' + (b.y < size.height * 0.06 ? ' low' : ''),
        title: `${o.label} ${(o.score * 100).toFixed(0)}%`,
        style: {left: percent(b.x, size.width), top: percent(b.y, size.height),
          width: percent(b.width, size.width), height: percent(b.height, size.height)}},
        [Lantern.el('span', {text: o.label})]);
      figure.append(box);
    });
    figure.hidden = false;
    objects.replaceChildren(...answer.objects.map((o) =>
      Lantern.el('li', {text: `${o.label} (${(o.score * 100).toFixed(0)}%)`})));
    document.getElementById('objects-title').hidden = answer.objects.length === 0;
    Lantern.renderBars(tags, answer.tags.map((t) => ({label: t.label, value: t.probability})));
    document.getElementById('tags-title').hidden = answer.tags.length === 0;
    const t = answer.timings;
    meta.textContent = `${answer.model} · confidence ${sure}% · decode ${t.decodeMs} ms · detector ${t.detectorMs} ms`
      + ` · classifier ${t.classifierMs} ms`;
  }

  async function describe() {
    if (!current) return;
    document.getElementById('empty').hidden = true;
    Lantern.clearError(errorBox);
    const form = new FormData();
    form.append('image', current, current.name || 'pasted-image');
    again.disabled = true;
    try {
      const answer = await Lantern.whileBusy(result, (signal) =>
        Lantern.request('/api/caption?detail=' + encodeURIComponent(detail.value), {method: 'POST', body: form, signal}));
      show(answer);
    } catch (e) {
      clear();
      Lantern.showError(errorBox, e.message);
    } finally {
      again.disabled = !current;
    }
  }

  Lantern.imagePicker(document.getElementById('drop'), (file) => {
    current = file;
    clear();
    if (shownUrl) URL.revokeObjectURL(shownUrl);
    shownUrl = URL.createObjectURL(file);
    shown.src = shownUrl;
    describe();
  }, (message) => {
    current = null;
    again.disabled = true;
    clear();
    Lantern.showError(errorBox, message);
  }, document.getElementById('examples'));
  again.addEventListener('click', describe);
  Lantern.copyButton(copy, () => caption.textContent, () => caption);
  detail.addEventListener('change', describe);
})();
