// Interop for Components/Charts/ApexChart.razor: one ApexCharts instance per element.
const charts = new WeakMap();

export function render(element, options) {
  destroy(element);
  const chart = new window.ApexCharts(element, options);
  charts.set(element, chart);
  chart.render();
}

export function update(element, options) {
  const chart = charts.get(element);
  if (chart) chart.updateOptions(options, false, false);
  else render(element, options);
}

export function destroy(element) {
  const chart = charts.get(element);
  if (chart) {
    chart.destroy();
    charts.delete(element);
  }
}
