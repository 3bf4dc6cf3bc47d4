// A button with data-copy="ID" copies the text of the element with that id (the sites page's tag lines).
// One listener on the document: it keeps working across Blazor's enhanced navigations.
const copy = async (text) => {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = Object.assign(document.createElement('textarea'), { value: text });
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
};

document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-copy]') : null;
  const source = button && document.getElementById(button.dataset.copy);
  if (!source) return;
  try {
    await copy(source.textContent);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Select and copy it';
  }
  setTimeout(() => { button.textContent = 'Copy'; }, 2000);
});
