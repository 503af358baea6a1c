/**
 * Self-contained HTML reports: sections of text, tables and interactive plotly.js figures in one page that works
 * offline (the plotting library travels inside the page, compressed, and is unpacked by the browser), written
 * atomically next to a JSON file of every number shown.
 */
package ddmatch.report;
