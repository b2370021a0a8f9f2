/** The command line: picocli commands that parse options and call the Java API in convcut-core. */
package dev.convcut.cli;
