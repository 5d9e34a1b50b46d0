// CSRF token for htmx requests (Spring Security checks it on every state-changing request).
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
// Charts: every element with data-chart holds an ECharts option as JSON.
function srdiCharts(root) {
  if (typeof echarts === 'undefined') { return; }
  (root || document).querySelectorAll('[data-chart]').forEach(function (el) {
    var chart = echarts.getInstanceByDom(el) || echarts.init(el);
    chart.setOption(JSON.parse(el.getAttribute('data-chart')), true);
  });
}
document.addEventListener('DOMContentLoaded', function () { srdiCharts(document); });
document.addEventListener('htmx:afterSettle', function (e) { srdiCharts(e.target); });
window.addEventListener('resize', function () {
  if (typeof echarts === 'undefined') { return; }
  document.querySelectorAll('[data-chart]').forEach(function (el) { var c = echarts.getInstanceByDom(el); if (c) { c.resize(); } });
});
