(function () {
  const result = document.getElementById('result');
  const errorBox = document.getElementById('error');
  const predictions = document.getElementById('predictions');
  const meta = document.getElementById('meta');
  const topK = document.getElementById('topk');
  const again = document.getElementById('again');
  const copy = document.getElementById('copy');
  let labels = '';
  let current = null;

  function clear() {
    predictions.replaceChildren();
    copy.hidden = true;
    meta.textContent = '';
  }

  async function classify() {
    if (!current) return;
    document.getElementById('empty').hidden = true;
    Lantern.clearError(errorBox);
    const form = new FormData();
    form.append('image', current, current.name || 'pasted-image');
    try {
      const answer = await Lantern.whileBusy(result, (signal) =>
        Lantern.request('/api/classify?topK=' + encodeURIComponent(topK.value), {method: 'POST', body: form, signal}));
      Lantern.renderBars(predictions, answer.predictions.map((p) => ({label: p.label, value: p.probability})));
      labels = answer.predictions.map((p) => `${p.label}\t${(p.probability * 100).toFixed(1)}%`).join('\n');
      copy.hidden = false;
      const t = answer.timings;
      meta.textContent = `${answer.model} on ${answer.device} · decode ${t.decodeMs} ms · inference ${t.inferenceMs} ms`;
    } catch (e) {
      clear();
      Lantern.showError(errorBox, e.message);
    } finally {
      again.disabled = !current;
    }
  }

  Lantern.imagePicker(document.getElementById('drop'), (file) => { current = file; classify(); }, (message) => {
    current = null;
    again.disabled = true;
    clear();
    Lantern.showError(errorBox, message);
  }, document.getElementById('examples'));
  again.addEventListener('click', classify);
  Lantern.copyButton(copy, () => labels, () => predictions);
  topK.addEventListener('change', classify);
})();
