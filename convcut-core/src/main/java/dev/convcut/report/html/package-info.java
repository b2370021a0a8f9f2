/** The report's one self-contained HTML page: escaped text, inline CSS, plots as data URIs, no scripts. */
package dev.convcut.report.html;
