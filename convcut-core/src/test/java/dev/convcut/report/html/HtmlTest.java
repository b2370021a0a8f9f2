package dev.convcut.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.report.html.Html.Cell;
import dev.convcut.report.plot.Figure;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesEveryCharacterThatCouldOpenMarkup() {
    assertThat(Html.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }

  @Test
  void tablesHeadingsAndEntriesEscapeTheirText() {
    String html = new Html().heading("s<", "<h>").table(List.of("<th>"), List.of(List.of(Cell.of("<td>"), Cell.number("1&2"))))
        .entry("<dt>", "<dd>").toString();
    assertThat(html).doesNotContain("<h>").doesNotContain("<th><th>").contains("&lt;td&gt;").contains("<td class=\"num\">1&amp;2</td>")
        .contains("<h2 id=\"s&lt;\">&lt;h&gt;</h2>").contains("<dt>&lt;dt&gt;</dt><dd>&lt;dd&gt;</dd>");
  }

  @Test
  void aFigureIsEmbeddedAsADataUriWithItsCaption() {
    String html = new Html().figure(new Figure("a.png", "T<", "C&", 9, 5, new byte[] {1, 2, 3})).toString();
    assertThat(html).contains("src=\"data:image/png;base64,AQID\"").contains("width=\"9\" height=\"5\"")
        .contains("alt=\"T&lt;\"").contains("<figcaption>C&amp;</figcaption>");
  }

  @Test
  void theContentsLineLinksOnlyToAnchorsOnThePage() {
    assertThat(new Html().contents(List.of(List.of("sweep", "Sweep"))).toString())
        .isEqualTo("<nav><a href=\"#sweep\">Sweep</a></nav>\n");
  }
}
