// Interop for Components/Shared/CsvButton.razor: a table, as shown, downloaded as CSV (RFC 4180).
// Cells are the tracked page's strings: a cell that a spreadsheet would read as a formula (=, +, -, @,
// tab, CR) is prefixed with an apostrophe, so opening the file runs nothing.
const cell = (text) => {
  let value = text.replace(/\s*\n\s*/g, ' · ').trim();
  if (/^[=+\-@\t\r]/.test(value) && !/^-?\d+([.,]\d+)?( %)?$/.test(value)) value = "'" + value;
  return /[",\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
};

// What a cell shows, without its controls (marked data-csv-skip, such as the microscope links).
const text = (c) => {
  if (!c.querySelector('[data-csv-skip]')) return c.innerText;
  const copy = c.cloneNode(true);
  copy.querySelectorAll('[data-csv-skip]').forEach((e) => e.remove());
  return copy.textContent;
};

export function toCsv(table) {
  return Array.from(table.rows)
    .map((row) => Array.from(row.cells).map((c) => cell(text(c))).join(','))
    .join('\r\n') + '\r\n';
}

export function download(selector, fileName) {
  const table = document.querySelector(selector);
  if (!table) return;
  const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
