// Interop for Components/Charts/ApexChart.razor: one ApexCharts instance per element.
const charts = new WeakMap();

// A render that arrives after its element left the page (the user navigated on meanwhile) does nothing.
const gone = (element) => !(element instanceof Element) || !element.isConnected;

export function render(element, options) {
  if (gone(element)) return;
  destroy(element);
  const chart = new window.ApexCharts(element, options);
  charts.set(element, chart);
  chart.render();
}

export function update(element, options) {
  if (gone(element)) return;
  const chart = charts.get(element);
  if (chart) chart.updateOptions(options, false, false);
  else render(element, options);
}

export function destroy(element) {
  if (!(element instanceof Element)) return;
  const chart = charts.get(element);
  if (chart) {
    chart.destroy();
    charts.delete(element);
  }
}
