/**
 * Self-contained HTML reports: sections of text, tables and interactive plotly.js figures in one page that works
 * offline (the plotting library travels inside the page, compressed, and is unpacked by the browser), written
 * atomically next to a JSON file of every number shown. Every figure also carries a static SVG rendering of the same
 * data ({@link ddmatch.report.Chart}, drawn by {@link ddmatch.report.SvgPlot}), shown where the interactive one cannot
 * be drawn (scripts off, no WebGL) and in print.
 */
package ddmatch.report;
