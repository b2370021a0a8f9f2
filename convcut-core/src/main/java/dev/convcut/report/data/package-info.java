/**
 * Readers for the files a study run leaves (docs/formats.md): each file is read by column name,
 * extra columns are ignored, and a missing column or a bad value is an error naming the file, the
 * line and the column. {@link dev.convcut.report.data.StudyRun#load} finds and reads them all.
 */
package dev.convcut.report.data;
