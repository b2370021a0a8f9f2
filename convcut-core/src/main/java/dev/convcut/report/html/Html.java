package dev.convcut.report.html;

import dev.convcut.report.plot.Figure;
import java.util.Base64;
import java.util.List;

/**
 * A small HTML builder whose every text argument is escaped; markup enters only through the
 * builder's own methods, so a layer name or a run label can never inject tags.
 */
final class Html {
  private final StringBuilder out = new StringBuilder();

  /** Escapes text for element content and double-quoted attribute values. */
  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }

  /** Markup written by this package itself (the doctype, the style sheet); never user text. */
  Html trusted(String markup) {
    out.append(markup);
    return this;
  }

  Html open(String tag, String cssClass) {
    out.append('<').append(tag);
    if (cssClass != null) {
      out.append(" class=\"").append(escape(cssClass)).append('"');
    }
    out.append(">\n");
    return this;
  }

  Html close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /** An element holding escaped text. */
  Html element(String tag, String cssClass, String text) {
    out.append('<').append(tag);
    if (cssClass != null) {
      out.append(" class=\"").append(escape(cssClass)).append('"');
    }
    out.append('>').append(escape(text)).append("</").append(tag).append(">\n");
    return this;
  }

  /** A section heading with an anchor. */
  Html heading(String id, String text) {
    out.append("<h2 id=\"").append(escape(id)).append("\">").append(escape(text)).append("</h2>\n");
    return this;
  }

  /** A line of links to the page's own sections: each entry is (anchor id, title). */
  Html contents(List<List<String>> sections) {
    out.append("<nav>");
    for (List<String> s : sections) {
      out.append("<a href=\"#").append(escape(s.get(0))).append("\">").append(escape(s.get(1))).append("</a>");
    }
    out.append("</nav>\n");
    return this;
  }

  Html paragraph(String text) {
    return element("p", null, text);
  }

  /** A table: a header row, then rows of cells; a cell is text, or a {@link Cell} for a class. */
  Html table(List<String> header, List<List<Cell>> rows) {
    out.append("<div class=\"table\">\n<table>\n<thead><tr>");
    header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (List<Cell> row : rows) {
      out.append("<tr>");
      for (Cell c : row) {
        out.append(c.cssClass() == null ? "<td>" : "<td class=\"" + escape(c.cssClass()) + "\">")
            .append(escape(c.text())).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n</div>\n");
    return this;
  }

  /** A figure embedded as a data URI, with its caption. */
  Html figure(Figure f) {
    out.append("<figure>\n<img alt=\"").append(escape(f.title())).append("\" width=\"").append(f.width())
        .append("\" height=\"").append(f.height()).append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(f.png())).append("\">\n<figcaption>").append(escape(f.caption()))
        .append("</figcaption>\n</figure>\n");
    return this;
  }

  /** A definition-list entry, for the provenance box. */
  Html entry(String term, String value) {
    out.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** A table cell: its text and an optional CSS class. */
  record Cell(String text, String cssClass) {
    static Cell of(String text) {
      return new Cell(text, null);
    }

    static Cell number(String text) {
      return new Cell(text, "num");
    }
  }
}
