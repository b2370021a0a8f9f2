/** The report's PNG plots, drawn headless with XChart in one consistent style (one colour per cut everywhere). */
package dev.convcut.report.plot;
